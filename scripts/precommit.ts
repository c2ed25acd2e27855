import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commitDecision, type CommitFinding, type SummaryForCommit } from '../lib/ci/precommit.ts';
import { ConfigError, loadValidationConfig } from '../lib/config/index.ts';
import { runCli, UserError } from './dashboard/cli.ts';
import { installHook, uninstallHook } from './ci/hooks.ts';
import { SUITE_ROOT, runNpx } from './ci/runner.ts';
import { snapshotStaged, type SnapshotScope } from './ci/snapshot.ts';

const USAGE = `Usage: npm run precommit -- [--strict] [--target dir] [--scope index|staged]
       npm run hooks:install -- [--strict] [--target dir] [--force]
       npm run hooks:uninstall -- [--target dir]
The audit gate on what the commit holds: the target's files as staged, in a temp folder.
  --strict        block on every finding (default: critical and high, the policy's commit preset)
  --target dir    the audit target (default: the config's audit.repository, or TARGET_REPO)
  --scope index   every file of the target as staged (default: repository-wide checks see the whole tree)
  --scope staged  only the files staged for this commit
  --force         hooks:install replaces another pre-commit hook`;

async function defaultTarget(): Promise<string> {
  try {
    return (await loadValidationConfig(process.env, SUITE_ROOT)).meta.repository;
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message);
    throw error;
  }
}

const line = (f: CommitFinding) => `  [${f.severity}] ${f.taskId}: ${f.operation}: ${f.message}`.slice(0, 400);

function audit(target: string, scope: SnapshotScope, strict: boolean): number {
  const snapshot = snapshotStaged(target, scope);
  try {
    if (snapshot.staged.length === 0) {
      console.log(`precommit: nothing staged under ${target}: no audit needed.`);
      return 0;
    }
    console.log(`precommit: auditing ${snapshot.written} file(s) of ${target} as staged (${snapshot.staged.length} staged for this commit).`);
    const outputRoot = path.resolve(process.env.OUTPUT_ROOT ?? path.join(SUITE_ROOT, '.cache', 'precommit'));
    rmSync(path.join(outputRoot, 'reports', 'executive-summary.json'), { force: true });
    runNpx(['playwright', 'test', '--project=audit', '--no-deps'], { TARGET_REPO: snapshot.target, OUTPUT_ROOT: outputRoot, RISK_POLICY: 'commit' });
    const summaryFile = path.join(outputRoot, 'reports', 'executive-summary.json');
    if (!existsSync(summaryFile)) throw new UserError(`the audit wrote no summary at ${summaryFile}: the commit cannot be called clean`);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as SummaryForCommit;
    const decision = commitDecision(summary, strict);
    if (decision.blocking.length > 0) console.error(['precommit: blocking findings:', ...decision.blocking.map(line)].join('\n'));
    if (decision.advisory.length > 0) console.log(['precommit: findings to fix before CI (not blocking here):', ...decision.advisory.map(line)].join('\n'));
    console.log(`precommit: ${decision.block ? 'commit blocked' : 'commit allowed'}: ${decision.reason} (summary: ${path.relative(process.cwd(), summaryFile)}).`);
    return decision.block ? 1 : 0;
  } finally {
    rmSync(snapshot.folder, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      strict: { type: 'boolean', default: false },
      target: { type: 'string' },
      scope: { type: 'string', default: 'index' },
      install: { type: 'boolean', default: false },
      uninstall: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.scope !== 'index' && values.scope !== 'staged') throw new UserError(`--scope must be index or staged, got "${values.scope}"`);
  const target = values.target ? path.resolve(values.target) : await defaultTarget();
  if (!existsSync(target)) throw new UserError(`the audit target ${target} does not exist`);
  if (values.install) {
    const file = installHook(target, values.strict, values.force);
    console.log(`Installed the pre-commit gate at ${file}${values.strict ? ' (strict)' : ''}: commits touching ${target} run the audit gate first.`);
    return 0;
  }
  if (values.uninstall) {
    const result = uninstallHook(target);
    console.log(`${result.file}: ${result.reason}.`);
    return 0;
  }
  return audit(target, values.scope, values.strict);
}

await runCli('precommit', main);
