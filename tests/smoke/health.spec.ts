import { expect, test } from '../../fixtures/index.ts';
import { fillConfigValue, templateVariables } from '../../lib/http.ts';
import { evaluateExpectation } from '../../lib/smoke/expectations.ts';
import { environmentFor } from '../../lib/workspace/variables.ts';

test.describe('health', () => {
  test('answers 200 within its budget', { tag: ['@critical', '@measurement'] }, async ({ api, risk, target }) => {
    const health = target.api.health;
    test.skip(!health, 'not configured: api.health is not set in the validation config');
    if (!health) return;
    const path = fillConfigValue(health.path, templateVariables(environmentFor(target.meta.target), target.auth).variables, 'api.health.path');
    if ('problem' in path) {
      risk.fail(`health GET ${health.path} answers 200`, path.problem, { check: 'smoke/health' });
      return;
    }
    const result = await api.get(path.value, { auth: health.auth ? 'token' : 'none' });
    await risk.check(`health GET ${health.path} answers 200`, () => {
      expect(result.status, `${result.url} answered ${result.status}: ${result.text.slice(0, 200)}`).toBe(200);
    }, { check: 'smoke/health', evidence: { url: result.url, status: result.status } });
    await risk.check(`health GET ${health.path} within ${health.budgetMs} ms`, () => {
      expect(result.durationMs, `${result.url} latency (ms)`).toBeLessThanOrEqual(health.budgetMs);
    }, { check: 'smoke/health-latency', metrics: { latencyMs: Math.round(result.durationMs) } });
    for (const expectation of target.smoke.health.expect) {
      const outcome = evaluateExpectation(expectation, result.json, {});
      if (outcome.passed) risk.pass(`health body: ${outcome.name}`, { check: 'smoke/health-body', severity: expectation.severity });
      else risk.fail(`health body: ${outcome.name}`, `${result.url}: ${outcome.message}`, { check: 'smoke/health-body', severity: expectation.severity });
    }
  });
});
