/**
 * `import { defineValidationConfig } from 'meta-orchestrator'`: what a team's validation.config.ts
 * needs. The config is typed here and validated when the gates load it.
 */
export { defineValidationConfig, type ResolvedConfig, type ValidationConfig, type ValidationConfigInput } from '../lib/config/index.ts';
export type { TargetEnvironment } from '../lib/config/load.ts';
export { GATE_ORDER, QUICK_GATES } from '../lib/gates.ts';
export { defineWorkspaceConfig, type WorkspaceConfig, type WorkspaceConfigInput } from '../lib/workspace/schema.ts';
