import path from 'node:path';

/*
 * The workspace's variables, without the schema: what a worker needs to know whether it runs in a
 * workspace and in which target's environment (zod and the schema load only where a file is validated).
 */

type Env = Record<string, string | undefined>;

/** The id of the cross-platform gate's chain and report folder: no target may take it. */
export const CROSS_PLATFORM_ID = 'cross-platform';

/** The gate a staged target starts with: the stage before must have ended with a verdict that lets it start. */
export const ROLLOUT_GATE = 'rollout';

/**
 * The verdict a target of a stage writes as soon as its last task ended (`reports/<target>/`), for the
 * next stage's rollout gate to read while the run goes on; rewritten with the final one at the end.
 */
export const STAGE_VERDICT_FILE = 'stage-verdict.json';

/** Names the workspace file: set, the run validates every target it lists. */
export const WORKSPACE_VARIABLE = 'VALIDATION_WORKSPACE';

/** The workspace file VALIDATION_WORKSPACE names, or undefined when the run has a single target. */
export function workspaceFile(env: Env = process.env, cwd = process.cwd()): string | undefined {
  return env[WORKSPACE_VARIABLE] ? path.resolve(cwd, env[WORKSPACE_VARIABLE]) : undefined;
}

/** Where a target is: never shared between targets (a shared BASE_URL would point both at one application). */
const OWN_VARIABLES = ['BASE_URL', 'API_URL', 'TARGET_REPO'] as const;
/** Shared by every target unless a target sets its own (`<ID>_API_TOKEN`...): one identity provider is common. */
const SHARED_VARIABLES = ['TARGET_ENV', 'API_TOKEN', 'API_USER', 'API_PASSWORD'] as const;

/** `PAIPD_2MX_` for `paipd-2mx`: the prefix of a target's own variables. */
export function targetVariablePrefix(id: string): string {
  return `${id.toUpperCase().replace(/-/g, '_')}_`;
}

/**
 * The environment one target's config resolves in: its own `<ID>_BASE_URL`, `<ID>_API_URL`,
 * `<ID>_TARGET_REPO` in place of the unprefixed ones, which no target of a workspace reads; and
 * `<ID>_API_TOKEN` (USER, PASSWORD, TARGET_ENV) over the shared values. Pure.
 */
export function targetEnvironment(id: string, env: Env): Env {
  const prefix = targetVariablePrefix(id);
  const out: Env = { ...env };
  for (const name of OWN_VARIABLES) {
    delete out[name];
    if (env[prefix + name]) out[name] = env[prefix + name];
  }
  for (const name of SHARED_VARIABLES) {
    if (env[prefix + name]) out[name] = env[prefix + name];
  }
  return out;
}


/** The environment a target's checks read credentials from: its own in a workspace run, the process's otherwise. */
export function environmentFor(targetId: string | undefined, env: Env = process.env): Env {
  return targetId === undefined ? env : targetEnvironment(targetId, env);
}

/** The tag of a target's own tests, in the block a spec declares for it. */
export function targetTag(id: string): string {
  return `@target:${id}`;
}
