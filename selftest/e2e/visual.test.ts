import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { digest, failedChecksOf, freePort, ROOT, runSuite, tasksOf } from '../helpers/runSuite.ts';

/**
 * The visual gate against the sample target: clean against the committed baselines, each visual
 * fault on its own (only the task that must catch it), a fresh baseline written with a warning,
 * and Percy failing fast when its token is set but no Percy server answers.
 */
const visualFaults = faults.filter((fault) => fault.gate === 'visual');

const HOME_DESKTOP = { grep: 'screens home at desktop', task: 'visual/screens-home-at-desktop-1920x1080' };
const EXPECTED: Record<string, { grep: string; task: string; check: RegExp }> = {
  'layout-shift': { ...HOME_DESKTOP, check: /^screenshot of \/ @desktop matches its baseline: \d+ pixels \(ratio [\d.]+ of all image pixels\) are different/ },
  'off-palette': { ...HOME_DESKTOP, check: /^colours on \/ @desktop are within the palette: 1 off-palette colour\(s\): color #ff00aa .*h1/ },
  'missing-glass': { ...HOME_DESKTOP, check: /^glass panels \(\.glass\) on \/ @desktop have a backdrop-filter: \d+ of \d+ panel\(s\) have backdrop-filter "none"/ },
};

describe('visual gate', { concurrency: 2 }, () => {
  it('passes on the clean demo against the committed baselines, Percy skipped with its reason', async () => {
    const run = await runSuite({ project: 'visual', noDeps: true, args: ['--workers=2'], timeoutMs: 480_000 });
    const tasks = tasksOf(run, 'visual');
    assert.equal(run.exitCode, 0, digest(run));
    assert.equal(tasks.filter((task) => task.task_id.startsWith('visual/screens-')).length, 18, `9 routes x 2 viewports\n${digest(run)}`);
    assert.ok(tasks.filter((t) => t.status !== 'skipped').every((task) => task.status === 'completed' && task.metrics.failed_operations === 0 && task.metrics.warn_operations === 0), digest(run));
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

  it('writes a missing baseline and warns "baseline created" instead of failing', async () => {
    // A route of its own name has no committed baseline: what a fresh platform or browser sees.
    const name = `fresh-${process.pid}`;
    const config = path.join(ROOT, '.work', 'selftest', `visual-fresh-${process.pid}.config.ts`);
    writeFileSync(config, `import base from '../../validation.config.ts';\nexport default { ...base, routes: [{ path: '/login', name: '${name}' }] };\n`);
    try {
      const run = await runSuite({ project: 'visual', noDeps: true, args: ['--grep', `screens ${name} at desktop`], env: { VALIDATION_CONFIG: config }, timeoutMs: 300_000 });
      assert.equal(run.exitCode, 0, digest(run));
      const task = tasksOf(run, 'visual').find((t) => t.task_id === `visual/screens-${name}-at-desktop-1920x1080`);
      assert.equal(task?.status, 'completed', digest(run));
      assert.ok(task.warnings.some((w) => /baseline created at tests\/visual\/.*fresh-\d+-desktop-/.test(w)), digest(run));
    } finally {
      rmSync(config, { force: true });
      const snapshots = path.join(ROOT, 'tests', 'visual', 'screens.spec.ts-snapshots');
      for (const file of readdirSync(snapshots)) if (file.startsWith(`${name}-`)) rmSync(path.join(snapshots, file), { force: true });
    }
  });

  it('fails fast, naming percy exec, when PERCY_TOKEN is set but no Percy server answers', async () => {
    const closed = await freePort();
    const run = await runSuite({ project: 'visual', noDeps: true, args: ['--grep', 'percy'], env: { PERCY_TOKEN: 'selftest-token', PERCY_SERVER_ADDRESS: `http://127.0.0.1:${closed}` }, timeoutMs: 300_000 });
    assert.equal(run.exitCode, 1, digest(run));
    const task = tasksOf(run, 'visual').find((t) => t.task_id === 'visual/percy-snapshots-of-every-route');
    assert.ok(task, digest(run));
    assert.ok(failedChecksOf(task).some((e) => /^Percy CLI server at http:\/\/127\.0\.0\.1:\d+ is reachable: PERCY_TOKEN is set but no Percy CLI server answered .*npx percy exec --/.test(e)), digest(run));
  });
});
