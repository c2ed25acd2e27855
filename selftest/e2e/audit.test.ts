import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { digest, failedChecksOf, ROOT, runSuite, tasksOf, type SuiteRun } from '../helpers/runSuite.ts';

/**
 * The audit gate against copies of the sample target's repository: one clean copy must pass every
 * check; one copy with every repository fault planted must fail each fault's own check, naming the
 * file and line of the defect. Both runs go at once. Playwright restarts its worker after each
 * failed test, so the planted run costs about one worker start per fault: slow on a loaded machine.
 */
const repositoryFaults = faults.filter((fault) => fault.kind === 'repository');

/** Where each planted defect must be named in its check's failure. */
const NAMES: Record<string, RegExp> = {
  'leaked-credential': /api\/upstream\.ts:2:\d+ @secretlint\/secretlint-rule-github/,
  'broken-json': /config\/development\.json:\d+:\d+ json-syntax/,
  'broken-yaml': /config\/production\.yaml:\d+:\d+ yaml-syntax/,
  'port-mismatch': /docker-compose\.yml:\d+ port-consistency: .*47311/,
  'deprecated-buffer': /legacy\.ts:2:\d+ deprecated:/,
  'cors-wildcard-credentials': /config\/staging\.json:\d+:\d+ cors-wildcard-credentials/,
  'undocumented-env': /flags\.ts:2:\d+ env-undocumented: DEMO_FEATURE_FLAGS/,
  'forbidden-brand-term-source': /pages\/assistant\.ts:2:\d+ brand:AI/,
  'emoji-in-script': /scripts\/quote_report\.py:\d+:\d+ script-emoji/,
  'stale-generated-types': /generated\/api\.ts:\d+ generated-stale/,
  'lockfile-drift': /package\.json:\d+ lockfile-mismatch: dependencies\.jose/,
  'off-palette-source': /public\/styles\.css:\d+:\d+ design-off-palette: colour #ff00aa/,
  'failing-command': /shell scripts parse.*exited with [1-9]: scripts\/smoke\.sh: line \d+/,
};

/** The task whose title carries the fault's `caughtBy` words. */
function taskFor(run: SuiteRun, caughtBy: string) {
  const slug = caughtBy.toLowerCase().replace(/\s+/g, '-');
  return tasksOf(run, 'audit').find((task) => task.task_id.includes(slug));
}

function copyDemo(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.join(ROOT, 'demo'), dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
  return dir;
}

describe('audit gate', () => {
  let clean: SuiteRun;
  let planted: SuiteRun;
  const copies: string[] = [];

  before(async () => {
    const cleanCopy = copyDemo('audit-clean-');
    const faultyCopy = copyDemo('audit-faults-');
    copies.push(cleanCopy, faultyCopy);
    for (const fault of repositoryFaults) await fault.plant!(faultyCopy);
    // BASE_URL: the audit reads files only, so no demo server is started.
    const env = (repo: string) => ({ TARGET_REPO: repo, BASE_URL: 'http://127.0.0.1:9' });
    [clean, planted] = await Promise.all([
      runSuite({ project: 'audit', noDeps: true, env: env(cleanCopy), name: `audit-clean-${process.pid}`, timeoutMs: 900_000 }),
      // Playwright starts a fresh worker after each failed test: two workers share those restarts.
      runSuite({ project: 'audit', noDeps: true, env: env(faultyCopy), args: ['--workers=2'], name: `audit-faults-${process.pid}`, timeoutMs: 900_000 }),
    ]);
  });

  after(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('every repository fault has a planting function and an expectation', () => {
    assert.ok(repositoryFaults.length >= 12, `${repositoryFaults.length} repository faults`);
    for (const fault of repositoryFaults) {
      assert.equal(fault.gate, 'audit', fault.name);
      assert.equal(typeof fault.plant, 'function', fault.name);
      assert.ok(NAMES[fault.name], `no expectation for ${fault.name}`);
    }
  });

  it('the clean copy passes every audit check', () => {
    assert.equal(clean.exitCode, 0, digest(clean));
    const audit = tasksOf(clean, 'audit');
    assert.ok(audit.length >= 12, digest(clean));
    const failed = audit.filter((task) => task.status !== 'completed' && task.status !== 'skipped');
    assert.deepEqual(failed.map((task) => task.task_id), [], digest(clean));
    // Only npm audit may be skipped (the registry may not answer), and migrations (the demo has no
    // database, so no migration tool is recognised), each with its reason.
    for (const task of audit.filter((t) => t.status === 'skipped')) {
      assert.match(task.task_id, /npm-audit|database-migrations/, digest(clean));
      assert.match(task.warnings.join(' '), /npm audit skipped: .+|not configured: no Alembic, Django, Prisma or Knex project/, digest(clean));
    }
  });

  it('the design DNA triage file is written', async () => {
    const { readFileSync } = await import('node:fs');
    const triage = JSON.parse(readFileSync(path.join(planted.outputRoot, 'reports', 'design-dna-triage.json'), 'utf8')) as { findings: Array<{ file: string; line: number; suggestedToken?: string }> };
    const entry = triage.findings.find((finding) => finding.file === 'public/styles.css');
    assert.ok(entry, JSON.stringify(triage.findings));
    assert.ok(entry.line > 0 && entry.suggestedToken, JSON.stringify(entry));
  });

  for (const fault of repositoryFaults) {
    it(`${fault.name}: ${fault.breaks}`, () => {
      assert.notEqual(planted.exitCode, 0, digest(planted));
      const task = taskFor(planted, fault.caughtBy);
      assert.ok(task, `no audit task titled with "${fault.caughtBy}"\n${digest(planted)}`);
      const text = failedChecksOf(task).join('\n');
      assert.match(text, NAMES[fault.name]!, `${task.task_id} does not name the defect:\n${text.slice(0, 3000)}`);
    });
  }
});
