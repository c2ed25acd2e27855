import { test } from '../../fixtures/index.ts';
import { settingsChecks } from '../../lib/audit/gate/index.ts';
import { auditContext } from '../../lib/audit/record.ts';

test.describe('repository', () => {
  test('config files parse (JSON, YAML, dotenv)', async ({ target, risk }) => {
    const { auditSyntax } = await settingsChecks();
    auditSyntax(await auditContext(target), risk);
  });

  test('ports agree across env, compose, scripts and settings', async ({ target, risk }) => {
    test.skip(target.audit.ports.services.length === 0, 'not configured: audit.ports.services is empty');
    const { auditPorts } = await settingsChecks();
    auditPorts(await auditContext(target), risk);
  });

  test('cors and auth settings are safe', async ({ target, risk }) => {
    const { auditCorsAuth } = await settingsChecks();
    auditCorsAuth(await auditContext(target), risk);
  });

  test('environment variables read in code are documented', async ({ target, risk }) => {
    const { auditEnvironment } = await settingsChecks();
    auditEnvironment(await auditContext(target), risk);
  });
});
