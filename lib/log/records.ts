import type { GateResult, RiskThresholds, RunResult, TaskCounts, TaskStatus, Verdict } from '../risk/types.ts';

/** The execution log's format (design.md, "Execution log"). Bump the version on any breaking change. */
export const LOG_SCHEMA_NAME = 'meta-orchestrator/execution-log';
export const LOG_SCHEMA_VERSION = 1;

export interface HeaderRecord {
  type: 'header';
  schema: typeof LOG_SCHEMA_NAME;
  version: number;
  run_id: string;
  created: string;
}

export interface RunRecord {
  type: 'run';
  run_id: string;
  start_time: string;
  mode: string;
  projects: string[];
  planned_tasks: number;
  planned_by_gate: Record<string, number>;
  /** The thresholds in force, so a live view colours the rate as the verdict will. */
  thresholds: RiskThresholds;
  target: { name: string; base_url: string; api_url: string; environment: string };
  git_sha: string | null;
  shard: string | null;
  workers: number;
  config_file: string;
  /** The reviewer sign-offs the run needs for production readiness (review.signOffs). */
  sign_offs?: { name: string; gates: string[]; reviewers: string[]; approvals: number }[];
}

/** The seeds' task schema, plus attempt, location (file:line) and tags. */
export interface TaskRecord {
  type: 'task';
  run_id: string;
  task_id: string;
  agent: string;
  phase: string;
  description: string;
  status: TaskStatus;
  start_time: string | null;
  end_time: string | null;
  duration_seconds: number;
  dependencies: string[];
  /** Failures that stopped the chain (the task failed). */
  errors: string[];
  /** Failed checks below the blocking severities: the task passed, the error budget paid. */
  findings?: string[];
  warnings: string[];
  metrics: { operations: number; failed_operations: number; warn_operations: number; findings?: number };
  attempt: number;
  location: string;
  tags: string[];
}

export interface GateRecord {
  type: 'gate';
  run_id: string;
  gate: string;
  phase: string;
  status: GateResult['status'];
  tasks: TaskCounts;
  operations: number;
  failed_operations: number;
  warn_operations: number;
  /** Findings by severity (failed checks that did not stop the chain). */
  findings?: Record<string, number>;
  warnings: number;
  risk_rate: number;
  duration_seconds: number;
}

export interface SummaryRecord {
  type: 'summary';
  run_id: string;
  verdict: Verdict;
  exit_code: 0 | 1;
  status: 'finished' | 'interrupted';
  risk_rate: number;
  reasons: string[];
  tasks: TaskCounts;
  operations: number;
  failed_operations: number;
  warn_operations: number;
  warnings: number;
  /** Findings by severity (failed checks that did not stop the chain). */
  findings?: Record<string, number>;
  /** The severity policy the verdict was decided under. */
  policy?: { name: string; block_on: string[]; critical: Record<string, number>; warning: Record<string, number> };
  blocked_gates: string[];
  thresholds: RiskThresholds;
  end_time: string;
  duration_seconds: number;
}

/** The rollback hook's outcome (after a CRITICAL verdict in staging or production). */
export interface RollbackRecord {
  type: 'rollback';
  run_id: string;
  action: 'run' | 'print' | 'skip';
  reason: string;
  command: string;
  exit_code: number | null;
  duration_ms: number;
  timed_out: boolean;
  output: string;
}

export type LogRecord = HeaderRecord | RunRecord | TaskRecord | GateRecord | RollbackRecord | SummaryRecord;

export function headerRecord(runId: string, now: Date): HeaderRecord {
  return { type: 'header', schema: LOG_SCHEMA_NAME, version: LOG_SCHEMA_VERSION, run_id: runId, created: now.toISOString() };
}

export function gateRecords(runId: string, result: RunResult): GateRecord[] {
  return result.gates.map((gate) => ({
    type: 'gate',
    run_id: runId,
    gate: gate.gate,
    phase: gate.phase,
    status: gate.status,
    tasks: gate.tasks,
    operations: gate.operations.operations,
    failed_operations: gate.operations.failed,
    warn_operations: gate.operations.warned,
    findings: gate.findings,
    warnings: gate.warnings,
    risk_rate: gate.riskRate,
    duration_seconds: gate.durationSeconds,
  }));
}

export function summaryRecord(runId: string, result: RunResult, startTime: Date, endTime: Date): SummaryRecord {
  return {
    type: 'summary',
    run_id: runId,
    verdict: result.verdict,
    exit_code: result.exitCode,
    status: result.interrupted ? 'interrupted' : 'finished',
    risk_rate: result.riskRate,
    reasons: result.reasons,
    tasks: result.tasks,
    operations: result.operations.operations,
    failed_operations: result.operations.failed,
    warn_operations: result.operations.warned,
    warnings: result.warnings.length,
    findings: result.findingCounts,
    policy: { name: result.policy.name, block_on: result.policy.blockOn, critical: result.policy.critical, warning: result.policy.warning },
    blocked_gates: result.blockedGates,
    thresholds: result.thresholds,
    end_time: endTime.toISOString(),
    duration_seconds: Math.round((endTime.getTime() - startTime.getTime()) / 10) / 100,
  };
}
