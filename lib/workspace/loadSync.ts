import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.ts';
import { readConfigFile } from '../config/files.ts';
import { loadDotenv } from '../config/load.ts';
import { loadValidationConfigSync } from '../config/loadSync.ts';
import type { ResolvedWorkspace, WorkspaceTargetConfig } from './load.ts';
import { resolveWorkspace } from './load.ts';
import { targetEnvironment, WORKSPACE_VARIABLE } from './variables.ts';

type Env = Record<string, string | undefined>;

/**
 * The installed package's Playwright config hands Playwright its projects at once (it is `require`d
 * in a CommonJS project), so a workspace and its targets' configs load synchronously there, with
 * the same validation and the same collected problems as the asynchronous loader's.
 */
export function loadWorkspaceSync(file: string, env: Env = process.env): ResolvedWorkspace {
  if (!existsSync(file)) throw new ConfigError(file, [`the workspace file does not exist (${WORKSPACE_VARIABLE}=${env[WORKSPACE_VARIABLE] ?? ''})`]);
  return resolveWorkspace(readConfigFile(file), file);
}

export function loadWorkspaceTargetsSync(workspace: ResolvedWorkspace, env: Env = process.env, cwd = process.cwd()): WorkspaceTargetConfig[] {
  loadDotenv(cwd);
  const problems: string[] = [];
  const configs: WorkspaceTargetConfig[] = [];
  for (const target of workspace.targets) {
    try {
      const config = loadValidationConfigSync({ ...targetEnvironment(target.id, env), VALIDATION_CONFIG: target.configFile }, cwd);
      configs.push({ ...config, meta: { ...config.meta, target: target.id } });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems.map((problem) => `${target.id} (${path.relative(cwd, error.file) || error.file}): ${problem}`));
    }
  }
  if (problems.length > 0) throw new ConfigError(workspace.file, problems);
  return configs;
}
