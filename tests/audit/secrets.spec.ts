import { test } from '../../fixtures/index.ts';
import { sourceChecks } from '../../lib/audit/gate/index.ts';
import { auditContext } from '../../lib/audit/record.ts';

test.describe('repository', () => {
  test('no secrets are committed', { tag: '@critical' }, async ({ target, risk }) => {
    const { auditSecrets } = await sourceChecks();
    await auditSecrets(await auditContext(target), risk);
  });
});
