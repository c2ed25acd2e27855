import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, formatConfigIssues } from '../config/errors.ts';
import { importConfigFile } from '../config/files.ts';
import { loadDotenv, loadValidationConfig, type ResolvedConfig } from '../config/load.ts';
import { workspaceConfigSchema, type WorkspaceConfig } from './schema.ts';

import { CROSS_PLATFORM_ID, WORKSPACE_VARIABLE, targetEnvironment } from './variables.ts';

type Env = Record<string, string | undefined>;

/** The workspace with its paths resolved. */
export interface ResolvedWorkspace extends WorkspaceConfig {
  file: string;
  dir: string;
  targets: (WorkspaceConfig['targets'][number] & { configFile: string })[];
}

/** A workspace's target: its resolved config, its id stamped in `meta.target`. */
export type WorkspaceTargetConfig = ResolvedConfig & { meta: ResolvedConfig['meta'] & { target: string } };

/** Validates a raw workspace object. Pure but for checking that each target's config file exists. */
export function resolveWorkspace(raw: unknown, file: string, exists: (file: string) => boolean = existsSync): ResolvedWorkspace {
  const parsed = workspaceConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, formatConfigIssues(parsed.error.issues, raw));
  const workspace = parsed.data;
  const dir = path.dirname(file);
  const problems: string[] = [];
  const seen = new Set<string>();
  const targets = workspace.targets.map((target, i) => {
    if (seen.has(target.id)) problems.push(`targets[${i}].id ${JSON.stringify(target.id)} is used twice: each target needs its own id`);
    seen.add(target.id);
    const configFile = path.resolve(dir, target.config);
    if (!exists(configFile)) problems.push(`targets[${i}].config: ${target.config} does not exist (resolved to ${configFile})`);
    return { ...target, configFile };
  });
  if (seen.has(CROSS_PLATFORM_ID)) problems.push(`a target may not be called ${JSON.stringify(CROSS_PLATFORM_ID)}: it names the cross-platform gate`);
  const known = (where: string, id: string) => {
    if (!seen.has(id)) problems.push(`${where} names ${JSON.stringify(id)}, which is not a target; the targets are ${[...seen].join(', ')}`);
  };
  const pairs: [string, { [key: string]: unknown }[], string, string][] = [
    ['contracts', workspace.crossPlatform.contracts, 'from', 'to'],
    ['tokens', workspace.crossPlatform.tokens, 'issuer', 'audience'],
    ['cors', workspace.crossPlatform.cors, 'caller', 'callee'],
  ];
  for (const [section, entries, one, other] of pairs) {
    entries.forEach((entry, i) => {
      known(`crossPlatform.${section}[${i}].${one}`, String(entry[one]));
      known(`crossPlatform.${section}[${i}].${other}`, String(entry[other]));
      if (entry[one] === entry[other]) problems.push(`crossPlatform.${section}[${i}] compares ${JSON.stringify(entry[one])} with itself: name two targets`);
    });
  }
  const staged = new Set<string>();
  workspace.stages.forEach((stage, i) => stage.targets.forEach((id, j) => {
    known(`stages[${i}].targets[${j}]`, id);
    if (staged.has(id)) problems.push(`stages[${i}].targets[${j}] names ${JSON.stringify(id)}, which an earlier stage has: a target belongs to one stage`);
    staged.add(id);
  }));
  workspace.release.advisory.forEach((id, i) => {
    if (!seen.has(id)) problems.push(`release.advisory[${i}] names ${JSON.stringify(id)}, which is not a target; the targets are ${[...seen].join(', ')}`);
  });
  if (workspace.release.advisory.length >= targets.length) problems.push('release.advisory lists every target: at least one target must decide the release');
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { ...workspace, file, dir, targets };
}

const workspaces = new Map<string, Promise<ResolvedWorkspace>>();

export function loadWorkspace(file: string): Promise<ResolvedWorkspace> {
  let loaded = workspaces.get(file);
  if (!loaded) {
    loaded = importWorkspace(file).then((raw) => resolveWorkspace(raw, file));
    workspaces.set(file, loaded);
  }
  return loaded;
}

/**
 * Every target's resolved config, in the workspace's order. All targets' problems are collected
 * and thrown once, each under its target's id and file.
 */
export async function loadWorkspaceTargets(workspace: ResolvedWorkspace, env: Env = process.env, cwd = process.cwd()): Promise<WorkspaceTargetConfig[]> {
  loadDotenv(cwd);
  const settled = await Promise.allSettled(workspace.targets.map((target) => loadWorkspaceTarget(workspace, target.id, env, cwd)));
  const problems: string[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') return;
    const error = outcome.reason as unknown;
    if (!(error instanceof ConfigError)) throw error;
    const id = workspace.targets[i]!.id;
    problems.push(...error.problems.map((problem) => `${id} (${path.relative(cwd, error.file) || error.file}): ${problem}`));
  });
  if (problems.length > 0) throw new ConfigError(workspace.file, problems);
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<WorkspaceTargetConfig>).value);
}

/** One target's resolved config, in that target's environment. */
export async function loadWorkspaceTarget(workspace: ResolvedWorkspace, id: string, env: Env = process.env, cwd = process.cwd()): Promise<WorkspaceTargetConfig> {
  const target = workspace.targets.find((t) => t.id === id);
  if (!target) throw new ConfigError(workspace.file, [`no target ${JSON.stringify(id)}; the targets are ${workspace.targets.map((t) => t.id).join(', ')}`]);
  const config = await loadValidationConfig({ ...targetEnvironment(id, env), VALIDATION_CONFIG: target.configFile }, cwd);
  return { ...config, meta: { ...config.meta, target: id } };
}

async function importWorkspace(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new ConfigError(file, [`the workspace file does not exist (${WORKSPACE_VARIABLE}=${process.env[WORKSPACE_VARIABLE] ?? ''})`]);
  return importConfigFile(file);
}
