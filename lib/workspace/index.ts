export { defineWorkspaceConfig, TARGET_ID_PATTERN, type CrossPlatformConfig, type WorkspaceConfig, type WorkspaceConfigInput, type WorkspaceTarget } from './schema.ts';
export { loadWorkspace, loadWorkspaceTarget, loadWorkspaceTargets, resolveWorkspace, type ResolvedWorkspace, type WorkspaceTargetConfig } from './load.ts';
export { CROSS_PLATFORM_ID, WORKSPACE_VARIABLE, targetEnvironment, targetVariablePrefix, workspaceFile } from './variables.ts';
