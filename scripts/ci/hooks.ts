import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hookScript, isOurHook } from '../../lib/ci/precommit.ts';
import { UserError } from '../dashboard/cli.ts';
import { SUITE_ROOT, childEnv } from './runner.ts';
import { gitRoot } from './snapshot.ts';

/** Where git looks for the pre-commit hook of the repository holding `folder` (honours core.hooksPath). */
export function hookPath(folder: string): string {
  const root = gitRoot(folder);
  if (!root) throw new UserError(`${folder} is not inside a git repository: there is no commit to guard`);
  const file = execFileSync('git', ['rev-parse', '--git-path', 'hooks/pre-commit'], { cwd: root, env: childEnv({}) }).toString().trim();
  return path.resolve(root, file);
}

export function installHook(target: string, strict: boolean, force: boolean): string {
  const file = hookPath(target);
  if (existsSync(file) && !isOurHook(readFileSync(file, 'utf8')) && !force) {
    throw new UserError(`${file} is another pre-commit hook: keep it, or replace it with --force`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, hookScript({ suiteRoot: SUITE_ROOT, target, strict }));
  chmodSync(file, 0o755);
  return file;
}

/** Removes the hook only when it is ours; returns what happened, for the message. */
export function uninstallHook(target: string): { file: string; removed: boolean; reason: string } {
  const file = hookPath(target);
  if (!existsSync(file)) return { file, removed: false, reason: 'no pre-commit hook is installed' };
  if (!isOurHook(readFileSync(file, 'utf8'))) return { file, removed: false, reason: 'the pre-commit hook there is not ours: left as it is' };
  rmSync(file);
  return { file, removed: true, reason: 'removed' };
}
