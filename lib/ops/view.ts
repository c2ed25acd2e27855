import type { GateRecord, ParsedLog, RunRecord, SummaryRecord, TaskRecord } from '../log/index.ts';
import type { ParsedReviews } from '../review/log.ts';
import { computeReadiness, type Readiness } from '../review/readiness.ts';
import { thresholdsSection } from '../config/sections/risk.ts';
import { riskRate } from '../risk/rate.ts';
import type { RiskThresholds, TaskStatus, Verdict } from '../risk/types.ts';
import { estimateEta, type Eta } from './eta.ts';
import { previousRunOfMode, type HistoryEntry } from './history.ts';

export type RiskLevel = 'ok' | 'warn' | 'critical';
export type RunState = 'running' | 'finished' | 'interrupted';

export interface TaskTally {
  planned: number;
  done: number;
  completed: number;
  failed: number;
  flaky: number;
  skipped: number;
  blocked: number;
  interrupted: number;
  pending: number;
}

export interface GateView {
  gate: string;
  tasks: TaskTally;
  /** The gate record's status once written; until then pending/running/done from the task records. */
  status: string;
  riskRate: number;
  operations: number;
  failedOperations: number;
  /** Seconds from the run's start; null before the gate's first task ended. */
  startOffset: number | null;
  endOffset: number | null;
}

export interface ActivityLine {
  time: string | null;
  status: TaskStatus;
  taskId: string;
  detail: string;
}

export interface DashboardView {
  runId: string;
  mode: string;
  target: { name: string; environment: string; baseUrl: string };
  startTime: string;
  state: RunState;
  verdict: Verdict | null;
  reasons: string[];
  tasks: TaskTally;
  completionPercent: number;
  errors: number;
  warnings: number;
  risk: { rate: number; operations: number; failedOperations: number; level: RiskLevel; final: boolean; label: string };
  thresholds: RiskThresholds;
  gates: GateView[];
  activity: ActivityLine[];
  logProblems: { line: number; text: string; reason: string }[];
  partialTail: boolean;
  elapsedSeconds: number;
  eta: Eta;
  /** Production readiness once the run finished (null while it runs, or for a log with no sign-off plan). */
  readiness: Readiness | null;
}

/** The config schema's own defaults: the live colours use them until the summary states the run's thresholds. */
export const DEFAULT_THRESHOLDS: RiskThresholds = thresholdsSection.parse(undefined);

export function riskLevel(rate: number, thresholds: Pick<RiskThresholds, 'riskTarget' | 'riskCritical'>): RiskLevel {
  if (rate > thresholds.riskCritical) return 'critical';
  if (rate > thresholds.riskTarget) return 'warn';
  return 'ok';
}

function emptyTally(planned: number): TaskTally {
  return { planned, done: 0, completed: 0, failed: 0, flaky: 0, skipped: 0, blocked: 0, interrupted: 0, pending: planned };
}

function tally(tasks: readonly TaskRecord[], planned: number): TaskTally {
  const t = emptyTally(planned);
  for (const task of tasks) {
    t.done += 1;
    t[task.status] += 1;
  }
  t.planned = Math.max(planned, t.done);
  t.pending = t.planned - t.done;
  return t;
}

/** The reporter may log a task in onTestEnd and again in onEnd: keep the last record of each. */
export function uniqueTasks(tasks: readonly TaskRecord[]): TaskRecord[] {
  const byKey = new Map<string, TaskRecord>();
  for (const task of tasks) {
    const key = `${task.task_id}\u0000${task.location}\u0000${task.description}`;
    byKey.delete(key);
    byKey.set(key, task);
  }
  return [...byKey.values()];
}

function offset(time: string | null, start: number): number | null {
  if (!time) return null;
  const at = Date.parse(time);
  return Number.isNaN(at) ? null : Math.max(0, (at - start) / 1000);
}

function gateView(gate: string, tasks: TaskRecord[], planned: number, record: GateRecord | undefined, runStart: number): GateView {
  const t = tally(tasks, planned);
  const operations = tasks.reduce((n, task) => n + task.metrics.operations, 0);
  const failed = tasks.reduce((n, task) => n + task.metrics.failed_operations, 0);
  const starts = tasks.map((task) => offset(task.start_time, runStart)).filter((x): x is number => x !== null);
  const ends = tasks.map((task) => offset(task.end_time, runStart)).filter((x): x is number => x !== null);
  const liveStatus = t.done === 0 ? 'pending' : t.pending > 0 ? 'running' : 'done';
  if (record) {
    // The gate record is the reporter's computed result: its numbers replace the live tallies.
    t.planned = record.tasks.total;
    for (const key of ['completed', 'failed', 'flaky', 'skipped', 'blocked', 'interrupted'] as const) t[key] = record.tasks[key];
    t.done = record.tasks.total;
    t.pending = 0;
  }
  return {
    gate,
    tasks: t,
    status: record?.status ?? liveStatus,
    riskRate: record ? record.risk_rate : riskRate(failed, operations),
    operations: record ? record.operations : operations,
    failedOperations: record ? record.failed_operations : failed,
    startOffset: starts.length ? Math.min(...starts) : null,
    endOffset: ends.length ? Math.max(...ends) : null,
  };
}

function activityOf(task: TaskRecord): ActivityLine {
  const detail = task.errors[0] ?? task.warnings[0] ?? '';
  return { time: task.end_time ?? task.start_time, status: task.status, taskId: task.task_id, detail: detail.replace(/\s+/g, ' ').slice(0, 200) };
}

export interface ViewOptions {
  now: Date;
  history?: readonly HistoryEntry[];
  activityLines?: number;
  /** reports/reviews.jsonl, read: the sign-offs readiness is judged from. */
  reviews?: ParsedReviews;
}

/**
 * The dashboard's whole state from the log's records. While the run goes only task records exist:
 * counts come from them, planned totals from the run record, and the risk rate shown is the
 * tasks' own failed/operations, labelled "so far". Once the summary is written its numbers win.
 */
export function buildDashboardView(log: ParsedLog, options: ViewOptions): DashboardView {
  const run = log.records.find((r): r is RunRecord => r.type === 'run');
  const summary = log.records.filter((r): r is SummaryRecord => r.type === 'summary').at(-1);
  const gateRecords = new Map(log.records.filter((r): r is GateRecord => r.type === 'gate').map((g) => [g.gate, g]));
  const tasks = uniqueTasks(log.records.filter((r): r is TaskRecord => r.type === 'task'));
  const startTime = run?.start_time ?? log.header.created;
  const runStart = Date.parse(startTime);
  const plannedByGate = run?.planned_by_gate ?? {};

  const gateNames = [...Object.keys(plannedByGate)];
  for (const name of [...tasks.map((t) => t.agent), ...gateRecords.keys()]) if (!gateNames.includes(name)) gateNames.push(name);
  const gates = gateNames.map((gate) => gateView(gate, tasks.filter((t) => t.agent === gate), plannedByGate[gate] ?? 0, gateRecords.get(gate), runStart));

  const totals = tally(tasks, run?.planned_tasks ?? 0);
  const liveOperations = tasks.reduce((n, t) => n + t.metrics.operations, 0);
  const liveFailed = tasks.reduce((n, t) => n + t.metrics.failed_operations, 0);
  if (summary) {
    for (const key of ['completed', 'failed', 'flaky', 'skipped', 'blocked', 'interrupted'] as const) totals[key] = summary.tasks[key];
    totals.planned = summary.tasks.total;
    totals.done = summary.tasks.total;
    totals.pending = 0;
  }
  const thresholds = summary?.thresholds ?? run?.thresholds ?? DEFAULT_THRESHOLDS;
  const rate = summary ? summary.risk_rate : riskRate(liveFailed, liveOperations);
  const state: RunState = summary ? (summary.status === 'interrupted' ? 'interrupted' : 'finished') : 'running';
  const endMs = summary ? Date.parse(summary.end_time) : options.now.getTime();
  const elapsedSeconds = Math.max(0, (endMs - runStart) / 1000);
  const mode = run?.mode ?? '';
  const activityLines = options.activityLines ?? 8;
  // Blocked tasks have no times: they sort last, after everything that ran.
  const when = (t: TaskRecord) => Date.parse(t.end_time ?? t.start_time ?? '') || Number.MAX_SAFE_INTEGER;
  const byEnd = [...tasks].sort((a, b) => when(a) - when(b));

  return {
    runId: log.header.run_id,
    mode,
    target: { name: run?.target.name ?? '', environment: run?.target.environment ?? '', baseUrl: run?.target.base_url ?? '' },
    startTime,
    state,
    verdict: summary?.verdict ?? null,
    reasons: summary?.reasons ?? [],
    tasks: totals,
    completionPercent: totals.planned > 0 ? Math.round((1000 * totals.done) / totals.planned) / 10 : summary ? 100 : 0,
    errors: tasks.reduce((n, t) => n + t.errors.length, 0),
    warnings: summary ? summary.warnings : tasks.reduce((n, t) => n + t.warnings.length, 0),
    risk: {
      rate,
      operations: summary ? summary.operations : liveOperations,
      failedOperations: summary ? summary.failed_operations : liveFailed,
      level: riskLevel(rate, thresholds),
      final: Boolean(summary),
      label: summary ? 'final' : 'so far',
    },
    thresholds,
    gates,
    activity: activityLines > 0 ? byEnd.slice(-activityLines).map(activityOf) : [],
    logProblems: log.badLines,
    partialTail: log.partialTail,
    elapsedSeconds,
    eta: estimateEta({ finished: Boolean(summary), elapsedSeconds, previous: previousRunOfMode(options.history ?? [], mode, log.header.run_id), mode }),
    readiness: summary && run?.sign_offs
      ? computeReadiness(run.sign_offs, log.header.run_id, Object.fromEntries([...gateRecords.values()].map((g) => [g.gate, g.status])), options.reviews?.decisions ?? [], options.reviews?.tampered)
      : null,
  };
}
