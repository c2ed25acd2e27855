import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeRun, type AttemptInput, type Operation, type TaskInput } from '../../../lib/risk/index.ts';

const thresholds = { riskTarget: 0.5, riskCritical: 2.0, maxWarnings: 3, minOperations: 50 };

function ops(pass: number, fail = 0, warn = 0, severity: Operation['severity'] = 'high'): Operation[] {
  const out: Operation[] = [];
  for (let i = 0; i < pass; i++) out.push({ name: `p${i}`, outcome: 'pass', severity, durationMs: 1 });
  for (let i = 0; i < fail; i++) out.push({ name: `f${i}`, outcome: 'fail', severity, durationMs: 1, message: 'broke' });
  for (let i = 0; i < warn; i++) out.push({ name: `w${i}`, outcome: 'warn', severity: 'low', durationMs: 1, message: 'soft' });
  return out;
}

function attempt(status: AttemptInput['status'], operations: Operation[], attemptNo = 0, errors: string[] = []): AttemptInput {
  return { attempt: attemptNo, status, startTime: '2026-11-22T10:00:00.000Z', durationMs: 1000, operations, errors };
}

function task(id: string, gate: string, status: TaskInput['status'], attempts: AttemptInput[]): TaskInput {
  return { taskId: `${gate}/${id}`, project: gate, gate, phase: gate.toUpperCase(), description: id, file: 'tests/x.spec.ts', line: 3, tags: [], dependencies: [], status, attempts };
}

describe('computeRun', () => {
  test('a worked example: 2 gates, 200 operations, 1 critical failure -> 0.5 % and CRITICAL (a task failed)', () => {
    const result = computeRun([
      task('a', 'audit', 'completed', [attempt('passed', ops(100))]),
      task('b', 'smoke', 'failed', [attempt('failed', ops(99, 1, 0, 'critical'))]),
    ], { thresholds, gateOrder: ['audit', 'smoke'] });
    assert.equal(result.operations.operations, 200);
    assert.equal(result.operations.failed, 1);
    assert.equal(result.riskRate, 0.5);
    assert.equal(result.verdict, 'CRITICAL');
    assert.equal(result.exitCode, 1);
    assert.deepEqual(result.gates.map((g) => [g.gate, g.status, g.riskRate]), [['audit', 'passed', 0], ['smoke', 'failed', 1]]);
    assert.equal(result.failures[0]?.location, 'tests/x.spec.ts:3');
  });

  test('a task that failed without a failed operation counts as one failed operation (a crash is never invisible)', () => {
    const result = computeRun([task('crash', 'audit', 'failed', [attempt('failed', ops(3), 0, ['TypeError: boom'])])], { thresholds });
    assert.equal(result.operations.operations, 4);
    assert.equal(result.operations.failed, 1);
    assert.equal(result.failures[0]?.synthetic, true);
    assert.equal(result.failures[0]?.message, 'TypeError: boom');
  });

  test('a timed-out task counts as one failed "timeout" operation', () => {
    const result = computeRun([task('slow', 'smoke', 'failed', [attempt('timedOut', [])])], { thresholds });
    assert.equal(result.failures[0]?.operation, 'timeout');
  });

  test("a flaky task counts its passing attempt once and warns, even after a critical failure in the first", () => {
    const result = computeRun([
      task('flaky', 'browser', 'flaky', [attempt('failed', ops(9, 1, 0, 'critical')), attempt('passed', ops(10), 1)]),
      task('solid', 'browser', 'completed', [attempt('passed', ops(990))]),
    ], { thresholds });
    assert.equal(result.operations.operations, 1000);
    assert.equal(result.operations.failed, 0);
    assert.equal(result.riskRate, 0);
    assert.equal(result.tasks.flaky, 1);
    const flaky = result.warnings.filter((w) => w.kind === 'flaky');
    assert.equal(flaky.length, 1);
    assert.match(flaky[0]?.message ?? '', /failed \(attempt 1: f0 \[critical\]: broke\), then passed on retry/);
    assert.equal(result.failures.length, 0);
    assert.equal(result.verdict, 'PASS');
  });

  test('a passed task with no operation is a hollow-check warning', () => {
    const result = computeRun([task('hollow', 'visual', 'completed', [attempt('passed', [])]), task('real', 'visual', 'completed', [attempt('passed', ops(60))])], { thresholds });
    assert.equal(result.warnings[0]?.kind, 'hollow');
    assert.match(result.warnings[0]?.message ?? '', /looked at nothing/);
  });

  test('blocked tasks block the verdict and their gate is reported as blocked', () => {
    const result = computeRun([
      task('a', 'audit', 'failed', [attempt('failed', ops(60, 1))]),
      task('b', 'smoke', 'blocked', []),
    ], { thresholds, gateOrder: ['audit', 'smoke'] });
    assert.deepEqual(result.blockedGates, ['smoke']);
    assert.equal(result.tasks.blocked, 1);
    assert.equal(result.verdict, 'CRITICAL');
  });

  test('skipped tasks are neither operations nor warnings', () => {
    const result = computeRun([task('s', 'smoke', 'skipped', [attempt('skipped', [])]), task('r', 'smoke', 'completed', [attempt('passed', ops(60))])], { thresholds });
    assert.equal(result.operations.operations, 60);
    assert.equal(result.warnings.length, 0);
    assert.equal(result.verdict, 'PASS');
  });

  test('warn operations and extra warnings count toward the warning budget', () => {
    const result = computeRun([task('w', 'a11y', 'completed', [attempt('passed', ops(60, 0, 3))])], {
      thresholds,
      extraWarnings: [{ kind: 'waiver-expired', message: 'expired' }],
    });
    assert.equal(result.warnings.length, 4);
    assert.equal(result.verdict, 'WARNING');
  });

  test('STRICT makes a WARNING exit 1; CRITICAL always exits 1; PASS exits 0', () => {
    const warning = [task('w', 'a11y', 'completed', [attempt('passed', ops(10))])];
    assert.equal(computeRun(warning, { thresholds }).exitCode, 0);
    assert.equal(computeRun(warning, { thresholds, strict: true }).exitCode, 1);
  });

  test('a failed task is named among the reasons with the severity that stopped the chain', () => {
    const result = computeRun([task('secret', 'audit', 'failed', [attempt('failed', ops(99, 1, 0, 'critical'))])], { thresholds });
    assert.match(result.reasons.join('\n'), /1 task\(s\) failed: a critical failure stopped the chain/);
    assert.equal(result.failures[0]?.blocking, true);
  });

  test('failures below the blocking severities are findings: the task passes, the budget pays', () => {
    const result = computeRun([task('pages', 'browser', 'completed', [attempt('passed', ops(996, 4, 0, 'medium'))])], { thresholds });
    assert.equal(result.failures.length, 0);
    assert.equal(result.findings.length, 4);
    assert.equal(result.findings[0]?.blocking, false);
    assert.deepEqual(result.findingCounts, { critical: 0, high: 0, medium: 4, low: 0 });
    assert.equal(result.operations.findings, 4);
    assert.equal(result.gates[0]?.findings.medium, 4);
    assert.equal(result.riskRate, 0.4);
    assert.equal(result.verdict, 'PASS');
  });

  test('the error budget decides: the same minor findings are PASS, WARNING or CRITICAL by the number of operations', () => {
    const run = (passes: number) => computeRun([task('t', 'browser', 'completed', [attempt('passed', ops(passes, 5, 0, 'low'))])], { thresholds });
    assert.equal(run(1995).verdict, 'PASS'); // 0.25 %
    assert.equal(run(495).verdict, 'WARNING'); // 1.0 %
    assert.equal(run(195).verdict, 'CRITICAL'); // 2.5 %
    assert.match(run(195).reasons.join(' '), /risk rate 2\.50 % is above the critical threshold/);
  });

  test('a crash in a task with only findings still stops the chain, as one critical failure', () => {
    const result = computeRun([task('crash', 'browser', 'failed', [attempt('failed', ops(10, 1, 0, 'low'), 0, ['TypeError: boom'])])], { thresholds });
    assert.equal(result.findings.length, 1);
    assert.equal(result.failures.length, 1);
    assert.equal(result.failures[0]?.synthetic, true);
    assert.equal(result.failures[0]?.check, 'run/task');
    assert.equal(result.verdict, 'CRITICAL');
  });

  test('a stricter policy (precommit: high blocks) turns a high finding into a failure', () => {
    const failing = [task('t', 'audit', 'failed', [attempt('failed', ops(100, 1, 0, 'high'))])];
    const strict = computeRun(failing, { thresholds, policy: { name: 'commit', blockOn: ['critical', 'high'], critical: { critical: 1, high: 2 }, warning: { high: 1 } } });
    assert.equal(strict.failures.length, 1);
    assert.equal(strict.findings.length, 0);
  });

  test('a task whose checks were all switched off is not hollow', () => {
    const result = computeRun([task('off', 'visual', 'completed', [{ ...attempt('passed', []), switchedOff: 3 }]), task('real', 'visual', 'completed', [attempt('passed', ops(60))])], { thresholds });
    assert.equal(result.warnings.length, 0);
  });
});
