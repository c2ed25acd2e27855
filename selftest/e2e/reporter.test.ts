import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { assertLogValid } from '../helpers/logSchema.ts';
import { inlineProject } from '../helpers/inlineProject.ts';
import type { SuiteRun } from '../helpers/runSuite.ts';

const passing = `import { test, expect } from '@fixtures';
test('checks three things', async ({ risk }) => {
  for (const name of ['one', 'two', 'three']) await risk.check(name, () => expect(1).toBe(1), { check: 'data-flows/status' });
});
test('skipped for a reason', async ({ risk }) => {
  test.skip(true, 'not configured: nothing to look at');
  risk.pass('never', { check: 'data-flows/status' });
});
test('looks at nothing', async () => {});
`;
const failing = `import { test, expect } from '@fixtures';
test('records a failed check', async ({ risk }) => {
  await risk.check('status is 200', () => expect(500, 'GET /x status').toBe(200), { check: 'data-flows/status', evidence: { url: '/x' } });
  await risk.check('still runs after it', () => expect(1).toBe(1), { check: 'data-flows/status' });
});
test('crashes without recording a failure', async ({ risk }) => {
  risk.pass('warm-up', { check: 'data-flows/status' });
  throw new Error('the spec crashed');
});
test('flaky: fails once then passes', async ({ risk }, testInfo) => {
  await risk.check('retry-sensitive', () => expect(testInfo.retry).toBe(1), { check: 'data-flows/status' });
});
`;
const blocked = `import { test } from '@fixtures';
test('never runs', async ({ risk }) => { risk.pass('x', { check: 'data-flows/status' }); });
test('never runs either', async ({ risk }) => { risk.pass('y', { check: 'data-flows/status' }); });
`;

describe('risk reporter on a controlled run', () => {
  const project = inlineProject('statuses', [
    { name: 'first' },
    { name: 'second', dependencies: ['first'] },
    { name: 'third', dependencies: ['second'] },
  ], { 'first/a.spec.ts': passing, 'second/b.spec.ts': failing, 'third/c.spec.ts': blocked });

  let run: SuiteRun;
  test('the run ends CRITICAL with exit 1', async () => {
    run = await project.run(['--project=third'], { RETRIES: '1' });
    assert.equal(run.exitCode, 1, run.stdout + run.stderr);
    assert.equal(run.summary?.verdict, 'CRITICAL');
  });

  test('each task has its status: completed, skipped with its reason, failed, flaky, blocked', () => {
    const status = Object.fromEntries(run.tasks.map((t) => [t.task_id, t.status]));
    assert.deepEqual(status, {
      'first/checks-three-things': 'completed',
      'first/skipped-for-a-reason': 'skipped',
      'first/looks-at-nothing': 'completed',
      'second/records-a-failed-check': 'failed',
      'second/crashes-without-recording-a-failure': 'failed',
      'second/flaky-fails-once-then-passes': 'flaky',
      'third/never-runs': 'blocked',
      'third/never-runs-either': 'blocked',
    });
    const skipped = run.tasks.find((t) => t.status === 'skipped');
    assert.match(skipped?.warnings.join() ?? '', /not configured: nothing to look at/);
  });

  test('each check counts once, from the attempt that decided the task, and a crash counts as one failed operation', () => {
    const byId = Object.fromEntries(run.tasks.map((t) => [t.task_id, t.metrics]));
    // every failing task ran twice (RETRIES=1): only the last attempt counts
    assert.deepEqual(byId['second/records-a-failed-check'], { operations: 2, failed_operations: 1, warn_operations: 0, findings: 0 });
    // the last attempt: warm-up + the crash
    assert.deepEqual(byId['second/crashes-without-recording-a-failure'], { operations: 2, failed_operations: 1, warn_operations: 0, findings: 0 });
    // flaky: the passing retry counts; the failed first attempt is a warning, not a failure
    assert.deepEqual(byId['second/flaky-fails-once-then-passes'], { operations: 1, failed_operations: 0, warn_operations: 0, findings: 0 });
    const flaky = run.tasks.find((t) => t.task_id === 'second/flaky-fails-once-then-passes');
    assert.match(flaky?.warnings.join() ?? '', /is flaky: it failed \(attempt 1: retry-sensitive \[critical\]: .*\), then passed on retry/);
    assert.equal(run.summary?.operations, 3 + 2 + 2 + 1);
    assert.equal(run.summary?.failed_operations, 1 + 1);
  });

  test('the failed check names what, where and what was expected', () => {
    const task = run.tasks.find((t) => t.task_id === 'second/records-a-failed-check');
    assert.match(task?.errors[0] ?? '', /status is 200: .*GET \/x status/s);
    assert.match(task?.errors[0] ?? '', /Expected: 200/);
    assert.match(task?.location ?? '', /^.*b\.spec\.ts:2$/);
  });

  test('a passed task with no operation is a hollow-check warning', () => {
    const hollow = run.tasks.find((t) => t.task_id === 'first/looks-at-nothing');
    assert.match(hollow?.warnings.join() ?? '', /looked at nothing/);
  });

  test('gates are reported passed, failed and blocked', () => {
    assert.deepEqual(run.gates.map((g) => [g.gate, g.status]), [['first', 'passed'], ['second', 'failed'], ['third', 'blocked']]);
    assert.deepEqual(run.summary?.blocked_gates, ['third']);
  });

  test('every line of the log validates against its JSON Schema', () => {
    assertLogValid(run);
  });

  test('the summary files, the log summary record and the exit code agree', () => {
    const reports = path.join(run.outputRoot, 'reports');
    const summaryJson = JSON.parse(readFileSync(path.join(reports, 'executive-summary.json'), 'utf8'));
    const verdict = JSON.parse(readFileSync(path.join(reports, 'verdict.json'), 'utf8'));
    assert.equal(summaryJson.verdict, run.summary?.verdict);
    assert.equal(verdict.verdict, run.summary?.verdict);
    assert.equal(summaryJson.riskRate, run.summary?.risk_rate);
    assert.equal(verdict.risk_rate, run.summary?.risk_rate);
    assert.equal(verdict.exit_code, run.exitCode);
    assert.equal(summaryJson.result.tasks.blocked, run.summary?.tasks.blocked);
    assert.match(run.summaryMarkdown, /^# Release gate: CRITICAL/);
    assert.match(run.summaryMarkdown, new RegExp(`Risk Rate: +${run.summary?.risk_rate.toFixed(2)} %`));
    assert.match(run.summaryMarkdown, /## Blocked gates\n\n- third: never ran/);
    assert.match(run.summaryMarkdown, /records-a-failed-check.*b\.spec\.ts:2.*status is 200/);
    assert.match(run.summaryMarkdown, /## Next actions\n\n1\. Fix second: status is 200/);
    assert.match(run.stdout, /Verdict: CRITICAL/);
  });

  test('a run with only passing tasks and enough operations is PASS and exits 0', async () => {
    const clean = inlineProject('clean', [{ name: 'only' }], {
      'only/a.spec.ts': `import { test, expect } from '@fixtures';
test('sixty checks', async ({ risk }) => { for (let i = 0; i < 60; i++) await risk.check('c' + i, () => expect(i).toBeGreaterThanOrEqual(0), { check: 'data-flows/status' }); });
`,
    });
    const result = await clean.run(['--project=only']);
    assert.equal(result.exitCode, 0, result.stdout + result.stderr);
    assert.equal(result.summary?.verdict, 'PASS');
    assertLogValid(result);
  });

  test('WARNING exits 0, and 1 with STRICT=1', async () => {
    const few = inlineProject('few', [{ name: 'only' }], {
      'only/a.spec.ts': `import { test } from '@fixtures';
test('one check', async ({ risk }) => { risk.pass('single', { check: 'data-flows/status' }); });
`,
    });
    const relaxed = await few.run(['--project=only']);
    assert.equal(relaxed.summary?.verdict, 'WARNING');
    assert.equal(relaxed.exitCode, 0);
    const strict = await few.run(['--project=only'], { STRICT: '1' });
    assert.equal(strict.exitCode, 1);
  });
});
