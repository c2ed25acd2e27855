import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildWebhookPayload, detectQualityAlerts, notifyReason } from '../../../lib/ops/alerts.ts';
import { attemptBudget, backoffDelays, DEFAULT_WEBHOOK_POLICY, isRetryable, policyFromEnv } from '../../../lib/ops/retry.ts';
import { sampleSummary } from './summaryFixture.ts';

void test('the webhook fires on WARNING and CRITICAL, and on the first PASS after them only', () => {
  assert.equal(notifyReason('CRITICAL', 'CRITICAL'), 'critical');
  assert.equal(notifyReason('WARNING', undefined), 'warning');
  assert.equal(notifyReason('PASS', 'CRITICAL'), 'recovered');
  assert.equal(notifyReason('PASS', 'WARNING'), 'recovered');
  assert.equal(notifyReason('PASS', 'PASS'), undefined);
  assert.equal(notifyReason('PASS', undefined), undefined);
});

void test('the payload is Slack-compatible and carries verdict, risk, failed checks and report links', () => {
  const payload = buildWebhookPayload(sampleSummary('CRITICAL'), { reason: 'critical', previousVerdict: 'PASS', links: { summary: 'reports/executive-summary.md', log: 'reports/x.jsonl' } });
  assert.equal(typeof payload.text, 'string');
  assert.match(payload.text, /CRITICAL/);
  assert.match(payload.text, /3\.50 %/);
  assert.match(payload.text, /contracts\/orders-require-auth/);
  assert.equal(payload.verdict, 'CRITICAL');
  assert.equal(payload.risk_rate, 3.5);
  assert.equal(payload.failed_checks[0]?.check, 'POST /api/orders without a token');
  assert.equal(payload.failed_checks_total, 1);
  assert.equal(payload.report_links.summary, 'reports/executive-summary.md');
  assert.deepEqual(payload.blocked_gates, ['smoke']);
  assert.ok(payload.attachments[0]?.fields.some((f) => f.title === 'Verdict' && f.value === 'CRITICAL'));
});

void test('the quality inspector flags hollow checks, expired waivers, flaky tasks and gates that did not run', () => {
  const alerts = detectQualityAlerts(sampleSummary('CRITICAL'));
  assert.deepEqual(alerts.map((a) => a.kind).sort(), ['expired-waiver', 'flaky-task', 'gate-not-run', 'hollow-check']);
  assert.equal(alerts.find((a) => a.kind === 'gate-not-run')?.gate, 'smoke');
  assert.ok(alerts.every((a) => a.run_id === 'run-critical' && a.type === 'quality-alert'));
  assert.equal(detectQualityAlerts(sampleSummary('PASS', { warnings: [] })).length, 0);
});

void test('backoff grows by the factor, capped, and the first try has no delay', () => {
  assert.deepEqual(backoffDelays({ attempts: 5, baseDelayMs: 500, factor: 2, maxDelayMs: 1500 }), [0, 500, 1000, 1500, 1500]);
  assert.deepEqual(backoffDelays({ attempts: 0, baseDelayMs: 500, factor: 2, maxDelayMs: 1500 }), [0]);
});

void test('a try never outlives the total bound', () => {
  assert.equal(attemptBudget(DEFAULT_WEBHOOK_POLICY, 0), DEFAULT_WEBHOOK_POLICY.attemptTimeoutMs);
  assert.equal(attemptBudget(DEFAULT_WEBHOOK_POLICY, 9_000), 1_000);
  assert.equal(attemptBudget(DEFAULT_WEBHOOK_POLICY, 12_000), 0);
});

void test('only network errors, 429 and 5xx are retried', () => {
  assert.ok(isRetryable({ error: 'ECONNREFUSED' }));
  assert.ok(isRetryable({ status: 503 }));
  assert.ok(isRetryable({ status: 429 }));
  assert.ok(!isRetryable({ status: 404 }));
  assert.ok(!isRetryable({ status: 400 }));
});

void test('the environment can shorten the bound; nonsense keeps the default', () => {
  assert.equal(policyFromEnv({ WEBHOOK_TIMEOUT_MS: '1500' }).totalTimeoutMs, 1500);
  assert.equal(policyFromEnv({ WEBHOOK_TIMEOUT_MS: '1500' }).attemptTimeoutMs, 1500);
  assert.equal(policyFromEnv({ WEBHOOK_TIMEOUT_MS: 'soon' }).totalTimeoutMs, DEFAULT_WEBHOOK_POLICY.totalTimeoutMs);
  assert.equal(policyFromEnv({ WEBHOOK_ATTEMPTS: '0' }).attempts, DEFAULT_WEBHOOK_POLICY.attempts);
});
