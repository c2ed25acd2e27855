import { defineConfig } from '@playwright/test';
import { loadValidationConfig } from './lib/config/index.ts';
import { workspaceFile } from './lib/workspace/variables.ts';
import { mergeConfig } from './projects/suiteConfig.ts';

/**
 * `npx playwright merge-reports --config merge.config.ts <blob folder>`: the shards' blobs through the
 * same risk reporter, so the merged verdict, counts and rate equal an unsharded run's. A workspace
 * run's blobs (VALIDATION_WORKSPACE) go through its reporters: each target's, then the release's.
 */
const paths = { suiteRoot: import.meta.dirname, projectRoot: import.meta.dirname };

const workspace = workspaceFile();
export default defineConfig(workspace
  ? await (await import('./projects/workspaceConfig.ts')).workspaceMergeConfig(workspace, paths.suiteRoot, paths.projectRoot)
  : mergeConfig(await loadValidationConfig(), paths));
