export { defineWorkspaceConfig, TARGET_ID_PATTERN, type WorkspaceConfig, type WorkspaceConfigInput, type WorkspaceTarget } from './schema.ts';
export { loadWorkspace, loadWorkspaceTarget, loadWorkspaceTargets, resolveWorkspace, type ResolvedWorkspace, type WorkspaceTargetConfig } from './load.ts';
export { WORKSPACE_VARIABLE, targetEnvironment, targetVariablePrefix, workspaceFile } from './variables.ts';
