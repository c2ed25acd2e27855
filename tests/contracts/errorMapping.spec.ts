import { test } from '../../fixtures/index.ts';
import { allowedRequests, stateChangeContext } from '../../lib/stateChange.ts';

test.describe('error mapping', () => {
  test('upstream failures surface as the configured statuses', async ({ api, risk, target }) => {
    test.skip(target.api.contracts.errorMappings.length === 0, 'not configured: api.contracts.errorMappings is empty');
    const { allowed: mappings, refused } = allowedRequests(target.api.contracts.errorMappings, (i) => `api.contracts.errorMappings[${i}]`, stateChangeContext(target));
    if (refused.length > 0) risk.warn('error mappings left out (read-only by default)', refused.join('; '), { check: 'contracts/error-mapping', severity: 'low' });
    for (const mapping of mappings) {
      const result = await api.request(mapping.method, mapping.path);
      await risk.check(`error mapping: ${mapping.name}: ${mapping.method} ${mapping.path} answers ${mapping.expectStatus}`, () => {
        if (result.status !== mapping.expectStatus) {
          throw new Error(`${mapping.method} ${mapping.path} answered ${result.status}, expected ${mapping.expectStatus} (${mapping.name}): ${result.text.slice(0, 200)}`);
        }
      }, { check: 'contracts/error-mapping', evidence: { url: result.url, status: result.status } });
    }
  });
});
