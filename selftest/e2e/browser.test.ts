import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { digest, failedChecksOf, runSuite, tasksOf } from '../helpers/runSuite.ts';

/**
 * The browser gate against the sample target: clean, then each browser fault on its own with only
 * the task that must catch it (`--grep`), two runs at a time to stay near three minutes.
 */
const browserFaults = faults.filter((fault) => fault.gate === 'browser');

const SETTINGS_TASK = 'browser/routes-settings-renders-cleanly-at-desktop-1920x1080';

/** The task that must fail for each fault, and the check title that must name it. */
const EXPECTED: Record<string, { grep: string; task: string; check: RegExp }> = {
  'console-error': { grep: 'home renders cleanly at desktop', task: 'browser/routes-home-renders-cleanly-at-desktop-1920x1080', check: /^no console errors on \/ @desktop: 1 seen: .*_fault\/console-error\.js/ },
  'page-error': { grep: 'news renders cleanly at desktop', task: 'browser/routes-news-renders-cleanly-at-desktop-1920x1080', check: /^no uncaught page errors on \/news @desktop: 1 seen: .*news renderer crashed/ },
  'broken-image': { grep: 'research renders cleanly at desktop', task: 'browser/routes-research-renders-cleanly-at-desktop-1920x1080', check: /^no failed requests \(HTTP 4xx\/5xx\) on \/research @desktop: 1 seen: 404 .*sector-heatmap\.png/ },
  'forbidden-brand-term': { grep: 'home renders cleanly at desktop', task: 'browser/routes-home-renders-cleanly-at-desktop-1920x1080', check: /^no forbidden brand term in visible text on \/ @desktop: 1 hit\(s\): "AI" in ".*AI Recommendations/ },
  'missing-wedge': { grep: 'radial menu', task: 'browser/interactions-radial-menu-opens-every-workflow', check: /^radial menu opens every workflow: \[data-testid="radial-wedge"\] count = 10: .*matched 9 element\(s\), expected = 10/ },
  // The passive security scan judges what the route's page received.
  'missing-nosniff': { grep: 'settings renders cleanly at desktop', task: SETTINGS_TASK, check: /^security: X-Content-Type-Options nosniff on page \/settings: \d+ of \d+ response\(s\) judged fail:\nhttp:\S+\/settings: X-Content-Type-Options: missing; expected X-Content-Type-Options: nosniff/ },
  'missing-csp': { grep: 'settings renders cleanly at desktop', task: SETTINGS_TASK, check: /^security: Content-Security-Policy blocks injected scripts on page \/settings: 1 of 1 response\(s\) judged fail:\nhttp:\S+\/settings: Content-Security-Policy: no Content-Security-Policy header/ },
  'csp-unsafe-inline': { grep: 'settings renders cleanly at desktop', task: SETTINGS_TASK, check: /^security: Content-Security-Policy blocks injected scripts on page \/settings: [\s\S]*script-src 'unsafe-inline': 'unsafe-inline' allows the execution of unsafe in-page scripts/ },
  'secret-in-page': { grep: 'settings renders cleanly at desktop', task: SETTINGS_TASK, check: /^security: no secret in responses or page source on page \/settings: [\s\S]*\/settings: body line \d+:\d+: @secretlint\/secretlint-rule-github/ },
};

describe('browser gate', { concurrency: 2 }, () => {
  it('passes on the clean demo: every route at every viewport, the interactions and the branding', async () => {
    const run = await runSuite({ project: 'browser', noDeps: true, args: ['--workers=2'], timeoutMs: 480_000 });
    const tasks = tasksOf(run, 'browser');
    assert.equal(run.exitCode, 0, digest(run));
    assert.equal(tasks.filter((task) => task.task_id.startsWith('browser/routes-')).length, 18, `9 routes x 2 viewports\n${digest(run)}`);
    assert.ok(tasks.some((task) => task.task_id === 'browser/interactions-radial-menu-opens-every-workflow'), digest(run));
    assert.ok(tasks.some((task) => task.task_id === 'browser/interactions-split-screen-handle-resizes-the-panes'), digest(run));
    assert.ok(tasks.every((task) => task.status === 'completed' && task.metrics.failed_operations === 0), digest(run));
    // Ten wedges, each: the click, four render checks and its heading.
    const menu = tasks.find((task) => task.task_id === 'browser/interactions-radial-menu-opens-every-workflow');
    assert.ok((menu?.metrics.operations ?? 0) >= 60, `the menu task checks every workflow page\n${digest(run)}`);
  });

  for (const fault of browserFaults) {
    it(`catches ${fault.name}: ${fault.breaks}`, async () => {
      const expected = EXPECTED[fault.name];
      assert.ok(expected, `no expectation for the browser fault ${fault.name}: add one to EXPECTED`);
      const run = await runSuite({ project: 'browser', noDeps: true, faults: [fault.name], args: ['--grep', expected.grep], timeoutMs: 300_000 });
      assert.notEqual(run.summary?.verdict, 'PASS', digest(run));
      const task = tasksOf(run, 'browser').find((t) => t.task_id === expected.task);
      assert.ok(task, digest(run));
      assert.ok(failedChecksOf(task).some((error) => expected.check.test(error)), `${expected.task} must name the fault: ${expected.check}\n${digest(run)}`);
      const title = failedChecksOf(task).find((error) => expected.check.test(error)) ?? '';
      assert.match(title.toLowerCase(), new RegExp(fault.caughtBy), `the check title names "${fault.caughtBy}" (faults registry)`);
    });
  }
});
