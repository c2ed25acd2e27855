import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../dashboard/cli.ts';
import { childEnv } from './runner.ts';

/**
 * The staged state of an audit target, written to a temp folder, so the audit gate reads what the
 * commit will hold and stays unaware of git: staged changes in, unstaged edits and untracked files out.
 */

export type SnapshotScope = 'index' | 'staged';

export interface Snapshot {
  /** The target as staged: what TARGET_REPO points the audit gate at. */
  target: string;
  /** The temp folder holding it (remove when done). */
  folder: string;
  /** Files staged for this commit under the target (added, copied, modified, renamed). */
  staged: string[];
  /** Files written to the snapshot. */
  written: number;
}

/** git in the repository, honouring the index git hands a hook (GIT_INDEX_FILE) but no other hook variable. */
function git(cwd: string, args: string[], input?: string): string {
  const index = process.env.GIT_INDEX_FILE;
  return execFileSync('git', args, {
    cwd,
    env: childEnv({ GIT_INDEX_FILE: index ? path.resolve(cwd, index) : undefined }),
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
}

const nulList = (text: string) => text.split('\0').filter(Boolean);

/** The git repository root holding a folder, or undefined when the folder is not in one. */
export function gitRoot(folder: string): string | undefined {
  try {
    return git(folder, ['rev-parse', '--show-toplevel']).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * `index`: every file of the target as staged (the tree the commit makes: repository-wide checks
 * such as generated-file freshness or the configured logo need the whole tree).
 * `staged`: only the files staged for this commit (`git diff --cached`), for audits of single files.
 */
export function snapshotStaged(target: string, scope: SnapshotScope): Snapshot {
  const root = gitRoot(target);
  if (!root) throw new UserError(`${target} is not inside a git repository: there is nothing staged to audit`);
  // git reports the real path: compare like with like where temp folders sit behind a symlink.
  const prefix = path.relative(realpathSync(root), realpathSync(target)).split(path.sep).join('/');
  if (prefix.startsWith('..')) throw new UserError(`${target} is not inside the git repository ${root}`);
  const pathspec = ['--', prefix === '' ? '.' : prefix];
  const staged = nulList(git(root, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', ...pathspec]));
  const files = scope === 'staged' ? staged : nulList(git(root, ['ls-files', '-z', ...pathspec]));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'mo-precommit-'));
  if (files.length > 0) {
    // checkout-index writes the staged blob of each path under the prefix folder: no working-tree edit leaks in.
    git(root, ['checkout-index', '-z', '--stdin', `--prefix=${folder}${path.sep}`], `${files.join('\0')}\0`);
  }
  return { target: path.join(folder, prefix), folder, staged, written: files.length };
}
