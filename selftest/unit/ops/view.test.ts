import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExecutionLog } from '../../../lib/log/index.ts';
import { describeEta, estimateEta } from '../../../lib/ops/eta.ts';
import { renderTerminal } from '../../../lib/ops/terminal.ts';
import { buildDashboardView, riskLevel } from '../../../lib/ops/view.ts';
import { at, gate, header, historyEntry, jsonl, run, summary, task } from './records.ts';

const now = new Date(at(30));

void test('while a run goes, counts come from task records and planned totals from the run record', () => {
  const text = jsonl([header(), run({ audit: 3, smoke: 2 }), task('audit', 'a', 'completed'), task('audit', 'b', 'failed', { ops: 10, failed: 2 }), task('smoke', 'c', 'completed')]);
  const view = buildDashboardView(parseExecutionLog(text), { now });
  assert.equal(view.state, 'running');
  assert.deepEqual({ planned: view.tasks.planned, done: view.tasks.done, completed: view.tasks.completed, failed: view.tasks.failed, pending: view.tasks.pending }, { planned: 5, done: 3, completed: 2, failed: 1, pending: 2 });
  assert.equal(view.completionPercent, 60);
  assert.equal(view.risk.label, 'so far');
  assert.equal(view.risk.operations, 30);
  assert.equal(view.risk.failedOperations, 2);
  assert.equal(view.risk.rate, 6.666667);
  assert.equal(view.risk.level, 'critical');
  const audit = view.gates.find((g) => g.gate === 'audit');
  assert.equal(audit?.status, 'running');
  assert.equal(audit?.tasks.pending, 1);
  assert.equal(view.errors, 1);
  assert.equal(view.verdict, null);
});

void test('once the summary is written, its numbers and the gate records replace the live tallies', () => {
  const text = jsonl([
    header(), run({ audit: 2 }), task('audit', 'a', 'completed', { ops: 40 }), task('audit', 'b', 'completed', { ops: 60 }),
    gate('audit', 'passed', { total: 2, completed: 2 }, 100, 0), summary('PASS', { total: 2, completed: 2 }, 100, 0),
  ]);
  const view = buildDashboardView(parseExecutionLog(text), { now });
  assert.equal(view.state, 'finished');
  assert.equal(view.verdict, 'PASS');
  assert.equal(view.risk.label, 'final');
  assert.equal(view.warnings, 2, 'warnings come from the summary record');
  assert.equal(view.gates[0]?.status, 'passed');
  assert.equal(view.completionPercent, 100);
  assert.equal(view.eta.kind, 'done');
});

void test('a task logged twice (onTestEnd, then onEnd) counts once', () => {
  const text = jsonl([header(), run({ audit: 1 }), task('audit', 'a', 'completed'), task('audit', 'a', 'completed')]);
  assert.equal(buildDashboardView(parseExecutionLog(text), { now }).tasks.done, 1);
});

void test('corrupt lines and a partial tail are kept as log problems, not fatal', () => {
  const text = `${jsonl([header(), run({ audit: 2 }), task('audit', 'a', 'completed')])}{not json\n{"type":"task","run_`;
  const view = buildDashboardView(parseExecutionLog(text), { now });
  assert.equal(view.tasks.done, 1);
  assert.equal(view.logProblems.length, 2);
  assert.ok(view.partialTail);
  assert.match(view.logProblems[1]?.reason ?? '', /incomplete/);
});

void test('ETA comes from the previous run of the same mode, never another mode', () => {
  const history = [historyEntry('old-full', at(-3600), { duration_seconds: 100 }), historyEntry('quick', at(-60), { mode: 'quick', duration_seconds: 10 })];
  const view = buildDashboardView(parseExecutionLog(jsonl([header(), run({ audit: 2 }, 'full')])), { now, history });
  assert.deepEqual(view.eta, { kind: 'estimate', remainingSeconds: 70, basisSeconds: 100, basisRunId: 'old-full' });
  assert.equal(estimateEta({ finished: false, elapsedSeconds: 130, previous: history[0], mode: 'full' }).kind, 'overdue');
  assert.match(describeEta(estimateEta({ finished: false, elapsedSeconds: 1, previous: undefined, mode: 'smoke' })), /no previous "smoke" run/);
});

void test('risk levels use exclusive boundaries like the verdict', () => {
  const t = { riskTarget: 0.5, riskCritical: 2 };
  assert.equal(riskLevel(0.5, t), 'ok');
  assert.equal(riskLevel(0.51, t), 'warn');
  assert.equal(riskLevel(2, t), 'warn');
  assert.equal(riskLevel(2.01, t), 'critical');
});

void test('the terminal rendering has colour only when asked and names corrupt lines', () => {
  const text = `${jsonl([header(), run({ audit: 2 }), task('audit', 'a', 'failed')])}garbage line\n`;
  const view = buildDashboardView(parseExecutionLog(text), { now });
  const plain = renderTerminal(view, { color: false });
  assert.doesNotMatch(plain, /\u001b\[/);
  assert.match(plain, /1 failed/);
  assert.match(plain, /line 4: corrupt/);
  assert.match(plain, /so far/);
  assert.match(renderTerminal(view, { color: true }), /\u001b\[31m/);
});
