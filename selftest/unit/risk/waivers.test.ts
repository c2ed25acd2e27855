import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RiskRecorder, findWaiver } from '../../../lib/risk/index.ts';

const waiver = { check: 'smoke/infrastructure-*#redis*', reason: 'workstation has no Redis', owner: 'ops', expires: '2026-12-31' };
const expired = { ...waiver, check: 'audit/secrets*', expires: '2026-01-01' };
const now = new Date('2026-11-22T12:00:00Z');

describe('waivers', () => {
  test('a glob over task id and operation finds the waiver in force', () => {
    assert.equal(findWaiver([waiver], 'smoke/infrastructure-redis', 'redis PING', now).active, waiver);
    assert.equal(findWaiver([waiver], 'smoke/infrastructure-postgres', 'postgres SELECT 1', now).active, undefined);
  });
  test('a waiver applies through its last day and not after', () => {
    assert.ok(findWaiver([waiver], 'smoke/infrastructure-redis', 'redis', new Date('2026-12-31T23:59:00Z')).active);
    assert.equal(findWaiver([waiver], 'smoke/infrastructure-redis', 'redis', new Date('2027-01-01T00:00:01Z')).active, undefined);
  });
  test('a waived failure is recorded as a warning naming its waiver', () => {
    const recorder = new RiskRecorder('smoke/infrastructure-redis', 'smoke', { waivers: [waiver], now: () => now });
    recorder.fail('redis PING', 'connect ECONNREFUSED 127.0.0.1:6390', { check: 'smoke/infrastructure' });
    assert.equal(recorder.operations[0]?.outcome, 'warn');
    assert.match(recorder.operations[0]?.waiver ?? '', /workstation has no Redis/);
    assert.equal(recorder.failureSummary(), undefined);
  });
  test('an expired waiver no longer applies and the failure says so', () => {
    const recorder = new RiskRecorder('audit/secrets', 'audit', { waivers: [expired], now: () => now });
    recorder.fail('src/a.ts', 'secret found', { check: 'audit/secrets' });
    assert.equal(recorder.operations[0]?.outcome, 'fail');
    assert.match(recorder.operations[0]?.message ?? '', /has expired/);
    assert.equal(recorder.expiredWaiversSeen.length, 1);
  });
  test('check() records pass and fail, keeps going after a failure, and summarises the blocking failures', async () => {
    const recorder = new RiskRecorder('api/x', 'contracts');
    await recorder.check('ok', () => 1, { check: 'contracts/auth' });
    const value = await recorder.check('broken', () => { throw new Error('expected 200, got 500'); }, { check: 'contracts/auth' });
    assert.equal(value, undefined);
    assert.deepEqual(recorder.operations.map((o) => o.outcome), ['pass', 'fail']);
    assert.match(recorder.failureSummary() ?? '', /1 of 2 check\(s\) failed at a blocking severity \(critical\) in api\/x:\n {2}- \[critical\] broken: expected 200, got 500/);
    await assert.rejects(recorder.check('fatal', () => { throw new Error('stop'); }, { check: 'contracts/auth', fatal: true }), /stop/);
  });
});
