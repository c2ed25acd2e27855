import { eachTarget, test } from '../../fixtures/index.ts';
import { fillConfigValue, secretValues, templateVariables } from '../../lib/http.ts';
import { evaluateBudgets, loadTargetRefusal, summarizeLoad } from '../../lib/smoke/load.ts';
import { runLoad } from '../../lib/smoke/loadRunner.ts';
import { requestChangesState, stateChangeContext, stateChangeRefusal } from '../../lib/stateChange.ts';
import { environmentFor } from '../../lib/workspace/variables.ts';

// One endpoint at a time: two loads at once would measure each other.
test.describe.configure({ mode: 'default' });

// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  const load = config.smoke.load;

  // Latency under load: measured with nothing else running beside it.
  test.describe('load', { tag: '@measurement' }, () => {
    test.skip(load.endpoints.length === 0, 'not configured: smoke.load.endpoints lists no endpoint');
    test.skip(!load.environments.includes(config.meta.environment), `load does not run in ${config.meta.environment} (smoke.load.environments: ${load.environments.join(', ')})`);

    load.endpoints.forEach((endpoint, index) => {
      test(`${endpoint.name} under ${load.connections} connections: p95 and errors within budget`, async ({ risk, target }) => {
        // Read-only by default: thousands of POSTs are thousands of changes.
        const context = stateChangeContext(target);
        const stateRefusal = stateChangeRefusal(requestChangesState(endpoint.method, endpoint.path, context), endpoint.allowStateChangeIn, context, `smoke.load.endpoints[${index}]`);
        test.skip(stateRefusal !== undefined, `${endpoint.method} ${endpoint.path} not loaded: ${stateRefusal}`);
        // autocannon runs for durationSeconds, plus time to connect and drain.
        test.setTimeout(load.durationSeconds * 1000 + load.requestTimeoutMs + 30_000);
        const { variables, secrets } = templateVariables(environmentFor(target.meta.target), target.auth);
        const filled = fillConfigValue({ path: endpoint.path, headers: endpoint.headers, body: endpoint.body }, variables, `smoke.load.endpoints[${index}]`);
        if ('problem' in filled) {
          risk.fail(`load target ${endpoint.method} ${endpoint.path} allowed`, filled.problem, { check: 'smoke/load', severity: 'critical' });
          return;
        }
        for (const secret of [...secrets, ...secretValues(endpoint, variables)]) risk.redactor.add(secret);
        const url = `${target.meta.apiUrl}${filled.value.path}`;
        const refusal = loadTargetRefusal(url, target.meta.apiUrl, load.allowedHosts);
        if (refusal) {
          risk.fail(`load target ${endpoint.method} ${endpoint.path} allowed`, `refused to send load: ${refusal}`, { check: 'smoke/load', severity: 'critical' });
          return;
        }
        const samples = await runLoad({ url, method: endpoint.method, headers: filled.value.headers, body: filled.value.body, connections: load.connections, durationSeconds: load.durationSeconds, requestTimeoutMs: load.requestTimeoutMs, expectStatus: endpoint.expectStatus });
        const metrics = summarizeLoad(samples);
        const evidence = { url, connections: load.connections, durationSeconds: load.durationSeconds, statusCounts: samples.statusCounts, ...(samples.firstError ? { firstError: samples.firstError } : {}) };
        await test.info().attach('load-metrics', { body: JSON.stringify({ endpoint: endpoint.name, ...metrics, ...evidence }, null, 2), contentType: 'application/json' });
        const numbers = { requests: metrics.requests, errors: metrics.errors, latencyP50Ms: metrics.latencyP50Ms, latencyP95Ms: metrics.latencyP95Ms, latencyP99Ms: metrics.latencyP99Ms, errorRatePercent: metrics.errorRatePercent, requestsPerSecond: metrics.requestsPerSecond };
        for (const budget of evaluateBudgets(metrics, load.budgets, `${endpoint.method} ${endpoint.path} under ${load.connections} connections`)) {
          const name = `${endpoint.name}: ${budget.name}`;
          if (budget.passed) risk.pass(name, { check: 'smoke/load', metrics: numbers, evidence });
          else if (budget.level === 'warn') risk.warn(name, budget.message, { check: 'smoke/load', severity: 'medium', metrics: numbers, evidence });
          else risk.fail(name, budget.message, { check: 'smoke/load', metrics: numbers, evidence });
        }
      });
    });
  });
});
