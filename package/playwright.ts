import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { ConfigError } from '../lib/config/errors.ts';
import { handConfigToWorkers, type ResolvedConfig } from '../lib/config/load.ts';
import { loadValidationConfigSync } from '../lib/config/loadSync.ts';
import { openSecretChannel } from '../lib/secretChannel.ts';
import { workspaceFile } from '../lib/workspace/variables.ts';
import { MODULE_EXTENSION, outputRootOf, SUITE_ROOT, suiteConfig } from '../projects/suiteConfig.ts';

type ConfigFailureModule = typeof import('../reporters/configFailure.ts');
type WorkspaceLoadModule = typeof import('../lib/workspace/loadSync.ts');
type WorkspaceConfigModule = typeof import('../projects/workspaceConfig.ts');

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
 * `overrides` replace top-level Playwright options (e.g. `{ workers: 2 }`). With VALIDATION_WORKSPACE
 * set, every target the workspace file lists, each with its own chain (outputs beside the workspace file).
 */
export function defineGateConfig(overrides: PlaywrightTestConfig = {}): PlaywrightTestConfig {
  const workspace = workspaceFile();
  if (workspace) return defineConfig({ ...workspaceConfigOrExit(workspace), ...overrides });
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
    return exitOnConfigError(error, path.dirname((error as ConfigError).file ?? '.'));
  }
}

/** A workspace's targets, each with its own chain; loaded (zod and the schema) only when a workspace is named. */
function workspaceConfigOrExit(file: string): PlaywrightTestConfig {
  const load = createRequire(import.meta.filename);
  const { loadWorkspaceSync, loadWorkspaceTargetsSync } = load(`../lib/workspace/loadSync${MODULE_EXTENSION}`) as WorkspaceLoadModule;
  const { workspaceSuiteConfig } = load(`../projects/workspaceConfig${MODULE_EXTENSION}`) as WorkspaceConfigModule;
  let loaded;
  try {
    const workspace = loadWorkspaceSync(file);
    loaded = { workspace, configs: loadWorkspaceTargetsSync(workspace) };
  } catch (error) {
    return exitOnConfigError(error, path.dirname(file));
  }
  openSecretChannel();
  return workspaceSuiteConfig(loaded.workspace, loaded.configs, { suiteRoot: SUITE_ROOT, projectRoot: loaded.workspace.dir });
}

/** No test runs, but the run still leaves its log, a CRITICAL summary and a verdict, where the config is. */
function exitOnConfigError(error: unknown, dir: string): never {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  const reportsDir = process.env.REPORTS_DIR || path.join(outputRootOf(dir), 'reports');
  const { writeConfigFailure } = createRequire(import.meta.filename)(`../reporters/configFailure${MODULE_EXTENSION}`) as ConfigFailureModule;
  writeConfigFailure(reportsDir, error);
  process.exit(1);
}
