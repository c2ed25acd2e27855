import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { inlineProject } from '../helpers/inlineProject.ts';
import { assertLogValid } from '../helpers/logSchema.ts';
import { searchableText } from '../../lib/zip.ts';

/*
 * One target, its checks and findings set by the environment: the verdict follows the error budget
 * and the severity policy, and a chain stops only for what blocks.
 */
const checks = `import { test } from '@fixtures';
const count = (name: string) => Number(process.env[name] ?? 0);
test('pages render', async ({ risk }) => {
  for (let i = 0; i < count('PASSES'); i++) risk.pass('page ' + i, { check: 'browser/visit' });
  // console errors: set to low in this target's config
  for (let i = 0; i < count('MINOR'); i++) risk.fail('no console errors on /p' + i, 'a widget logged an error', { check: 'browser/console-error', evidence: { page: '/p' + i } });
  for (let i = 0; i < count('HIGH'); i++) risk.fail('no failed requests on /h' + i, 'GET /img.png answered 404', { check: 'browser/request-failed' });
  for (let i = 0; i < count('CRITICAL'); i++) risk.fail('secured route without a token', 'answered 200, expected 401', { check: 'contracts/auth' });
});
`;
const later = `import { test } from '@fixtures';
test('runs after the first gate', async ({ risk }) => { risk.pass('reached', { check: 'smoke/health' }); });
`;

describe('the error budget decides', () => {
  const project = inlineProject('policy', [{ name: 'browser' }, { name: 'smoke', dependencies: ['browser'] }], {
    'browser/checks.spec.ts': checks,
    'smoke/later.spec.ts': later,
  }, `severity: { 'browser/console-error': 'low' },`);
  const run = (env: Record<string, string>) => project.run(['--project=smoke'], { BASE_URL: 'http://127.0.0.1:9', ...env, OUTPUT_ROOT: path.join(project.dir, Object.values(env).join('-')) });

  test('the same five minor findings are PASS, WARNING or CRITICAL by the number of operations; nothing stops the chain', async () => {
    const cases = [['1994', 'PASS', 0], ['494', 'WARNING', 0], ['194', 'CRITICAL', 1]] as const;
    for (const [passes, verdict, exit] of cases) {
      const result = await run({ PASSES: passes, MINOR: '5' });
      assert.equal(result.summary?.verdict, verdict, `${passes} passes: ${result.stdout}`);
      assert.equal(result.exitCode, exit);
      assert.deepEqual(result.tasks.map((t) => [t.task_id, t.status]), [['browser/pages-render', 'completed'], ['smoke/runs-after-the-first-gate', 'completed']]);
      assert.equal(result.summary?.failed_operations, 5);
      assert.deepEqual(result.summary?.findings, { critical: 0, high: 0, medium: 0, low: 5 });
      assert.equal(result.tasks[0]?.findings?.length, 5);
      assert.match(result.summaryMarkdown, /## Findings\n\nFailed checks below the blocking severities[^\n]*\n\n- \*\*browser\*\* `browser\/pages-render` .*no console errors on \/p0 `browser\/console-error` \[low\]: a widget logged an error\n {2}- evidence: `\{"page":"\/p0"\}`/);
      assertLogValid(result);
    }
  });

  test('a finding is visible on its passing test in the HTML report', async () => {
    const result = await run({ PASSES: '1994', MINOR: '5' });
    const html = searchableText(readFileSync(path.join(result.outputRoot, 'playwright-report', 'index.html')));
    assert.match(html, /finding \(low\)/);
    assert.match(html, /no console errors on \/p0: a widget logged an error/);
  });

  test('one critical failure is CRITICAL whatever the rate, and stops the chain', async () => {
    const result = await run({ PASSES: '9999', CRITICAL: '1' });
    assert.equal(result.summary?.verdict, 'CRITICAL');
    assert.equal(result.exitCode, 1);
    assert.ok((result.summary?.risk_rate ?? 1) <= 0.01);
    assert.deepEqual(result.tasks.map((t) => [t.task_id, t.status]), [['browser/pages-render', 'failed'], ['smoke/runs-after-the-first-gate', 'blocked']]);
    assert.match(result.summary?.reasons.join(' ') ?? '', /1 task\(s\) failed: a critical failure stopped the chain/);
  });

  test('two HIGH findings are CRITICAL at any rate, one is a WARNING; neither stops the chain', async () => {
    const two = await run({ PASSES: '9998', HIGH: '2' });
    assert.equal(two.summary?.verdict, 'CRITICAL');
    assert.match(two.summary?.reasons.join(' ') ?? '', /2 high finding\(s\), at or above the policy's 2/);
    assert.deepEqual(two.tasks.map((t) => t.status), ['completed', 'completed']);
    const one = await run({ PASSES: '9999', HIGH: '1' });
    assert.equal(one.summary?.verdict, 'WARNING');
    assert.equal(one.exitCode, 0);
  });

  test('under the commit policy (precommit) a HIGH failure stops the chain', async () => {
    const result = await run({ PASSES: '9999', HIGH: '1', RISK_POLICY: 'commit' });
    assert.deepEqual(result.tasks.map((t) => t.status), ['failed', 'blocked']);
    assert.equal(result.summary?.policy?.name, 'commit');
  });
});
