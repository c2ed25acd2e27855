import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { digest, failedChecksOf, ROOT, runSuite, tasksOf, type SuiteRun } from '../helpers/runSuite.ts';

/**
 * The a11y gate against the sample target: clean, then each a11y fault on its own with only the
 * task that must catch it (`--grep`), two runs at a time: about three minutes on an idle
 * two-core machine. The bounds are generous because a busy machine can triple that.
 */
const a11yFaults = faults.filter((fault) => fault.gate === 'a11y');

/** The task that must fail for each fault, and what its failure must name. */
const EXPECTED: Record<string, { grep: string; task: string; names: RegExp }> = {
  'missing-alt': { grep: 'axe home ', task: 'a11y/axe-home-has-no-wcag-violations', names: /image-alt on \/: Images must have alternative text \[critical\].*img/ },
  'low-contrast': { grep: 'axe news ', task: 'a11y/axe-news-has-no-wcag-violations', names: /color-contrast on \/news: Elements must meet minimum color contrast ratio thresholds \[serious\]/ },
  'unlabelled-field': { grep: 'axe settings ', task: 'a11y/axe-settings-has-no-wcag-violations', names: /label on \/settings: Form elements must have labels \[critical\]/ },
  'render-blocking-script': { grep: 'lighthouse home ', task: 'a11y/lighthouse-home-meets-its-score-thresholds', names: /(audits:render-blocking-resources|categories:performance) on \/: .*\/_fault\/render-blocking-script\.js/ },
};

function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => path.join(folder, file));
  } catch {
    return [];
  }
}

function warnOperations(run: SuiteRun): number {
  return tasksOf(run, 'a11y').reduce((sum, task) => sum + task.metrics.warn_operations, 0);
}

/** The demo's config plus two suppressions: one in force, one expired. */
function suppressionConfig(): string {
  const folder = path.join(ROOT, '.work', 'selftest', `a11y-suppressions-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'validation.config.ts');
  writeFileSync(file, `import demo from ${JSON.stringify(path.join(ROOT, 'validation.config.ts'))};
export default { ...demo, a11y: { ...demo.a11y, suppressions: [
  { rule: 'color-contrast', route: 'news', reason: 'disclaimer grey pending the redesign', owner: 'web-team', expires: '2099-12-31' },
  { rule: 'image-alt', selector: 'img', reason: 'logo alt text ships next sprint', owner: 'brand-team', expires: '2000-01-01' },
] } };
`);
  return file;
}

describe('a11y gate', { concurrency: 2 }, () => {
  it('passes on the clean demo: zero violations on every route, Lighthouse thresholds met, within the warning budget', async () => {
    const run = await runSuite({ project: 'a11y', noDeps: true, args: ['--workers=2'], timeoutMs: 420_000 });
    const tasks = tasksOf(run, 'a11y');
    assert.equal(run.exitCode, 0, digest(run));
    assert.equal(tasks.filter((task) => task.task_id.startsWith('a11y/axe-')).length, 9, digest(run));
    assert.deepEqual(tasks.filter((task) => task.task_id.startsWith('a11y/lighthouse-')).map((task) => task.task_id).sort(), [
      'a11y/lighthouse-home-meets-its-score-thresholds',
      'a11y/lighthouse-research-meets-its-score-thresholds',
    ], digest(run));
    assert.ok(tasks.every((task) => task.status === 'completed' && task.metrics.failed_operations === 0), digest(run));
    assert.ok(tasks.every((task) => task.metrics.operations >= 2), `every task records its checks\n${digest(run)}`);
    assert.ok(warnOperations(run) <= 3, `clean demo warnings ${warnOperations(run)} exceed the budget of 3\n${digest(run)}`);
    const files = filesUnder(path.join(run.outputRoot, 'test-results')).map((file) => path.basename(file));
    assert.ok(files.includes('lighthouse-home.html'), `the Lighthouse HTML report is attached: ${files.join(', ')}`);
  });

  for (const fault of a11yFaults) {
    it(`catches ${fault.name}: ${fault.breaks}`, async () => {
      const expected = EXPECTED[fault.name];
      assert.ok(expected, `no expectation for the a11y fault ${fault.name}: add one to EXPECTED`);
      const run = await runSuite({ project: 'a11y', noDeps: true, faults: [fault.name], args: ['--grep', expected.grep], timeoutMs: 300_000 });
      assert.notEqual(run.summary?.verdict, 'PASS', digest(run));
      const task = tasksOf(run, 'a11y').find((t) => t.task_id === expected.task);
      assert.ok(task, digest(run));
      assert.ok(failedChecksOf(task).some((error) => expected.names.test(error)), `${expected.task} must name the fault: ${expected.names}\n${digest(run)}`);
    });
  }

  it('turns a violation under an active suppression into a warning naming it, and fails one whose suppression expired', async () => {
    const run = await runSuite({ project: 'a11y', noDeps: true, faults: ['low-contrast', 'missing-alt'], args: ['--grep', 'axe news '], env: { VALIDATION_CONFIG: suppressionConfig() }, timeoutMs: 300_000 });
    const task = tasksOf(run, 'a11y').find((t) => t.task_id === 'a11y/axe-news-has-no-wcag-violations');
    assert.equal(task?.status, 'failed', digest(run));
    assert.ok(task.errors.some((e) => /^image-alt on \/news: .*a11y suppression image-alt \[img\] on every route \(logo alt text ships next sprint; owner brand-team; until 2000-01-01\) has expired/.test(e)), digest(run));
    assert.ok(!failedChecksOf(task).some((e) => e.startsWith('color-contrast')), `the suppressed rule must not fail\n${digest(run)}`);
    assert.ok(task.warnings.some((w) => /^color-contrast on \/news: .*waived: a11y suppression color-contrast on news \(disclaimer grey pending the redesign; owner web-team; until 2099-12-31\)/.test(w)), digest(run));
    // The violations as a page: rule, impact, help link, nodes pictured, the page outlined; linked from the summary.
    const view = filesUnder(path.join(run.outputRoot, 'test-results')).find((file) => path.basename(file) === 'axe-news.html');
    assert.ok(view, 'the axe view of /news is attached');
    const html = readFileSync(view, 'utf8');
    assert.match(html, /image-alt/);
    assert.match(html, /href="https:\/\/dequeuniversity\.com\/rules\/axe\/[^"]*image-alt/);
    assert.match(html, /<img alt="[^"]*" src="data:image\/png;base64,/);
    assert.match(html, /the page with the offending nodes outlined/);
    assert.match(run.summaryMarkdown, /attached: \S*axe-news-html-[0-9a-f]+\.html/);
  });
});
