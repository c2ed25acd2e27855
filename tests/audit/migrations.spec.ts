import { test } from '../../fixtures/index.ts';
import { migrationChecks } from '../../lib/audit/gate/index.ts';
import { auditContext } from '../../lib/audit/record.ts';

test.describe('repository', () => {
  test('database migrations are up to date', async ({ target, risk }) => {
    const { auditMigrations } = await migrationChecks();
    const outcome = await auditMigrations(await auditContext(target), risk);
    test.skip(outcome.planned === 0, 'not configured: no Alembic, Django, Prisma or Knex project in the repository (audit.migrations.detect), and audit.migrations.commands is empty');
    test.skip(outcome.ran === 0, `no migration tool installed: ${outcome.absent.map((item) => `${item.project}: ${item.reason}`).join('; ')}`);
    // Some checked, some not: the unchecked ones are missing tooling, a warning each.
    for (const item of outcome.absent) risk.warn(`migrations: ${item.project} not checked`, item.reason, { check: 'audit/migrations', severity: 'high' });
  });
});
