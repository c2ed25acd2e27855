import { expect, test } from '../../fixtures/index.ts';

test.describe('health and readiness', () => {
  test('health answers 200 within its budget', { tag: '@critical' }, async ({ api, risk, target }) => {
    const health = target.api.health;
    test.skip(!health, 'not configured: api.health is not set in the validation config');
    if (!health) return;
    const result = await api.get(health.path);
    await risk.check(`GET ${health.path} answers 200`, () => {
      expect(result.status, `${result.url} status`).toBe(200);
    }, { severity: 'critical', evidence: { url: result.url, status: result.status } });
    await risk.check(`GET ${health.path} within ${health.budgetMs} ms`, () => {
      expect(result.durationMs, `${result.url} latency (ms)`).toBeLessThanOrEqual(health.budgetMs);
    }, { metrics: { latencyMs: Math.round(result.durationMs) } });
  });
});
