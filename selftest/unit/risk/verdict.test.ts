import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { policySection } from '../../../lib/config/sections/policy.ts';
import { decideVerdict, DEFAULT_POLICY, effectivePolicy, emptySeverityCounts, riskRate, type VerdictInput } from '../../../lib/risk/index.ts';

const thresholds = { riskTarget: 0.5, riskCritical: 2.0, maxWarnings: 3, minOperations: 50 };
const clean: VerdictInput = { riskRate: 0, failedTasks: 0, blockedTasks: 0, blockingFailures: 0, findings: emptySeverityCounts(), warnings: 0, operations: 1000, interrupted: false };
const findings = (over: Partial<VerdictInput['findings']>) => ({ ...emptySeverityCounts(), ...over });

describe('risk rate', () => {
  test('is 100 x failed / operations', () => {
    assert.equal(riskRate(5, 1000), 0.5);
    assert.equal(riskRate(1, 3), 33.333333);
  });
  test('is 0 when nothing ran, not NaN', () => {
    assert.equal(riskRate(0, 0), 0);
  });
});

describe('verdict', () => {
  test('PASS with nothing wrong', () => {
    assert.equal(decideVerdict(clean, thresholds).verdict, 'PASS');
  });
  test('exactly the 0.5 % target is still PASS (the target is a ceiling, not a floor)', () => {
    const { verdict, reasons } = decideVerdict({ ...clean, riskRate: riskRate(5, 1000), findings: findings({ low: 5 }) }, thresholds);
    assert.equal(verdict, 'PASS');
    assert.match(reasons[0] ?? '', /5 finding\(s\) within the error budget/);
  });
  test('just above the target is WARNING', () => {
    const { verdict, reasons } = decideVerdict({ ...clean, riskRate: riskRate(6, 1000) }, thresholds);
    assert.equal(verdict, 'WARNING');
    assert.match(reasons[0] ?? '', /above the target/);
  });
  test('exactly 2.0 % is WARNING, not CRITICAL', () => {
    assert.equal(decideVerdict({ ...clean, riskRate: riskRate(20, 1000) }, thresholds).verdict, 'WARNING');
  });
  test('above 2.0 % is CRITICAL', () => {
    assert.equal(decideVerdict({ ...clean, riskRate: riskRate(21, 1000) }, thresholds).verdict, 'CRITICAL');
  });
  test('3 warnings is PASS, 4 is WARNING', () => {
    assert.equal(decideVerdict({ ...clean, warnings: 3 }, thresholds).verdict, 'PASS');
    assert.equal(decideVerdict({ ...clean, warnings: 4 }, thresholds).verdict, 'WARNING');
  });
  test('zero operations is WARNING: too few checks to trust the rate', () => {
    const { verdict, reasons } = decideVerdict({ ...clean, operations: 0 }, thresholds);
    assert.equal(verdict, 'WARNING');
    assert.match(reasons.join(' '), /fewer than the 50/);
  });
  test('49 operations is WARNING, 50 is PASS', () => {
    assert.equal(decideVerdict({ ...clean, operations: 49 }, thresholds).verdict, 'WARNING');
    assert.equal(decideVerdict({ ...clean, operations: 50 }, thresholds).verdict, 'PASS');
  });
  test('any failed task is CRITICAL even at a 0.1 % rate: something stopped the chain', () => {
    const { verdict, reasons } = decideVerdict({ ...clean, failedTasks: 1, blockingFailures: 1, riskRate: 0.1 }, thresholds);
    assert.equal(verdict, 'CRITICAL');
    assert.match(reasons[0] ?? '', /1 task\(s\) failed: a critical failure stopped the chain/);
  });
  test('any blocked task is CRITICAL', () => {
    assert.equal(decideVerdict({ ...clean, blockedTasks: 2 }, thresholds).verdict, 'CRITICAL');
  });
  test('a critical finding (when critical does not block) is CRITICAL whatever the rate', () => {
    const { verdict, reasons } = decideVerdict({ ...clean, riskRate: 0.1, findings: findings({ critical: 1 }) }, thresholds, { ...DEFAULT_POLICY, blockOn: [] });
    assert.equal(verdict, 'CRITICAL');
    assert.match(reasons.join(' '), /1 critical finding\(s\), at or above the policy's 1/);
  });
  test('a config may block on nothing (every gate runs), and still names a wrong severity', () => {
    assert.deepEqual(policySection.parse({ blockOn: [] }).blockOn, []);
    assert.equal(policySection.safeParse({ blockOn: ['severe'] }).success, false);
  });
  test('the seeds: one HIGH finding is a WARNING, two are CRITICAL, at any rate', () => {
    assert.equal(decideVerdict({ ...clean, riskRate: 0.1, findings: findings({ high: 1 }) }, thresholds).verdict, 'WARNING');
    const two = decideVerdict({ ...clean, riskRate: 0.2, findings: findings({ high: 2 }) }, thresholds);
    assert.equal(two.verdict, 'CRITICAL');
    assert.match(two.reasons.join(' '), /2 high finding\(s\)/);
  });
  test('medium and low findings only spend the budget', () => {
    assert.equal(decideVerdict({ ...clean, riskRate: 0.4, findings: findings({ medium: 2, low: 2 }) }, thresholds).verdict, 'PASS');
  });
  test('the counts are data: a policy with no HIGH limits lets two HIGH findings pass within the budget', () => {
    const policy = { ...DEFAULT_POLICY, critical: { critical: 1 }, warning: {} };
    assert.equal(decideVerdict({ ...clean, riskRate: 0.2, findings: findings({ high: 2 }) }, thresholds, policy).verdict, 'PASS');
  });
  test('an interrupted run is CRITICAL: its numbers cannot be trusted', () => {
    const { verdict, reasons } = decideVerdict({ ...clean, interrupted: true }, thresholds);
    assert.equal(verdict, 'CRITICAL');
    assert.match(reasons[0] ?? '', /interrupted/);
  });
  test('thresholds are data: a stricter target turns the same run into WARNING', () => {
    assert.equal(decideVerdict({ ...clean, riskRate: 0.3 }, { ...thresholds, riskTarget: 0.2 }).verdict, 'WARNING');
  });
});

describe('policy', () => {
  const config = { blockOn: ['critical' as const], critical: { critical: 1, high: 2 }, warning: { high: 1 }, commit: { blockOn: ['critical' as const, 'high' as const] } };
  test('merge is the config as written', () => {
    assert.deepEqual(effectivePolicy(config, 'merge'), { name: 'merge', blockOn: ['critical'], critical: { critical: 1, high: 2 }, warning: { high: 1 } });
  });
  test('commit (precommit) adds its blocking severities: any HIGH blocks a commit', () => {
    assert.deepEqual(effectivePolicy(config, 'commit').blockOn, ['critical', 'high']);
  });
});
