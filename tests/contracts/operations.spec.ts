import { test } from '../../fixtures/index.ts';
import { secretValues, templateVariables } from '../../lib/http.ts';
import { CoverageTracker, operationLabel, planExercise, requestTarget } from '../../lib/openapi/index.ts';
import { stateChangeContext } from '../../lib/stateChange.ts';
import { environmentFor } from '../../lib/workspace/variables.ts';

test.describe('documented operations', () => {
  test('every documented operation answers as its contract says', async ({ api, openapi, risk, target }, testInfo) => {
    test.skip(!openapi.ok, openapi.ok ? '' : `OpenAPI document unusable: ${openapi.reason}`);
    if (!openapi.ok) return;
    const settings = target.api.contracts;
    const { variables, secrets } = templateVariables(environmentFor(target.meta.target), target.auth);
    for (const secret of [...secrets, ...secretValues(settings.operations, variables)]) risk.redactor.add(secret);
    const coverage = new CoverageTracker(openapi.operations);
    const decisions = planExercise(openapi.operations, {
      overrides: settings.operations, defaultAuth: settings.defaultAuth, context: stateChangeContext(target),
      maxVariants: settings.maxExamplesPerOperation, variables, sample: openapi.sample, basePath: openapi.basePath,
    });
    for (const decision of decisions) {
      const { operation } = decision;
      if ('skipped' in decision) {
        coverage.notExercised(operation, decision.skipped);
        continue;
      }
      for (const request of decision.requests) {
        const result = await api.request(request.method, requestTarget(request), { headers: request.headers, data: request.body, auth: request.auth });
        coverage.record(operation, result.status);
        const verdict = openapi.validator.check({
          method: request.method, path: request.path, status: result.status, headers: result.headers, body: result.json, text: result.text,
        });
        const name = `${request.method} ${request.path} ${result.status}`;
        const evidence = { url: result.url, variant: request.variant, operation: operation.id, ...(request.sampled.length > 0 ? { madeUpFromSchema: request.sampled } : {}) };
        for (const aspect of verdict.results) {
          // Whether the request's own path is documented cannot fail here: the request was built from the document.
          if (aspect.aspect === 'endpoint' && aspect.ok) continue;
          const options = { check: `contracts/${aspect.aspect === 'endpoint' ? 'status' : aspect.aspect}`, evidence };
          if (aspect.ok) risk.pass(`${name}: ${aspect.aspect}`, options);
          else risk.fail(`${name}: ${aspect.aspect}`, aspect.message, options);
        }
        // The document's own example must succeed: a contract that only ever answers errors proves
        // little. A request with values made up from schemas is no example of the document's: a
        // made-up id answering 404 is the API being right.
        if (request.variant === 'example' && request.sampled.length === 0) {
          await risk.check(`${operationLabel(operation)} example answers a success status`, () => {
            if (result.status < 200 || result.status > 299) {
              throw new Error(`${request.method} ${requestTarget(request)} answered ${result.status}, expected 2xx for the document's first example: ${result.text.slice(0, 200)}`);
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
