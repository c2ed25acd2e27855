import { test } from '../../fixtures/index.ts';
import {
  CoverageTracker,
  exerciseOrder,
  mutationsAllowed,
  operationLabel,
  overrideFor,
  planRequests,
} from '../../lib/openapi/index.ts';

test.describe('documented operations', () => {
  test('every documented operation answers as its contract says', async ({ api, openapi, risk, target }, testInfo) => {
    test.skip(!openapi.ok, openapi.ok ? '' : `OpenAPI document unusable: ${openapi.reason}`);
    if (!openapi.ok) return;
    const settings = target.api.contracts;
    const canMutate = mutationsAllowed(settings.mutations, target.meta.environment);
    const coverage = new CoverageTracker(openapi.operations);
    for (const operation of exerciseOrder(openapi.operations, settings.operations)) {
      const override = overrideFor(operation, settings.operations);
      if (override?.mutating && !canMutate) {
        coverage.notExercised(operation, `mutating, and api.contracts.mutations is "${settings.mutations}" in ${target.meta.environment}`);
        continue;
      }
      const plan = planRequests(operation, override, settings.maxExamplesPerOperation);
      if ('skipped' in plan) {
        coverage.notExercised(operation, plan.skipped);
        continue;
      }
      for (const request of plan.requests) {
        const result = await api.request(request.method, request.path, {
          params: request.query, headers: request.headers, data: request.body, auth: request.auth,
        });
        coverage.record(operation, result.status);
        const verdict = openapi.validator.check({
          method: request.method, path: request.path, status: result.status, headers: result.headers, body: result.json, text: result.text,
        });
        const name = `${request.method} ${request.path} ${result.status}`;
        for (const aspect of verdict.results) {
          // Whether the request's own path is documented cannot fail here: the request was built from the document.
          if (aspect.aspect === 'endpoint' && aspect.ok) continue;
          const options = { check: `contracts/${aspect.aspect === 'endpoint' ? 'status' : aspect.aspect}`, evidence: { url: result.url, variant: request.variant, operation: operation.id } };
          if (aspect.ok) risk.pass(`${name}: ${aspect.aspect}`, options);
          else risk.fail(`${name}: ${aspect.aspect}`, aspect.message, options);
        }
        if (request.variant === 'example') {
          // The base example must succeed: a contract that only ever answers errors proves little.
          await risk.check(`${operationLabel(operation)} example answers a success status`, () => {
            if (result.status < 200 || result.status > 299) {
              throw new Error(`${request.method} ${request.path} answered ${result.status}, expected 2xx for the document's first example: ${result.text.slice(0, 200)}`);
            }
          }, { check: 'contracts/example-success', evidence: { url: result.url } });
        }
      }
    }
    const report = coverage.report();
    await testInfo.attach('contract-coverage', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
    const metrics = { coveragePercent: report.percent, operationsDocumented: report.documented, operationsExercised: report.exercised };
    const name = `contract coverage: ${report.exercised}/${report.documented} documented operations exercised`;
    if (report.missing.length === 0) risk.pass(name, { check: 'contracts/coverage', metrics, evidence: { statuses: report.statuses } });
    else risk.warn(name, `not exercised: ${report.missing.map((m) => `${m.operation} (${m.reason})`).join('; ')}`, { check: 'contracts/coverage', severity: 'medium', metrics, evidence: { statuses: report.statuses } });
  });
});
