import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExecutionLog } from '../../../lib/log/index.ts';
import { timelineSvg, trendSvg } from '../../../lib/ops/charts.ts';
import { parseHistory, previousRunOfMode, previousVerdict } from '../../../lib/ops/history.ts';
import { isInside, resolveLogRequest } from '../../../lib/ops/safePath.ts';
import { filterHistory, filterTasks, findRun, historyTable, parseSince, statusReport, statusTable } from '../../../lib/ops/tracker.ts';
import { buildDashboardView } from '../../../lib/ops/view.ts';
import { header, historyEntry, jsonl, run, task } from './records.ts';

const failedGate = { status: 'failed', tasks: 4, failed: 1, blocked: 0, operations: 50, failed_operations: 1, risk_rate: 2 };
const history = [
  historyEntry('r1', '2026-11-18T09:00:00Z'),
  historyEntry('r2', '2026-11-20T09:00:00Z', { verdict: 'CRITICAL', risk_rate: 2.5, gates: { contracts: failedGate } }),
  historyEntry('r3', '2026-11-21T09:00:00Z', { mode: 'quick', verdict: 'WARNING', risk_rate: 0.7 }),
];

void test('history lines that are broken are skipped and reported', () => {
  const parsed = parseHistory(`${JSON.stringify(history[0])}\n{"run_id":\n${JSON.stringify({ run_id: 'x', time: 'nope', verdict: 'PASS', risk_rate: 0 })}\n`);
  assert.equal(parsed.entries.length, 1);
  assert.equal(parsed.badLines.length, 2);
});

void test('--since, --gate and --failed filter the history', () => {
  assert.deepEqual(filterHistory(history, { since: parseSince('2026-11-20') }).map((e) => e.run_id), ['r2', 'r3']);
  assert.deepEqual(filterHistory(history, { gate: 'contracts' }).map((e) => e.run_id), ['r2']);
  assert.deepEqual(filterHistory(history, { failed: true }).map((e) => e.run_id), ['r2']);
  assert.deepEqual(filterHistory(history, { failed: true, gate: 'audit' }).map((e) => e.run_id), []);
  assert.match(historyTable(filterHistory(history, { gate: 'contracts' }), { gate: 'contracts' }), /failed 4 tasks, 1 failed/);
});

void test('--since refuses what is not a date', () => {
  assert.equal(parseSince('yesterday'), undefined);
  assert.equal(parseSince('2026-13-45'), undefined);
  assert.equal(parseSince('2026-11-20T10:00:00Z')?.toISOString(), '2026-11-20T10:00:00.000Z');
});

void test('--run takes an id or a unique prefix', () => {
  assert.equal((findRun(history, 'r2') as { run_id: string }).run_id, 'r2');
  assert.deepEqual(findRun(history, 'r'), { ambiguous: ['r1', 'r2', 'r3'] });
  assert.equal(findRun(history, 'zz'), undefined);
});

void test('previous run of a mode and previous verdict of a target', () => {
  assert.equal(previousRunOfMode(history, 'full')?.run_id, 'r2');
  assert.equal(previousRunOfMode(history, 'full', 'r2')?.run_id, 'r1');
  assert.equal(previousVerdict(history, { name: 'Sample', environment: 'local' }), 'WARNING');
  assert.equal(previousVerdict(history, { name: 'Other', environment: 'local' }), undefined);
});

void test('status of a run: --failed and --gate filter its tasks', () => {
  const tasks = [task('audit', 'a', 'completed'), task('audit', 'b', 'failed'), task('smoke', 'c', 'blocked')];
  const view = buildDashboardView(parseExecutionLog(jsonl([header(), run({ audit: 2, smoke: 1 }), ...tasks])), { now: new Date() });
  assert.deepEqual(filterTasks(tasks, { failed: true }).map((t) => t.task_id), ['audit/b', 'smoke/c']);
  const report = statusReport(view, tasks, { gate: 'audit', failed: true });
  assert.deepEqual(report.tasks.map((t) => t.task_id), ['audit/b']);
  assert.deepEqual(report.gates.map((g) => g.gate), ['audit']);
  assert.match(statusTable(report), /audit\/b\s+failed/);
});

void test('report paths: bare report file names only', () => {
  assert.deepEqual(resolveLogRequest('latest.jsonl'), { ok: true, name: 'latest.jsonl' });
  for (const bad of ['../package.json', '..%2Fpackage.json', '%2e%2e%2fpackage.json', '%252e%252e%252fpackage.json', '%2Fetc%2Fpasswd', '/etc/passwd', 'sub/x.jsonl', '..\\x.jsonl', 'a%00.jsonl', '%zz']) {
    const result = resolveLogRequest(bad);
    assert.equal(result.ok, false, bad);
  }
  assert.equal(resolveLogRequest('server.ts').ok, false);
  assert.ok(isInside('/r', '/r/a.jsonl'));
  assert.ok(!isInside('/r', '/rx/a.jsonl'));
});

void test('charts are inline SVG with a point per run and a bar per gate', () => {
  const svg = trendSvg(history, { thresholds: { riskTarget: 0.5, riskCritical: 2 } });
  assert.equal((svg.match(/<circle/g) ?? []).length, 3);
  assert.doesNotMatch(svg, /https?:\/\/(?!www\.w3\.org)/);
  assert.match(trendSvg([], { thresholds: { riskTarget: 0.5, riskCritical: 2 } }), /no finished run/);
  const view = buildDashboardView(parseExecutionLog(jsonl([header(), run({ audit: 1, smoke: 1 }), task('audit', 'a', 'completed', { start: 1, end: 4 })])), { now: new Date() });
  const timeline = timelineSvg(view.gates, 10);
  assert.equal((timeline.match(/<rect/g) ?? []).length, 1);
  assert.match(timeline, /smoke/);
});
