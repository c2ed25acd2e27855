import { test } from '../../fixtures/index.ts';
import { overrideProblems } from '../../lib/openapi/index.ts';

test.describe('openapi document', () => {
  test('the document loads, validates and compiles', { tag: '@critical' }, async ({ openapi, risk, target }) => {
    test.skip(!openapi.ok && !openapi.configured, openapi.ok ? '' : openapi.reason);
    const source = target.api.openapi ?? '(none)';
    await risk.check(`OpenAPI document ${source} is valid`, () => {
      if (!openapi.ok) throw new Error(openapi.reason);
    }, { check: 'contracts/document', metrics: { loadMs: Math.round(openapi.loadMs) }, evidence: openapi.ok && openapi.convertedFrom ? { convertedFrom: `Swagger ${openapi.convertedFrom}` } : undefined });
    if (!openapi.ok) return;
    await risk.check(`OpenAPI document ${source} schemas compile`, () => {
      if (openapi.compileProblems.length > 0) throw new Error(openapi.compileProblems.join('\n'));
    }, { check: 'contracts/schemas-compile', metrics: { operations: openapi.operations.length } });
    await risk.check('api.contracts.operations names documented operations', () => {
      const problems = overrideProblems(openapi.operations, target.api.contracts.operations);
      if (problems.length > 0) throw new Error(`${problems.join('; ')} (document ${source})`);
    }, { check: 'contracts/config' });
  });
});
