import { defineConfig } from '@playwright/test';
import { loadValidationConfig } from '../lib/config/index.ts';
import { workspaceFile } from '../lib/workspace/variables.ts';
import { mergeConfig, SUITE_ROOT } from '../projects/suiteConfig.ts';

/**
 * `meta-orchestrator merge <blob folder>`: the team's shards merged through the risk reporter, outputs
 * beside its config; a workspace run's (VALIDATION_WORKSPACE) through each target's reporter and the
 * release's, outputs beside the workspace file.
 */
const workspace = workspaceFile();
let config;
if (workspace) {
  const { workspaceMergeConfig } = await import('../projects/workspaceConfig.ts');
  config = await workspaceMergeConfig(workspace, SUITE_ROOT);
} else {
  const validation = await loadValidationConfig();
  config = mergeConfig(validation, { suiteRoot: SUITE_ROOT, projectRoot: validation.meta.dir });
}

export default defineConfig(config);
