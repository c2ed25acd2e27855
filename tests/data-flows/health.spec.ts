import { expect, test } from '../../fixtures/index.ts';
import { fillConfigValue, templateVariables } from '../../lib/http.ts';
import { readinessComponents } from '../../lib/openapi/index.ts';
import { environmentFor } from '../../lib/workspace/variables.ts';

test.describe('health and readiness', () => {
  test('health answers 200 within its budget', { tag: ['@critical', '@measurement'] }, async ({ api, risk, target }) => {
    const health = target.api.health;
    test.skip(!health, 'not configured: api.health is not set in the validation config');
    if (!health) return;
    const path = fillConfigValue(health.path, templateVariables(environmentFor(target.meta.target), target.auth).variables, 'api.health.path');
    if ('problem' in path) {
      risk.fail(`health: GET ${health.path} answers 200`, path.problem, { check: 'data-flows/health' });
      return;
    }
    const result = await api.get(path.value, { auth: health.auth ? 'token' : 'none' });
    await risk.check(`health: GET ${health.path} answers 200`, () => {
      expect(result.status, `${result.url} status`).toBe(200);
    }, { check: 'data-flows/health', evidence: { url: result.url, status: result.status } });
    await risk.check(`health: GET ${health.path} latency within ${health.budgetMs} ms`, () => {
      expect(result.durationMs, `${result.url} latency (ms)`).toBeLessThanOrEqual(health.budgetMs);
    }, { check: 'data-flows/health-latency', metrics: { latencyMs: Math.round(result.durationMs) } });
  });

  test('readiness reports every component healthy', { tag: '@critical' }, async ({ api, risk, target }) => {
    const readiness = target.api.readiness;
    test.skip(!readiness, 'not configured: api.readiness is not set in the validation config');
    if (!readiness) return;
    const where = `GET ${readiness.path}`;
    const path = fillConfigValue(readiness.path, templateVariables(environmentFor(target.meta.target), target.auth).variables, 'api.readiness.path');
    if ('problem' in path) {
      risk.fail(`readiness: ${where} answers ${readiness.expectStatus}`, path.problem, { check: 'data-flows/readiness' });
      return;
    }
    const result = await api.get(path.value, { auth: readiness.auth ? 'token' : 'none' });
    await risk.check(`readiness: ${where} answers ${readiness.expectStatus}`, () => {
      expect(result.status, `${result.url} status (body: ${result.text.slice(0, 200)})`).toBe(readiness.expectStatus);
    }, { check: 'data-flows/readiness', evidence: { url: result.url, status: result.status } });
    const components = readinessComponents(result.json, readiness.componentsPath, readiness.statusPath, readiness.healthyValues);
    await risk.check(`readiness: ${where} lists its components at "${readiness.componentsPath}"`, () => {
      if (!components || components.length === 0) {
        throw new Error(`${result.url} body has no components at "${readiness.componentsPath}" (api.readiness.componentsPath): ${result.jsonError ?? result.text.slice(0, 200)}`);
      }
    }, { check: 'data-flows/readiness-components', metrics: { components: components?.length ?? 0 } });
    for (const component of components ?? []) {
      await risk.check(`readiness: component ${component.name} is healthy`, () => {
        if (!component.healthy) {
          throw new Error(`${result.url}: component "${component.name}" is ${component.status}, expected one of ${readiness.healthyValues.join(', ')}`);
        }
      }, { check: 'data-flows/readiness', evidence: { component: component.name, status: component.status } });
    }
  });
});
