import { test } from '../../fixtures/index.ts';
import { auditSecrets } from '../../lib/audit/gate/sourceChecks.ts';
import { auditContext } from '../../lib/audit/record.ts';

test.describe('repository', () => {
  test('no secrets are committed', { tag: '@critical' }, async ({ target, risk }) => {
    await auditSecrets(await auditContext(target), risk);
  });
});
