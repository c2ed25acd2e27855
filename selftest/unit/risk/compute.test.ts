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
  test('a worked example: 2 gates, 200 operations, 1 failure -> 0.5 % and CRITICAL (a task failed)', () => {
    const result = computeRun([
      task('a', 'audit', 'completed', [attempt('passed', ops(100))]),
      task('b', 'smoke', 'failed', [attempt('failed', ops(99, 1))]),
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

  test("a flaky task's failed attempt counts its failed operations and warns, but does not fail the run", () => {
    const result = computeRun([
      task('flaky', 'browser', 'flaky', [attempt('failed', ops(9, 1)), attempt('passed', ops(10), 1)]),
      task('solid', 'browser', 'completed', [attempt('passed', ops(980))]),
    ], { thresholds });
    assert.equal(result.operations.operations, 1000);
    assert.equal(result.operations.failed, 1);
    assert.equal(result.riskRate, 0.1);
    assert.equal(result.tasks.flaky, 1);
    assert.equal(result.warnings.filter((w) => w.kind === 'flaky').length, 1);
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

  test('a failed critical operation is named among the reasons', () => {
    const result = computeRun([task('secret', 'audit', 'failed', [attempt('failed', ops(99, 1, 0, 'critical'))])], { thresholds });
    assert.match(result.reasons.join('\n'), /1 critical operation\(s\) failed/);
  });
});
