/** The risk model's vocabulary (design.md, "Risk model"). No Playwright types here. */
import type { RiskPolicy, SeverityCounts } from './policy.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type OperationOutcome = 'pass' | 'fail' | 'warn';
export type TaskStatus = 'completed' | 'failed' | 'flaky' | 'skipped' | 'blocked' | 'interrupted';
export type Verdict = 'PASS' | 'WARNING' | 'CRITICAL';
export type GateStatus = 'passed' | 'failed' | 'blocked' | 'skipped' | 'interrupted';

/** One checked unit of work inside a task. */
export interface Operation {
  name: string;
  /** The kind of check (lib/risk/checks): what the severity table, config overrides and policy speak of. */
  check?: string;
  outcome: OperationOutcome;
  severity: Severity;
  durationMs: number;
  /** Why it failed or warned, in a sentence. */
  message?: string;
  /** What was looked at: URLs, file:line, rule ids, counts. Redacted before it is written. */
  evidence?: unknown;
  metrics?: Record<string, number>;
  /** The waiver that turned a failure into a warning. */
  waiver?: string;
}

/** One attempt of a task (a Playwright test result). */
export interface AttemptInput {
  attempt: number;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  startTime: string;
  durationMs: number;
  operations: Operation[];
  /** Operations of checks the config set `off` (not counted). */
  switchedOff?: number;
  errors: string[];
}

/** One task (a Playwright test) as the reporter saw it. */
export interface TaskInput {
  taskId: string;
  project: string;
  gate: string;
  phase: string;
  description: string;
  file: string;
  line: number;
  tags: string[];
  dependencies: string[];
  status: TaskStatus;
  skipReason?: string;
  attempts: AttemptInput[];
}

export interface RiskThresholds {
  riskTarget: number;
  riskCritical: number;
  maxWarnings: number;
  minOperations: number;
}

export interface WarningEntry {
  kind: 'operation' | 'flaky' | 'hollow' | 'waiver-expired' | 'waived' | 'skipped';
  taskId?: string;
  gate?: string;
  message: string;
}

export interface FailureEntry {
  taskId: string;
  gate: string;
  location: string;
  operation: string;
  /** The kind of check (lib/risk/checks), when the operation named it. */
  check?: string;
  severity: Severity;
  /** True: it stopped the chain (its task failed). False: a finding, counted in the risk rate. */
  blocking: boolean;
  message: string;
  evidence?: unknown;
  /** The task failed without recording a failed operation: counted as one. */
  synthetic: boolean;
  /** Files attached to the task (screenshots, traces, reports), relative to the reports folder when possible. */
  attachments?: string[];
}

export interface TaskCounts {
  total: number;
  completed: number;
  failed: number;
  flaky: number;
  skipped: number;
  blocked: number;
  interrupted: number;
}

export interface OperationCounts {
  operations: number;
  failed: number;
  warned: number;
  /** Failed operations that did not stop the chain (below the policy's blocking severities). */
  findings: number;
}

export interface GateResult {
  gate: string;
  phase: string;
  status: GateStatus;
  /** Findings by severity: failed checks that did not stop the chain. */
  findings: SeverityCounts;
  tasks: TaskCounts;
  operations: OperationCounts;
  warnings: number;
  riskRate: number;
  durationSeconds: number;
}

export interface TaskResult {
  taskId: string;
  project: string;
  gate: string;
  status: TaskStatus;
  operations: OperationCounts;
  findings: SeverityCounts;
}

export interface RunResult {
  verdict: Verdict;
  /** Each sentence that made the verdict what it is. */
  reasons: string[];
  riskRate: number;
  tasks: TaskCounts;
  operations: OperationCounts;
  gates: GateResult[];
  /** Failures that stopped the chain: each failed its task. */
  failures: FailureEntry[];
  /** Failed checks below the blocking severities: counted in the risk rate, listed with their evidence. */
  findings: FailureEntry[];
  /** Findings by severity, what the policy's counts compare against. */
  findingCounts: SeverityCounts;
  /** The policy the result was computed under. */
  policy: RiskPolicy;
  warnings: WarningEntry[];
  blockedGates: string[];
  interrupted: boolean;
  thresholds: RiskThresholds;
  exitCode: 0 | 1;
}
