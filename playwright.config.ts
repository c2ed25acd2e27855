import path from 'node:path';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { ConfigError } from './lib/config/errors.ts';
import { handConfigToWorkers, loadValidationConfig, type ResolvedConfig } from './lib/config/load.ts';
import { openSecretChannel } from './lib/secretChannel.ts';
import { workspaceFile } from './lib/workspace/variables.ts';
import { outputRootOf, suiteConfig } from './projects/suiteConfig.ts';

/** The suite's own checkout: specs, outputs and baselines all live here (OUTPUT_ROOT moves the outputs). */
const root = import.meta.dirname;

/** Thin: loads the validation config, then builds projects and reporters (projects/suiteConfig.ts). */
async function load(): Promise<ResolvedConfig> {
  return fail(() => loadValidationConfig());
}

/** A config error stops the run before any test, and still leaves its log, a CRITICAL summary and a verdict. */
async function fail<T>(loading: () => Promise<T>): Promise<T> {
  try {
    return await loading();
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

/** A workspace run (VALIDATION_WORKSPACE): every target it lists, each with its own chain of gates. */
async function workspaceRun(file: string): Promise<PlaywrightTestConfig> {
  const { loadWorkspace, loadWorkspaceTargets } = await import('./lib/workspace/load.ts');
  const { workspaceSuiteConfig } = await import('./projects/workspaceConfig.ts');
  const [workspace, configs] = await fail(async () => {
    const loaded = await loadWorkspace(file);
    return [loaded, await loadWorkspaceTargets(loaded)] as const;
  });
  openSecretChannel();
  return workspaceSuiteConfig(workspace, configs, { suiteRoot: root, projectRoot: root });
}

async function singleRun(): Promise<PlaywrightTestConfig> {
  const config = await load();
  // Before workers start, so they inherit them: the resolved config (no worker validates it again)
  // and the channel that carries run-time secrets to the reporter's redaction.
  handConfigToWorkers(config);
  openSecretChannel();
  return suiteConfig(config, { suiteRoot: root, projectRoot: root });
}

const workspace = workspaceFile();
export default defineConfig(workspace ? await workspaceRun(workspace) : await singleRun());
