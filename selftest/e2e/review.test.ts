import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { digest, ROOT, runSuite, type SuiteRun } from '../helpers/runSuite.ts';
import { startDashboard } from './opsHelpers.ts';

/**
 * Reviewer sign-off on real runs: one audit task alone (--grep) passes in run A; in run B the
 * repository holds a committed token (a critical failure), so the audit gate fails. Both write to one reports folder,
 * where `npm run review` and `npm run verdict -- --require-reviews` are run as a team would.
 */
const WORK = path.join(ROOT, '.work', 'selftest', `review-${process.pid}`);
const REPORTS = path.join(WORK, 'reports');

function config(): string {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, 'validation.config.ts');
  writeFileSync(file, [
    `import base from ${JSON.stringify(path.join(ROOT, 'validation.config.ts'))};`,
    'export default { ...base, review: { signOffs: [',
    "  { gates: ['audit'], reviewers: ['R4', 'dana'] },",
    "  { name: 'release', gates: ['audit'], reviewers: ['R1'] },",
    '] } };',
    '',
  ].join('\n'));
  return file;
}

// node with tsx's loader, not npx: each command starts in a second, not several, on a busy machine.
const cli = (script: string, args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, REPORTS_DIR: REPORTS, FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
};
const review = (...args: string[]) => cli('scripts/review.ts', args);
const verdict = (...args: string[]) => cli('scripts/verdict.ts', args);
const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPORTS, file), 'utf8'));

describe('reviewer sign-off', { concurrency: false }, () => {
  let runA: SuiteRun;
  let runB: SuiteRun;
  let brokenRepo = '';

  before(async () => {
    rmSync(WORK, { recursive: true, force: true });
    // One task's few operations would make the verdict WARNING (MIN_OPERATIONS): this test is about sign-off.
    const env = { VALIDATION_CONFIG: config(), REPORTS_DIR: REPORTS, TARGET_REPO: path.join(ROOT, 'demo'), MIN_OPERATIONS: '0' };
    runA = await runSuite({ project: 'audit', noDeps: true, args: ['--grep', 'no secrets are committed'], env, name: `review-a-${process.pid}` });
  });
  after(() => {
    if (brokenRepo) rmSync(brokenRepo, { recursive: true, force: true });
  });

  it('a finished run is ON HOLD with every sign-off pending, beside its verdict, and --require-reviews exits 2', () => {
    assert.equal(runA.exitCode, 0, digest(runA));
    const file = readJson('verdict.json');
    assert.equal(file.verdict, 'PASS');
    assert.equal(file.readiness.state, 'ON HOLD');
    assert.deepEqual(file.readiness.pending, ['audit: 0 of 1 approval(s), from R4 or dana', 'release: 0 of 1 approval(s), from R1']);
    assert.match(readFileSync(path.join(REPORTS, 'executive-summary.md'), 'utf8'), /# Release gate: PASS[\s\S]*\*\*Production readiness: ON HOLD\*\*/);
    const waiting = verdict('--require-reviews');
    assert.equal(waiting.code, 2, waiting.out);
    assert.match(waiting.out, /Verdict PASS[\s\S]*Production readiness: ON HOLD pending audit: 0 of 1/);
    assert.equal(verdict().code, 0, 'without the flag the verdict alone decides');
  });

  it('refuses a reviewer the config does not name, and a rejection without a note, in one line without a stack', () => {
    const stranger = review('approve', '--run', 'latest', '--gate', 'audit', '--reviewer', 'mallory');
    assert.equal(stranger.code, 1);
    assert.match(stranger.out, /^review: mallory is not a reviewer of audit; its reviewers: R4, dana$/m);
    const silent = review('reject', '--run', 'latest', '--gate', 'release', '--reviewer', 'R1');
    assert.equal(silent.code, 1);
    assert.doesNotMatch(silent.out, /\n\s+at /);
  });

  it('approval and rejection: READY only when every sign-off is approved, the latest decision of each reviewer counting', () => {
    const runId = readJson('verdict.json').run_id as string;
    assert.equal(review('approve', '--run', runId, '--gate', 'audit', '--reviewer', 'R4', '--note', 'config files checked').code, 0);
    const rejected = review('reject', '--run', runId, '--gate', 'release', '--reviewer', 'R1', '--note', 'wait for the release notes');
    assert.equal(rejected.code, 0, rejected.out);
    assert.match(rejected.out, /ON HOLD pending release: rejected by R1 \("wait for the release notes"\)/);
    assert.equal(verdict('--require-reviews').code, 2);
    const approved = review('approve', '--run', runId, '--gate', 'release', '--reviewer', 'R1');
    assert.match(approved.out, /Production readiness of .*: READY: signed off \(audit by R4; release by R1\) \(verdict PASS, unchanged\)/);
    const ready = verdict('--require-reviews');
    assert.equal(ready.code, 0, ready.out);
    assert.equal(readJson('verdict.json').readiness.state, 'READY');
    assert.match(readFileSync(path.join(REPORTS, 'executive-summary.md'), 'utf8'), /\*\*Production readiness: READY\*\*/);
    const lines = readFileSync(path.join(REPORTS, 'reviews.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(lines[0].schema, 'meta-orchestrator/reviews');
    assert.deepEqual(lines.slice(1).map((r) => `${r.reviewer} ${r.decision} ${r.sign_off}`), ['R4 approve audit', 'R1 reject release', 'R1 approve release']);
    assert.ok(lines.slice(1).every((r) => r.recorded_by.user && r.prev_sha256.length === 64));
  });

  it('flags approving a gate that failed (not counted), and approving a run that is not the latest', async () => {
    brokenRepo = mkdtempSync(path.join(os.tmpdir(), 'mo-review-'));
    cpSync(path.join(ROOT, 'demo'), brokenRepo, { recursive: true, filter: (src) => !src.includes('node_modules') });
    await faults.find((fault) => fault.name === 'leaked-credential')!.plant!(brokenRepo);
    const runAId = readJson('verdict.json').run_id as string;
    runB = await runSuite({ project: 'audit', noDeps: true, args: ['--grep', 'no secrets are committed'], env: { VALIDATION_CONFIG: config(), REPORTS_DIR: REPORTS, TARGET_REPO: brokenRepo, MIN_OPERATIONS: '0' }, name: `review-b-${process.pid}` });
    assert.equal(runB.exitCode, 1, digest(runB));
    const runBId = readJson('verdict.json').run_id as string;
    assert.notEqual(runBId, runAId);

    const failedGate = review('approve', '--run', runBId, '--gate', 'audit', '--reviewer', 'dana');
    assert.equal(failedGate.code, 0, failedGate.out);
    assert.match(failedGate.out, /DISCREPANCY \(gate-failed\): dana approves audit \(failed\), which did not pass in run/);
    assert.match(failedGate.out, /ON HOLD pending audit: 0 of 1 approval\(s\), from R4 or dana; not counted: dana/);
    const blocked = verdict('--require-reviews');
    assert.equal(blocked.code, 1, `a CRITICAL verdict blocks whatever the reviews say\n${blocked.out}`);
    assert.equal(readJson('verdict.json').verdict, 'CRITICAL', 'readiness never changes the verdict');

    const stale = review('approve', '--run', runAId, '--gate', 'audit', '--reviewer', 'dana');
    assert.match(stale.out, new RegExp(`DISCREPANCY \\(not-latest\\): dana approves run ${runAId}, but ${runBId} is the latest run of its target`));
    const record = readFileSync(path.join(REPORTS, 'reviews.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).at(-1);
    assert.deepEqual(record.discrepancies.map((d: { kind: string }) => d.kind), ['not-latest']);
    assert.match(readFileSync(path.join(REPORTS, 'executive-summary.md'), 'utf8'), /DISCREPANCY \(gate-failed\): dana on audit/);
  });

  it('the web dashboard serves readiness and the discrepancy beside the verdict', async () => {
    const server = await startDashboard([], { REPORTS_DIR: REPORTS });
    try {
      const state = await (await fetch(new URL('api/state', server.url))).json() as { view: { verdict: string; readiness: { state: string; pending: string[]; discrepancies: { kind: string }[] } } };
      assert.equal(state.view.verdict, 'CRITICAL');
      assert.equal(state.view.readiness.state, 'ON HOLD');
      assert.match(state.view.readiness.pending[0]!, /^audit: 0 of 1 approval\(s\)/);
      assert.deepEqual(state.view.readiness.discrepancies.map((d) => d.kind), ['gate-failed']);
      const page = await (await fetch(server.url)).text();
      assert.match(page, /id="readiness"/);
    } finally {
      await server.stop();
    }
  });

  it('the terminal dashboard shows readiness and the discrepancy beside the verdict', () => {
    const dashboard = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dashboard.ts', '--once'], { cwd: ROOT, env: { ...process.env, REPORTS_DIR: REPORTS, NO_COLOR: '1' }, encoding: 'utf8', timeout: 180_000 });
    assert.match(dashboard.stdout, /State {2}CRITICAL[\s\S]*\nReady {2}ON HOLD pending audit: 0 of 1 approval\(s\)[\s\S]*DISCREPANCY \(gate-failed\): dana on audit/, dashboard.stdout + dashboard.stderr);
  });
});
