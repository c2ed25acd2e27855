import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ConfigError } from './lib/config/errors.ts';
import { handConfigToWorkers, loadValidationConfig, type ResolvedConfig } from './lib/config/load.ts';
import { openSecretChannel } from './lib/secretChannel.ts';
import { outputRootOf, suiteConfig } from './projects/suiteConfig.ts';

/** The suite's own checkout: specs, outputs and baselines all live here (OUTPUT_ROOT moves the outputs). */
const root = import.meta.dirname;

/** Thin: loads the validation config, then builds projects and reporters (projects/suiteConfig.ts). */
async function load(): Promise<ResolvedConfig> {
  try {
    return await loadValidationConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      // No test runs, but the run still leaves its log, a CRITICAL summary and a verdict.
      const { writeConfigFailure } = await import('./reporters/configFailure.ts');
      writeConfigFailure(process.env.REPORTS_DIR || path.join(outputRootOf(root), 'reports'), error);
      process.exit(1);
    }
    throw error;
  }
}

const config = await load();
// Before workers start, so they inherit them: the resolved config (no worker validates it again)
// and the channel that carries run-time secrets to the reporter's redaction.
handConfigToWorkers(config);
openSecretChannel();

export default defineConfig(suiteConfig(config, { suiteRoot: root, projectRoot: root }));
