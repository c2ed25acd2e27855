import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localPlan, shardArgs, shardRuns } from '../lib/ci/local.ts';
import { PlanError, gateAction, type GateOutcome } from '../lib/ci/plan.ts';
import { GATES } from '../projects/gates.ts';
import { runCli, UserError } from './dashboard/cli.ts';
import { SUITE_ROOT, runNpx } from './ci/runner.ts';

const USAGE = `Usage: npm run ci:local -- [--shards N] [--gates a,b] [--output dir]
The CI plan on this machine: gates in dependency order, each gate's shards one after another with
the blob reporter, a gate whose needs did not pass listed as blocked, then merge-reports through the
risk reporter and the merged verdict (exit 1 when it blocks).
  --shards N     split every gate N ways (default: the CI shard counts, lib/ci/plan.ts)
  --gates a,b    only these gates (their order and needs follow the gate table)
  --output dir   where everything goes (default: OUTPUT_ROOT, else .cache/ci-local)`;

const shown = (file: string) => path.relative(process.cwd(), file) || '.';

/** Copies every file of `from` into `to` (blob names carry gate and shard, so they never collide). */
function gather(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from);
  for (const file of files) cpSync(path.join(from, file), path.join(to, file), { recursive: true });
  return files.length;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      shards: { type: 'string' },
      gates: { type: 'string' },
      output: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let plan;
  try {
    plan = localPlan(GATES, { ...(values.shards !== undefined ? { shards: values.shards } : {}), ...(values.gates !== undefined ? { gates: values.gates } : {}) });
  } catch (error) {
    if (error instanceof PlanError) throw new UserError(error.message);
    throw error;
  }
  const root = path.resolve(values.output ?? process.env.OUTPUT_ROOT ?? path.join(SUITE_ROOT, '.cache', 'ci-local'));
  rmSync(root, { recursive: true, force: true });
  const blobs = path.join(root, 'blob-reports');
  const allure = path.join(root, 'allure-results');
  mkdirSync(blobs, { recursive: true });

  const outcomes = new Map<string, GateOutcome>();
  for (const job of plan.jobs) {
    const action = gateAction(job, outcomes);
    let failed = false;
    for (const run of shardRuns(job)) {
      const shardRoot = path.join(root, 'shards', run.label);
      const what = `${job.gate}${run.shard === undefined ? '' : ` shard ${run.shard}/${job.shards}`}`;
      console.log(`\n[ci:local] ${action === 'run' ? 'running' : 'blocked, listing'} ${what}`);
      const exit = runNpx(shardArgs(run, action === 'block'), { OUTPUT_ROOT: shardRoot, BLOB_REPORT: '1' });
      if (exit !== 0) failed = true;
      if (gather(path.join(shardRoot, 'blob-report'), blobs) === 0) {
        throw new UserError(`${what} left no blob report in ${shown(path.join(shardRoot, 'blob-report'))}: the merged verdict would miss it`);
      }
      gather(path.join(shardRoot, 'allure-results'), allure);
    }
    outcomes.set(job.gate, action === 'block' ? 'blocked' : failed ? 'failed' : 'passed');
  }

  console.log(`\n[ci:local] merging ${readdirSync(blobs).length} blob report(s) from ${shown(blobs)}`);
  const mergeExit = runNpx(['playwright', 'merge-reports', '--config', 'merge.config.ts', blobs], { OUTPUT_ROOT: root });
  if (mergeExit !== 0) console.error(`[ci:local] merge-reports exited with ${mergeExit}`);
  const verdictFile = path.join(root, 'reports', 'verdict.json');
  if (!existsSync(verdictFile)) throw new UserError(`merge-reports wrote no verdict at ${shown(verdictFile)}`);
  const verdict = JSON.parse(readFileSync(verdictFile, 'utf8')) as { verdict: string; exit_code: number; risk_rate: number; reasons: string[] };
  console.log([
    '',
    `[ci:local] gates: ${plan.jobs.map((job) => `${job.gate} ${outcomes.get(job.gate)}${job.shards > 1 ? ` (${job.shards} shards)` : ''}`).join(', ')}`,
    `[ci:local] merged verdict ${verdict.verdict}, risk rate ${verdict.risk_rate.toFixed(2)} %: ${verdict.reasons.join('; ') || 'no reason to hold the release'}`,
    `[ci:local] reports: ${shown(path.join(root, 'reports'))}, HTML: ${shown(path.join(root, 'playwright-report'))}, Allure results: ${shown(allure)}`,
  ].join('\n'));
  return verdict.exit_code === 0 ? 0 : 1;
}

await runCli('ci:local', main);
