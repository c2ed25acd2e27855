import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { digest, failedChecksOf, freePort, runSuite, tasksOf } from '../helpers/runSuite.ts';
import { DEMO_BASELINES, folderDigest } from '../helpers/visualSetup.ts';

/**
 * The visual gate against the sample target: clean against the committed baselines (compared, none
 * created, none touched), each visual fault on its own (only the task that must catch it), and
 * Percy failing fast when its token is set but no Percy server answers. Baselines per target,
 * browser updates, CI strictness and review are in visualBaselines.test.ts.
 */
const visualFaults = faults.filter((fault) => fault.gate === 'visual');

const HOME_DESKTOP = { grep: 'screens home at desktop', task: 'visual/screens-home-at-desktop-1920x1080' };
const EXPECTED: Record<string, { grep: string; task: string; check: RegExp }> = {
  'layout-shift': { ...HOME_DESKTOP, check: /^screenshot of \/ @desktop matches its baseline: \d+ pixels differ \([\d.]+ % of 2073600\), more than the 50 allowed, in \d+x\d+ at x=\d+, y=\d+(?: \([^)]+\))?; baseline and screenshot were both rendered by chromium(?: headless shell)? [\d.]+ on linux, so the page itself changed/ },
  'off-palette': { ...HOME_DESKTOP, check: /^colours on \/ @desktop are within the palette: 1 off-palette colour\(s\): color #ff00aa .*h1/ },
  'missing-glass': { ...HOME_DESKTOP, check: /^glass panels \(\.glass\) on \/ @desktop have a backdrop-filter: \d+ of \d+ panel\(s\) have backdrop-filter "none"/ },
  // Reported as unstable, naming what moved, and not compared: not a regression.
  'unstable-ticker': {
    grep: 'screens backtesting at desktop',
    task: 'visual/screens-backtesting-at-desktop-1920x1080',
    // The ticker's span, or its paragraph when the number's width moved the words after it.
    check: /^screenshot of \/backtesting @desktop matches its baseline: the page kept changing over 5 screenshots in a row, last in \d+x\d+ at x=\d+, y=\d+ \((?:p > span\.fault-ticker|p\[data-testid="fault-ticker"\])\), so it was not compared with its baseline/,
  },
};

describe('visual gate', { concurrency: 2 }, () => {
  it('compares the committed baselines on this machine\'s Chromium: every screen passes, none is created, none is touched', async () => {
    const before = folderDigest(DEMO_BASELINES);
    // CI unset: a missing baseline would be created with a warning here, so "no warning" means every one was compared.
    const run = await runSuite({ project: 'visual', noDeps: true, args: ['--workers=2'], env: { CI: '' }, timeoutMs: 600_000 });
    const tasks = tasksOf(run, 'visual');
    assert.equal(run.exitCode, 0, digest(run));
    assert.equal(tasks.filter((task) => task.task_id.startsWith('visual/screens-')).length, 18, `9 routes x 2 viewports\n${digest(run)}`);
    assert.ok(tasks.filter((t) => t.status !== 'skipped').every((task) => task.status === 'completed' && task.metrics.failed_operations === 0 && task.metrics.warn_operations === 0), digest(run));
    assert.ok(!run.logText.includes('baseline created'), digest(run));
    assert.equal(folderDigest(DEMO_BASELINES), before, 'the run must not write into the committed baselines');
    assert.ok(!run.summaryMarkdown.includes('## Visual changes'), 'a clean run has nothing to review');
    const percy = tasks.find((task) => task.task_id === 'visual/percy-snapshots-of-every-route');
    assert.equal(percy?.status, 'skipped', digest(run));
    assert.ok(percy.warnings.some((w) => /PERCY_TOKEN is not set/.test(w)), `the skip reason is recorded\n${digest(run)}`);
  });

  for (const fault of visualFaults) {
    it(`catches ${fault.name}: ${fault.breaks}`, async () => {
      const expected = EXPECTED[fault.name];
      assert.ok(expected, `no expectation for the visual fault ${fault.name}: add one to EXPECTED`);
      const run = await runSuite({ project: 'visual', noDeps: true, faults: [fault.name], args: ['--grep', expected.grep], timeoutMs: 300_000 });
      assert.notEqual(run.summary?.verdict, 'PASS', digest(run));
      const task = tasksOf(run, 'visual').find((t) => t.task_id === expected.task);
      assert.ok(task, digest(run));
      const title = failedChecksOf(task).find((error) => expected.check.test(error));
      assert.ok(title, `${expected.task} must name the fault: ${expected.check}\n${digest(run)}`);
      assert.match(title.toLowerCase(), new RegExp(fault.caughtBy), `the check title names "${fault.caughtBy}" (faults registry)`);
    });
  }

  it('fails fast, naming percy exec, when PERCY_TOKEN is set but no Percy server answers', async () => {
    const closed = await freePort();
    const run = await runSuite({ project: 'visual', noDeps: true, args: ['--grep', 'percy'], env: { PERCY_TOKEN: 'selftest-token', PERCY_SERVER_ADDRESS: `http://127.0.0.1:${closed}` }, timeoutMs: 300_000 });
    assert.equal(run.exitCode, 1, digest(run));
    const task = tasksOf(run, 'visual').find((t) => t.task_id === 'visual/percy-snapshots-of-every-route');
    assert.ok(task, digest(run));
    assert.ok(failedChecksOf(task).some((e) => /^Percy CLI server at http:\/\/127\.0\.0\.1:\d+ is reachable: PERCY_TOKEN is set but no Percy CLI server answered .*npx percy exec --/.test(e)), digest(run));
  });
});
