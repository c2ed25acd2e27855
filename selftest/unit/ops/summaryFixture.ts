/** A hand-built executive summary for the alert tests. */
import { DEFAULT_POLICY, emptySeverityCounts } from '../../../lib/risk/policy.ts';
import type { RunResult, Verdict } from '../../../lib/risk/types.ts';
import { buildExecutiveSummary, type ExecutiveSummary } from '../../../lib/summary/build.ts';

const counts = (over: Partial<RunResult['tasks']> = {}): RunResult['tasks'] => ({ total: 0, completed: 0, failed: 0, flaky: 0, skipped: 0, blocked: 0, interrupted: 0, ...over });

export function sampleSummary(verdict: Verdict, over: Partial<RunResult> = {}): ExecutiveSummary {
  const result: RunResult = {
    verdict, reasons: [`verdict ${verdict}`], riskRate: verdict === 'CRITICAL' ? 3.5 : verdict === 'WARNING' ? 0.8 : 0,
    tasks: counts({ total: 4, completed: 3, failed: verdict === 'CRITICAL' ? 1 : 0 }), operations: { operations: 200, failed: 7, warned: 1, findings: 6 },
    gates: [
      { gate: 'contracts', phase: 'CONTRACTS', status: verdict === 'CRITICAL' ? 'failed' : 'passed', findings: { ...emptySeverityCounts(), low: 6 }, tasks: counts({ total: 3, completed: 3 }), operations: { operations: 150, failed: 7, warned: 0, findings: 6 }, warnings: 0, riskRate: 4.6, durationSeconds: 3 },
      { gate: 'smoke', phase: 'SMOKE', status: verdict === 'CRITICAL' ? 'blocked' : 'passed', findings: emptySeverityCounts(), tasks: counts({ total: 1, blocked: 1 }), operations: { operations: 0, failed: 0, warned: 0, findings: 0 }, warnings: 0, riskRate: 0, durationSeconds: 0 },
    ],
    failures: verdict === 'CRITICAL'
      ? [{ taskId: 'contracts/orders-require-auth', gate: 'contracts', location: 'tests/contracts/auth.spec.ts:9', operation: 'POST /api/orders without a token', check: 'contracts/auth', severity: 'critical', blocking: true, message: 'expected 401, got 201', synthetic: false }]
      : [],
    findings: [],
    findingCounts: { ...emptySeverityCounts(), low: 6 },
    policy: DEFAULT_POLICY,
    warnings: [
      { kind: 'hollow', taskId: 'audit/nothing', gate: 'audit', message: 'audit/nothing passed without recording any operation' },
      { kind: 'waiver-expired', message: 'waiver contracts/x (owner a) has expired and no longer applies' },
      { kind: 'flaky', taskId: 'browser/menu', gate: 'browser', message: 'browser/menu passed on retry 1' },
      { kind: 'operation', taskId: 'a11y/x', gate: 'a11y', message: 'a soft threshold' },
    ],
    blockedGates: verdict === 'CRITICAL' ? ['smoke'] : [],
    interrupted: false,
    thresholds: { riskTarget: 0.5, riskCritical: 2, maxWarnings: 3, minOperations: 50 },
    exitCode: verdict === 'CRITICAL' ? 1 : 0,
    ...over,
  };
  return buildExecutiveSummary(result, {
    runId: `run-${verdict.toLowerCase()}`, mode: 'full', target: { name: 'Sample', baseUrl: 'http://127.0.0.1:1', apiUrl: 'http://127.0.0.1:1', environment: 'staging' },
    startTime: '2026-11-22T10:00:00.000Z', endTime: '2026-11-22T10:01:00.000Z', durationSeconds: 60, gitSha: null,
    waiversInForce: [], expiredWaivers: [], skipped: [], reports: { log: 'reports/execution_log_x.jsonl', html: 'playwright-report', allure: 'allure-results' },
  });
}
