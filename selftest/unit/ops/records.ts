/** Hand-built execution-log records and history lines, shared by the ops unit and e2e tests. */
import { headerRecord, type GateRecord, type RunRecord, type SummaryRecord, type TaskRecord } from '../../../lib/log/index.ts';
import type { HistoryEntry } from '../../../lib/ops/history.ts';
import type { TaskStatus } from '../../../lib/risk/types.ts';

export const RUN_ID = '20261122T100000Z-test';
export const START = '2026-11-22T10:00:00.000Z';

export function at(seconds: number, start = START): string {
  return new Date(Date.parse(start) + seconds * 1000).toISOString();
}

export const header = (runId = RUN_ID) => headerRecord(runId, new Date(START));

export function run(planned: Record<string, number>, mode = 'full', runId = RUN_ID): RunRecord {
  return {
    type: 'run', run_id: runId, start_time: START, mode, projects: Object.keys(planned),
    planned_tasks: Object.values(planned).reduce((a, b) => a + b, 0), planned_by_gate: planned,
    thresholds: { riskTarget: 0.5, riskCritical: 2.0, maxWarnings: 3, minOperations: 50 },
    target: { name: 'Sample', base_url: 'http://127.0.0.1:1', api_url: 'http://127.0.0.1:1', environment: 'local' },
    git_sha: null, shard: null, workers: 1, config_file: 'validation.config.ts',
  };
}

export function task(gate: string, slug: string, status: TaskStatus, opts: { ops?: number; failed?: number; start?: number; end?: number; errors?: string[]; warnings?: string[] } = {}): TaskRecord {
  const start = opts.start ?? 1;
  const end = opts.end ?? start + 1;
  return {
    type: 'task', run_id: RUN_ID, task_id: `${gate}/${slug}`, agent: gate, phase: gate.toUpperCase(), description: slug,
    status, start_time: status === 'blocked' ? null : at(start), end_time: status === 'blocked' ? null : at(end),
    duration_seconds: status === 'blocked' ? 0 : end - start, dependencies: [],
    errors: opts.errors ?? (status === 'failed' ? [`${slug}: expected 200, got 500`] : []), warnings: opts.warnings ?? [],
    metrics: { operations: opts.ops ?? 10, failed_operations: opts.failed ?? (status === 'failed' ? 1 : 0), warn_operations: 0 },
    attempt: 0, location: `tests/${gate}/x.spec.ts:${slug.length}`, tags: [],
  };
}

const counts = (over: Partial<GateRecord['tasks']>): GateRecord['tasks'] => ({ total: 0, completed: 0, failed: 0, flaky: 0, skipped: 0, blocked: 0, interrupted: 0, ...over });

export function gate(name: string, status: GateRecord['status'], tasks: Partial<GateRecord['tasks']>, ops: number, failed: number): GateRecord {
  return {
    type: 'gate', run_id: RUN_ID, gate: name, phase: name.toUpperCase(), status, tasks: counts(tasks), operations: ops, failed_operations: failed,
    warn_operations: 0, warnings: 0, risk_rate: ops ? Math.round((1e8 * failed) / ops) / 1e6 : 0, duration_seconds: 3,
  };
}

export function summary(verdict: SummaryRecord['verdict'], tasks: Partial<GateRecord['tasks']>, ops: number, failed: number, end = 20): SummaryRecord {
  return {
    type: 'summary', run_id: RUN_ID, verdict, exit_code: verdict === 'CRITICAL' ? 1 : 0, status: 'finished', risk_rate: ops ? Math.round((1e8 * failed) / ops) / 1e6 : 0,
    reasons: [`verdict ${verdict}`], tasks: counts(tasks), operations: ops, failed_operations: failed, warn_operations: 0, warnings: 2, blocked_gates: [],
    thresholds: { riskTarget: 0.5, riskCritical: 2, maxWarnings: 3, minOperations: 50 }, end_time: at(end), duration_seconds: end,
  };
}

export function jsonl(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export function historyEntry(runId: string, time: string, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    run_id: runId, time, git_sha: null, target: 'Sample', base_url: 'http://127.0.0.1:1', environment: 'local', mode: 'full',
    verdict: 'PASS', risk_rate: 0, duration_seconds: 60, log: `execution_log_${runId}.jsonl`,
    gates: { audit: { status: 'passed', tasks: 5, failed: 0, blocked: 0, operations: 100, failed_operations: 0, risk_rate: 0 } },
    ...over,
  };
}
