import { test } from '../../fixtures/index.ts';
import { auditCorsAuth, auditEnvironment, auditPorts, auditSyntax } from '../../lib/audit/gate/settingsChecks.ts';
import { auditContext } from '../../lib/audit/record.ts';

test.describe('repository', () => {
  test('config files parse (JSON, YAML, dotenv)', async ({ target, risk }) => {
    auditSyntax(await auditContext(target), risk);
  });

  test('ports agree across env, compose, scripts and settings', async ({ target, risk }) => {
    test.skip(target.audit.ports.services.length === 0, 'not configured: audit.ports.services is empty');
    auditPorts(await auditContext(target), risk);
  });

  test('cors and auth settings are safe', async ({ target, risk }) => {
    auditCorsAuth(await auditContext(target), risk);
  });

  test('environment variables read in code are documented', async ({ target, risk }) => {
    auditEnvironment(await auditContext(target), risk);
  });
});
