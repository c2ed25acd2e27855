import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { assertLogValid } from '../helpers/logSchema.ts';
import { ROOT, digest, freePort, readTargetRun, runSuite, type RunSuiteOptions, type SuiteRun } from '../helpers/runSuite.ts';

/*
 * Two platforms in one run (platforms.workspace.ts): PaiiD and PaπD 2mx, each with its own chain,
 * report and verdict, the cross-platform gate after them, and one release verdict.
 */
interface ReleaseFile {
  verdict: string;
  exit_code: number;
  reasons: string[];
  targets: Record<string, { verdict: string | null }>;
}

async function runPlatforms(options: Omit<RunSuiteOptions, 'project'> & { projects: string[]; faults2mx?: string[] }): Promise<SuiteRun & { release: ReleaseFile }> {
  const [first, ...rest] = options.projects;
  const run = await runSuite({
    ...options,
    project: first!,
    args: [...rest.map((project) => `--project=${project}`), ...(options.args ?? [])],
    env: {
      VALIDATION_WORKSPACE: 'platforms.workspace.ts',
      DEMO_2MX_PORT: String(await freePort()),
      DEMO_2MX_FAULTS: (options.faults2mx ?? []).join(','),
      // A gate or two of each chain: the operation floor is for whole runs.
      MIN_OPERATIONS: '1',
      ...options.env,
    },
    timeoutMs: options.timeoutMs ?? 600_000,
  });
  let release: ReleaseFile = { verdict: 'none', exit_code: -1, reasons: [], targets: {} };
  try {
    release = JSON.parse(readFileSync(path.join(run.outputRoot, 'reports', 'verdict.json'), 'utf8')) as ReleaseFile;
  } catch {
    // asserted below
  }
  return { ...run, release };
}

/** A workspace of both platforms in two stages: PaπD 2mx the canary, then PaiiD. */
function stagedWorkspace(name: string): string {
  const dir = path.join(ROOT, '.work', 'selftest', `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'staged.workspace.json');
  writeFileSync(file, JSON.stringify({
    name: 'staged',
    targets: [{ id: 'paiid', config: path.relative(dir, path.join(ROOT, 'validation.config.ts')) }, { id: 'papid-2mx', config: path.relative(dir, path.join(ROOT, 'demo/2mx/validation.config.ts')) }],
    stages: [{ name: 'canary', targets: ['papid-2mx'] }, { name: 'everyone', targets: ['paiid'] }],
  }));
  return file;
}

const describeRelease = (run: SuiteRun & { release: ReleaseFile }) => `${JSON.stringify(run.release)}\n${digest(run)}`;

describe('two platforms, one run', () => {
  test('both platforms clean: each PASSes, the cross-platform checks pass, the release PASSes; every record names its target', async () => {
    const run = await runPlatforms({ projects: ['paiid/data-flows', 'papid-2mx/data-flows', 'cross-platform'], noDeps: true });
    assert.equal(run.release.verdict, 'PASS', describeRelease(run));
    assert.equal(run.exitCode, 0, describeRelease(run));
    assert.deepEqual(run.release.targets, {
      paiid: { ...run.release.targets.paiid, verdict: 'PASS' },
      'papid-2mx': { ...run.release.targets['papid-2mx'], verdict: 'PASS' },
      'cross-platform': { ...run.release.targets['cross-platform'], verdict: 'PASS' },
    });
    for (const target of ['paiid', 'papid-2mx', 'cross-platform']) {
      const own = { ...run, ...readTargetRun(run, target) };
      assert.ok(own.tasks.length > 0, `${target} logged no task`);
      assert.ok(own.records.every((record) => (record as { target_id?: string }).target_id === target), `${target}: a record without its target`);
      assertLogValid(own);
    }
    const summary = readFileSync(path.join(run.outputRoot, 'reports', 'release-summary.md'), 'utf8');
    assert.match(summary, /\| paiid \(PaiiD demo\) \| PASS \|/);
    assert.match(summary, /\| papid-2mx \(PaπD 2mx demo\) \| PASS \|/);
  });

  test("a fault in PaπD 2mx fails only its chain: PaiiD's gates all run, and the release is CRITICAL by the worst verdict", async () => {
    const run = await runPlatforms({
      projects: ['paiid/browser', 'papid-2mx/browser'],
      faults2mx: ['readiness-degraded'],
      // A page per chain is enough to show what runs and what is blocked.
      args: ['--grep', 'repository|health and readiness|live endpoints|home renders cleanly at desktop'],
    });
    const paiid = readTargetRun(run, 'paiid');
    const next = readTargetRun(run, 'papid-2mx');
    const statuses = (tasks: typeof paiid.tasks, gate: string) => [...new Set(tasks.filter((t) => t.agent === gate).map((t) => t.status))].sort();
    assert.deepEqual(statuses(paiid.tasks, 'browser'), ['completed'], describeRelease(run));
    assert.equal(paiid.summary?.verdict !== 'CRITICAL', true, `PaiiD must not pay for PaπD 2mx's fault\n${describeRelease(run)}`);
    assert.ok(next.tasks.some((t) => t.agent === 'data-flows' && t.status === 'failed' && /readiness/i.test(t.errors.join(' '))), describeRelease(run));
    assert.deepEqual(statuses(next.tasks, 'browser'), ['blocked'], describeRelease(run));
    assert.equal(next.summary?.verdict, 'CRITICAL');
    assert.equal(run.release.verdict, 'CRITICAL');
    assert.equal(run.exitCode, 1);
    assert.match(run.release.reasons.join('\n'), /^papid-2mx is CRITICAL/m);
  });

  test("PaπD 2mx's breaking change is caught by the cross-platform gate, the operation and the field named", async () => {
    const run = await runPlatforms({ projects: ['cross-platform'], noDeps: true, faults2mx: ['2mx-account-breaking'] });
    const cross = readTargetRun(run, 'cross-platform');
    const compat = cross.tasks.find((t) => t.task_id.startsWith('cross-platform/contract-compatibility'));
    assert.ok(compat, describeRelease(run));
    assert.match((compat.findings ?? []).join('\n'), /GET \/api\/account.*buyingPower.*required in paiid's document and missing from papid-2mx's/, describeRelease(run));
    assert.equal(cross.tasks.filter((t) => t !== compat).every((t) => (t.findings ?? []).length === 0 && t.errors.length === 0), true, 'the token and CORS checks still pass');
    assert.equal(run.release.verdict, 'CRITICAL', describeRelease(run));
    assert.equal(run.exitCode, 1);
  });

  test('staged rollout: the canary platform fails, so the next stage never starts, and the release says it was held back', async () => {
    // The canary first: PaπD 2mx, then PaiiD.
    const file = stagedWorkspace('staged');
    const run = await runPlatforms({
      projects: ['paiid/data-flows'],
      faults2mx: ['readiness-degraded'],
      env: { VALIDATION_WORKSPACE: file },
      args: ['--grep', 'repository|health and readiness|live endpoints|home renders cleanly at desktop'],
    });
    const canary = readTargetRun(run, 'papid-2mx');
    const held = readTargetRun(run, 'paiid');
    assert.ok(canary.tasks.some((t) => t.status === 'failed'), describeRelease(run));
    assert.ok(held.tasks.length > 0 && held.tasks.every((t) => t.status === 'blocked'), `PaiiD's gates must wait for the canary\n${describeRelease(run)}`);
    assert.equal(run.release.verdict, 'CRITICAL');
    assert.match(run.release.reasons.join('\n'), /paiid was held back: stage "canary" did not pass \(papid-2mx CRITICAL\)/, describeRelease(run));
    assert.match(readFileSync(path.join(run.outputRoot, 'reports', 'release-summary.md'), 'utf8'), /\| paiid \(PaiiD demo\) \| HELD BACK \|/);
  });

  test("staged rollout by verdict, as CI runs it (one run id, the stage before's reports): a canary CRITICAL from findings alone holds the next stage at its rollout gate; a clean canary lets it start", async () => {
    const file = stagedWorkspace('staged-verdict');
    // The canary's gate, then the next stage's rollout gate in a second process (a later CI job) on its reports.
    const stagedRun = async (faults: string[]) => {
      const runId = `staged-${faults.join('+') || 'clean'}-${process.pid}`;
      const canaryRun = await runPlatforms({ projects: ['papid-2mx/data-flows'], noDeps: true, faults2mx: faults, env: { VALIDATION_WORKSPACE: file, RUN_ID: runId } });
      const reports = path.join(canaryRun.outputRoot, 'reports');
      const rolloutRun = await runPlatforms({ projects: ['paiid/rollout'], noDeps: true, env: { VALIDATION_WORKSPACE: file, RUN_ID: runId, REPORTS_DIR: reports } });
      const release = JSON.parse(readFileSync(path.join(reports, 'verdict.json'), 'utf8')) as ReleaseFile;
      return { canary: readTargetRun(canaryRun, 'papid-2mx'), paiid: readTargetRun(canaryRun, 'paiid'), rolloutRun, release, reports, describe: `${JSON.stringify(release)}\n${digest(canaryRun)}\n${digest(rolloutRun)}` };
    };

    // Slow quotes: latency and cache findings, which fail no task, but breach the canary's error budget (CRITICAL).
    const held = await stagedRun(['slow-quote']);
    assert.ok(held.canary.tasks.length > 0 && held.canary.tasks.every((t) => t.status !== 'failed' && t.status !== 'blocked'), `no task of the canary fails\n${held.describe}`);
    assert.equal(held.canary.summary?.verdict, 'CRITICAL', held.describe);
    assert.match((held.canary.summary?.reasons ?? []).join('\n'), /risk rate .* above the critical threshold|high finding/, held.describe);
    const stageFile = JSON.parse(readFileSync(path.join(held.reports, 'papid-2mx', 'stage-verdict.json'), 'utf8')) as { verdict: string; final: boolean };
    assert.deepEqual([stageFile.verdict, stageFile.final], ['CRITICAL', true], held.describe);
    const rollout = held.paiid.tasks.find((t) => t.agent === 'rollout');
    assert.equal(rollout?.status, 'failed', held.describe);
    assert.match(rollout!.errors.join('\n'), /stage "canary" did not pass \(papid-2mx CRITICAL: (risk rate|\d+ high finding).*; this stage proceeds on PASS or WARNING\), so stage "everyone" did not start/, held.describe);
    assert.equal(held.rolloutRun.exitCode, 1, held.describe);
    assert.equal(held.release.verdict, 'CRITICAL');
    assert.match(held.release.reasons.join('\n'), /paiid was held back: stage "canary" did not pass \(papid-2mx CRITICAL/, held.describe);
    assert.match(readFileSync(path.join(held.reports, 'release-summary.md'), 'utf8'), /\| paiid \(PaiiD demo\) \| HELD BACK \|/);

    const clean = await stagedRun([]);
    assert.equal(clean.canary.summary?.verdict, 'PASS', clean.describe);
    assert.equal(clean.paiid.tasks.find((t) => t.agent === 'rollout')?.status, 'completed', clean.describe);
    assert.equal(clean.rolloutRun.exitCode, 0, clean.describe);
  });

  test('sharded as CI runs it, the merged verdicts (each target\'s and the release\'s) equal the unsharded run\'s', async () => {
    const projects = ['paiid/data-flows', 'papid-2mx/data-flows', 'cross-platform'];
    const unsharded = await runPlatforms({ projects, noDeps: true });
    const blobs = path.join(unsharded.outputRoot, '..', `platforms-blobs-${process.pid}`);
    mkdirSync(blobs, { recursive: true });
    for (const shard of ['1/2', '2/2']) {
      const part = await runPlatforms({ projects, noDeps: true, args: [`--shard=${shard}`], env: { BLOB_REPORT: '1' } });
      for (const file of readdirSync(path.join(part.outputRoot, 'blob-report'))) cpSync(path.join(part.outputRoot, 'blob-report', file), path.join(blobs, file));
    }
    const merged = path.join(blobs, 'merged');
    const merge = spawnSync('npx', ['playwright', 'merge-reports', '--config', 'merge.config.ts', blobs], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, OUTPUT_ROOT: merged, VALIDATION_WORKSPACE: 'platforms.workspace.ts', MIN_OPERATIONS: '1', FORCE_COLOR: '0' },
    });
    const read = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, 'reports', file), 'utf8')) as Record<string, unknown>;
    const comparable = (v: Record<string, unknown>) => ({ verdict: v.verdict, risk_rate: v.risk_rate, tasks: v.tasks, operations: v.operations, failed_operations: v.failed_operations });
    for (const target of ['paiid', 'papid-2mx', 'cross-platform']) {
      assert.deepEqual(comparable(read(merged, `${target}/verdict.json`)), comparable(read(unsharded.outputRoot, `${target}/verdict.json`)), `${target}\n${merge.stdout.slice(-2000)}${merge.stderr.slice(-2000)}`);
    }
    const release = (root: string) => {
      const file = read(root, 'verdict.json') as unknown as ReleaseFile;
      return { verdict: file.verdict, targets: Object.fromEntries(Object.entries(file.targets).map(([id, t]) => [id, t.verdict])) };
    };
    assert.deepEqual(release(merged), release(unsharded.outputRoot));
  });
});
