import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The suite's root: scripts run Playwright from here whatever the caller's folder. */
export const SUITE_ROOT = path.resolve(import.meta.dirname, '../..');

/** Variables git exports to hooks: they would point child processes at the wrong repository. */
const GIT_HOOK_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX', 'GIT_EDITOR', 'GIT_AUTHOR_DATE'];

export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of GIT_HOOK_VARIABLES) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs `npx <args>` in the suite's root with the terminal attached; returns its exit code. */
export function runNpx(args: readonly string[], env: Record<string, string | undefined>): number {
  const result = spawnSync('npx', [...args], { cwd: SUITE_ROOT, env: childEnv(env), stdio: 'inherit' });
  if (result.error) throw result.error;
  // Killed by a signal (Ctrl-C): report it as a failure, never as a pass.
  return result.status ?? 1;
}
