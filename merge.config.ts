import path from 'node:path';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { loadValidationConfig } from './lib/config/index.ts';
import { workspaceFile } from './lib/workspace/variables.ts';
import { mergeConfig, outputRootOf } from './projects/suiteConfig.ts';

/**
 * `npx playwright merge-reports --config merge.config.ts <blob folder>`: the shards' blobs through the
 * same risk reporter, so the merged verdict, counts and rate equal an unsharded run's. A workspace
 * run's blobs (VALIDATION_WORKSPACE) go through its reporters: each target's, then the release's.
 */
const paths = { suiteRoot: import.meta.dirname, projectRoot: import.meta.dirname };

async function workspaceMerge(file: string): Promise<PlaywrightTestConfig> {
  const { loadWorkspace, loadWorkspaceTargets } = await import('./lib/workspace/load.ts');
  const { workspaceReporters } = await import('./projects/workspaceConfig.ts');
  const workspace = await loadWorkspace(file);
  const configs = await loadWorkspaceTargets(workspace);
  const runId = process.env.RUN_ID || `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-merged`;
  return {
    testDir: paths.suiteRoot,
    reporter: [['html', { open: 'never', outputFolder: path.join(outputRootOf(paths.projectRoot), 'playwright-report') }], ...workspaceReporters(workspace, configs, paths, runId)],
  };
}

const workspace = workspaceFile();
export default defineConfig(workspace ? await workspaceMerge(workspace) : mergeConfig(await loadValidationConfig(), paths));
