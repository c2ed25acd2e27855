import path from 'node:path';
import { test } from '../../fixtures/index.ts';
import { buildChecks } from '../../lib/audit/gate/index.ts';
import { advisorySeverity } from '../../lib/audit/checks/dependencies.ts';
import { auditContext, reportsDir } from '../../lib/audit/record.ts';

test.describe('repository', () => {
  test('generated files are fresh', async ({ target, risk }) => {
    const { generated } = target.audit;
    test.skip(generated.openapi.length + generated.commands.length === 0, 'not configured: audit.generated lists no generated file');
    const { auditGenerated } = await buildChecks();
    await auditGenerated(await auditContext(target), risk);
  });

  test('dependencies are locked', async ({ target, risk }) => {
    const { auditLockfiles } = await buildChecks();
    const manifests = auditLockfiles(await auditContext(target), risk);
    test.skip(manifests.length === 0, `not configured: no file matches audit.dependencies.manifests (${target.audit.dependencies.manifests.join(', ')})`);
  });

  test('dependencies have no known advisories (npm audit)', async ({ target, risk }) => {
    const level = target.audit.dependencies.auditLevel;
    test.skip(level === 'off', 'not configured: audit.dependencies.auditLevel is off');
    const { npmAudit } = await buildChecks();
    const outcome = await npmAudit(await auditContext(target));
    test.skip(outcome.status === 'skipped', `npm audit skipped: ${outcome.reason}`);
    const listed = outcome.advisories.map((advisory) => `${advisory.name} (${advisory.severity}): ${advisory.title}`);
    if (listed.length === 0) risk.pass(`npm audit: no advisory at or above ${level}`, { check: 'audit/npm-audit', metrics: outcome.counts });
    else risk.fail(`npm audit: no advisory at or above ${level}`, `${listed.length} package(s) with advisories at or above ${level}:\n${listed.slice(0, 20).join('\n')}`, { check: 'audit/npm-audit', severity: advisorySeverity(outcome.advisories), metrics: outcome.counts, evidence: { advisories: listed } });
  });

  test('design dna: palette colours and glass backdrops', async ({ target, risk }) => {
    const { designDna } = target.audit;
    test.skip(designDna.palette.length === 0 && !designDna.paletteFile && designDna.glassSelectors.length === 0, 'not configured: audit.designDna has no palette and no glassSelectors');
    const triageFile = path.join(reportsDir(), 'design-dna-triage.json');
    const { auditDesignDna } = await buildChecks();
    auditDesignDna(await auditContext(target), risk, triageFile);
    await test.info().attach('design-dna-triage', { path: triageFile, contentType: 'application/json' });
  });

  test('configured commands pass', async ({ target, risk }) => {
    test.skip(target.audit.commands.length === 0, 'not configured: audit.commands is empty');
    const { auditCommands } = await buildChecks();
    await auditCommands(await auditContext(target), risk);
  });
});
