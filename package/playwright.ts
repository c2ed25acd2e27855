import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { ConfigError } from '../lib/config/errors.ts';
import { handConfigToWorkers, type ResolvedConfig } from '../lib/config/load.ts';
import { loadValidationConfigSync } from '../lib/config/loadSync.ts';
import { openSecretChannel } from '../lib/secretChannel.ts';
import { MODULE_EXTENSION, outputRootOf, SUITE_ROOT, suiteConfig } from '../projects/suiteConfig.ts';

type ConfigFailureModule = typeof import('../reporters/configFailure.ts');

/**
 * The gates as a Playwright config for a team's repository:
 *
 *   // playwright.config.ts
 *   import { defineGateConfig } from 'meta-orchestrator/playwright';
 *   export default defineGateConfig();
 *
 * The validation config is found upward from the working folder (or VALIDATION_CONFIG); outputs
 * (reports, HTML and Allure, history) and baselines go beside it, or under OUTPUT_ROOT. Synchronous:
 * Playwright needs the projects when it loads the file, in a CommonJS project as in an ES module one.
 * `overrides` replace top-level Playwright options (e.g. `{ workers: 2 }`).
 */
export function defineGateConfig(overrides: PlaywrightTestConfig = {}): PlaywrightTestConfig {
  const config = loadOrExit();
  // Before workers start, so they inherit them: the resolved config and the secret channel.
  handConfigToWorkers(config);
  openSecretChannel();
  return defineConfig(suiteConfig(config, { suiteRoot: SUITE_ROOT, projectRoot: config.meta.dir }, overrides));
}

function loadOrExit(): ResolvedConfig {
  try {
    return loadValidationConfigSync();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    // No test runs, but the run still leaves its log, a CRITICAL summary and a verdict, where the config is.
    const reportsDir = process.env.REPORTS_DIR || path.join(outputRootOf(path.dirname(error.file)), 'reports');
    const { writeConfigFailure } = createRequire(import.meta.filename)(`../reporters/configFailure${MODULE_EXTENSION}`) as ConfigFailureModule;
    writeConfigFailure(reportsDir, error);
    process.exit(1);
  }
}
