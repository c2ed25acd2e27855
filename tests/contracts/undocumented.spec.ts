import { test } from '../../fixtures/index.ts';

test.describe('undocumented endpoints', () => {
  test('probe paths serve no endpoint the document does not list', { tag: '@critical' }, async ({ api, openapi, risk, target }) => {
    test.skip(!openapi.ok, openapi.ok ? '' : `OpenAPI document unusable: ${openapi.reason}`);
    if (!openapi.ok) return;
    const { probes, probeSeverity } = target.api.contracts;
    test.skip(probes.length === 0, 'not configured: api.contracts.probes is empty');
    for (const path of probes) {
      // A documented path is the operations test's to judge: probing it here would check nothing.
      if (openapi.validator.match('GET', path).kind === 'operation') continue;
      const result = await api.request('GET', path, { maxRedirects: 0 });
      await risk.check(`undocumented endpoint probe: GET ${path} is not served`, () => {
        if (result.status >= 200 && result.status <= 299) {
          throw new Error(`GET ${path} answered ${result.status} but ${target.api.openapi} does not document it (an undocumented endpoint): ${result.text.slice(0, 160)}`);
        }
      }, { check: 'contracts/undocumented', severity: probeSeverity, evidence: { url: result.url, status: result.status } });
    }
  });
});
