import type { TaskRecord } from '../log/index.ts';
import { formatRate } from '../risk/rate.ts';
import { formatDuration } from './eta.ts';
import { chronological, type HistoryEntry } from './history.ts';
import { renderTable } from './table.ts';
import type { DashboardView } from './view.ts';

export interface TrackerFilters {
  /** Only failed (and blocked, interrupted) tasks; over history, only runs where something failed. */
  failed?: boolean;
  gate?: string;
  /** Over history: runs that ended at or after this instant. */
  since?: Date;
}

const NOT_OK: readonly string[] = ['failed', 'blocked', 'interrupted'];

/** `--since` takes a date (`2026-11-20`) or a date-time; anything else is a user error. */
export function parseSince(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) return undefined;
  const at = new Date(text.trim().replace(' ', 'T'));
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function filterHistory(entries: readonly HistoryEntry[], filters: TrackerFilters): HistoryEntry[] {
  return chronological(entries).filter((entry) => {
    if (filters.since && Date.parse(entry.time) < filters.since.getTime()) return false;
    if (filters.gate && !(filters.gate in entry.gates)) return false;
    if (filters.failed) {
      const gates = filters.gate ? [entry.gates[filters.gate]] : Object.values(entry.gates);
      const gateFailed = gates.some((g) => g && (g.failed > 0 || g.blocked > 0 || NOT_OK.includes(g.status)));
      if (!gateFailed && (filters.gate || entry.verdict !== 'CRITICAL')) return false;
    }
    return true;
  });
}

/** `--run <id>`: an exact id, else a unique prefix; undefined when none or several match. */
export function findRun(entries: readonly HistoryEntry[], id: string): HistoryEntry | { ambiguous: string[] } | undefined {
  const exact = entries.filter((e) => e.run_id === id);
  if (exact.length > 0) return chronological(exact).at(-1);
  const prefixed = entries.filter((e) => e.run_id.startsWith(id));
  if (prefixed.length === 1) return prefixed[0];
  if (prefixed.length > 1) return { ambiguous: prefixed.map((e) => e.run_id) };
  return undefined;
}

export function filterTasks(tasks: readonly TaskRecord[], filters: TrackerFilters): TaskRecord[] {
  return tasks.filter((task) => (!filters.gate || task.agent === filters.gate) && (!filters.failed || NOT_OK.includes(task.status)));
}

export function historyTable(entries: readonly HistoryEntry[], filters: TrackerFilters): string {
  if (entries.length === 0) return 'No run in the history matches.';
  const headers = ['run', 'time', 'mode', 'env', 'verdict', 'risk', 'duration', filters.gate ? `gate ${filters.gate}` : 'gates'];
  const rows = entries.map((e) => {
    const gate = filters.gate ? e.gates[filters.gate] : undefined;
    const gateCell = filters.gate
      ? gate ? `${gate.status} ${gate.tasks} tasks, ${gate.failed} failed, ${gate.blocked} blocked, ${formatRate(gate.risk_rate)}` : '-'
      : Object.entries(e.gates).map(([name, g]) => `${name}:${g.status}`).join(' ');
    return [e.run_id, e.time.slice(0, 19).replace('T', ' '), e.mode, e.environment, e.verdict, formatRate(e.risk_rate), formatDuration(e.duration_seconds), gateCell];
  });
  return renderTable(headers, rows, { maxCell: 120 });
}

export interface StatusReport {
  run: {
    run_id: string; mode: string; target: string; environment: string; state: string; verdict: string | null;
    risk_rate: number; risk_label: string; tasks: DashboardView['tasks']; completion_percent: number; errors: number; warnings: number;
  };
  gates: { gate: string; status: string; planned: number; done: number; failed: number; blocked: number; risk_rate: number }[];
  tasks: { task_id: string; gate: string; status: string; duration_seconds: number; operations: number; failed_operations: number; errors: string[]; location: string }[];
  log_problems: DashboardView['logProblems'];
}

/** One run's status: the dashboard's view plus the (filtered) task list. */
export function statusReport(view: DashboardView, tasks: readonly TaskRecord[], filters: TrackerFilters): StatusReport {
  return {
    run: {
      run_id: view.runId, mode: view.mode, target: view.target.name, environment: view.target.environment, state: view.state, verdict: view.verdict,
      risk_rate: view.risk.rate, risk_label: view.risk.label, tasks: view.tasks, completion_percent: view.completionPercent, errors: view.errors, warnings: view.warnings,
    },
    gates: view.gates.filter((g) => !filters.gate || g.gate === filters.gate).map((g) => ({
      gate: g.gate, status: g.status, planned: g.tasks.planned, done: g.tasks.done, failed: g.tasks.failed, blocked: g.tasks.blocked, risk_rate: g.riskRate,
    })),
    tasks: filterTasks(tasks, filters).map((t) => ({
      task_id: t.task_id, gate: t.agent, status: t.status, duration_seconds: t.duration_seconds,
      operations: t.metrics.operations, failed_operations: t.metrics.failed_operations, errors: t.errors, location: t.location,
    })),
    log_problems: view.logProblems,
  };
}

export function statusTable(report: StatusReport): string {
  const r = report.run;
  const out = [
    `Run ${r.run_id}  mode ${r.mode}  ${r.target} (${r.environment})  ${r.verdict ?? r.state.toUpperCase()}  risk ${formatRate(r.risk_rate)} ${r.risk_label}`,
    `Tasks ${r.tasks.planned} total, ${r.tasks.completed} completed, ${r.tasks.failed} failed, ${r.tasks.blocked} blocked, ${r.tasks.pending} pending (${r.completion_percent.toFixed(1)} %); ${r.errors} errors, ${r.warnings} warnings`,
    '',
    renderTable(['gate', 'status', 'done', 'failed', 'blocked', 'risk'], report.gates.map((g) => [g.gate, g.status, `${g.done}/${g.planned}`, String(g.failed), String(g.blocked), formatRate(g.risk_rate)])),
    '',
    report.tasks.length === 0
      ? 'No task matches.'
      : renderTable(['task', 'status', 'duration', 'ops', 'failed', 'first error'], report.tasks.map((t) => [t.task_id, t.status, `${t.duration_seconds.toFixed(2)}s`, String(t.operations), String(t.failed_operations), t.errors[0] ?? ''])),
  ];
  for (const p of report.log_problems) out.push(`log line ${p.line}: ${p.reason}`);
  return out.join('\n');
}
