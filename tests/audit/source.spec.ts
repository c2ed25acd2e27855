import { test } from '../../fixtures/index.ts';
import { sourceChecks } from '../../lib/audit/gate/index.ts';
import { auditContext } from '../../lib/audit/record.ts';

test.describe('repository', () => {
  test('no deprecated patterns', async ({ target, risk }) => {
    test.skip(target.audit.deprecated.length === 0, 'not configured: audit.deprecated is empty');
    const { auditDeprecated } = await sourceChecks();
    auditDeprecated(await auditContext(target), risk);
  });

  test('branding: no forbidden terms, logo present', async ({ target, risk }) => {
    const { branding } = target.audit;
    test.skip(branding.forbiddenTerms.length === 0 && !branding.logo, 'not configured: audit.branding has no forbiddenTerms and no logo');
    const { auditBranding } = await sourceChecks();
    auditBranding(await auditContext(target), risk);
  });

  test('scripts are plain UTF-8 without emoji', async ({ target, risk }) => {
    const { auditScripts } = await sourceChecks();
    auditScripts(await auditContext(target), risk);
  });
});
