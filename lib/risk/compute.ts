import { blocks, DEFAULT_POLICY, emptySeverityCounts, type RiskPolicy, type SeverityCounts } from './policy.ts';
import { decideVerdict, riskRate } from './rate.ts';
import type {
  AttemptInput, FailureEntry, GateResult, GateStatus, OperationCounts, RiskThresholds, RunResult, TaskCounts, TaskInput, TaskResult, WarningEntry,
} from './types.ts';

export interface ComputeOptions {
  thresholds: RiskThresholds;
  /** Which failures stop the chain and how many findings decide the verdict (default: the seeds'). */
  policy?: RiskPolicy;
  interrupted?: boolean;
  /** STRICT=1: a WARNING verdict exits 1 too. */
  strict?: boolean;
  /** Gate order for the report (the chain's order); unknown gates go last. */
  gateOrder?: string[];
  /** Extra warnings found outside the tasks (expired waivers...). */
  extraWarnings?: WarningEntry[];
  /** Errors outside any test (a spec that does not load, a target that never started). */
  runErrors?: string[];
}

const emptyTaskCounts = (): TaskCounts => ({ total: 0, completed: 0, failed: 0, flaky: 0, skipped: 0, blocked: 0, interrupted: 0 });
const emptyOperationCounts = (): OperationCounts => ({ operations: 0, failed: 0, warned: 0, findings: 0 });

export interface EvaluatedTask {
  result: TaskResult;
  /** Failures that stopped the chain. */
  failures: FailureEntry[];
  /** Failed checks below the blocking severities. */
  findings: FailureEntry[];
  warnings: WarningEntry[];
}

/** What went wrong in an attempt that a retry then passed, in a few words. */
function firstFailure(attempt: AttemptInput): string {
  const op = attempt.operations.find((o) => o.outcome === 'fail');
  if (op) return `${op.name} [${op.severity}]: ${(op.message ?? 'failed').split('\n')[0]?.slice(0, 200)}`;
  return (attempt.errors[0] ?? (attempt.status === 'timedOut' ? 'timed out' : 'failed')).split('\n')[0]?.slice(0, 200) ?? 'failed';
}

/**
 * Counts one task, from its last attempt (the one that decided its outcome): each failed operation is
 * a failure when its severity blocks under the policy, else a finding; a failed attempt that recorded
 * no blocking failure counts as one (a crash is never invisible). Earlier attempts of a flaky task are
 * a warning that says what failed first, never a failure.
 */
export function evaluateTask(task: TaskInput, policy: RiskPolicy = DEFAULT_POLICY): EvaluatedTask {
  const operations = emptyOperationCounts();
  const failures: FailureEntry[] = [];
  const findings: FailureEntry[] = [];
  const warnings: WarningEntry[] = [];
  const counts = emptySeverityCounts();
  const location = `${task.file}:${task.line}`;
  const last = task.attempts[task.attempts.length - 1];
  if (last) {
    for (const op of last.operations) {
      operations.operations += 1;
      if (op.outcome === 'fail') {
        operations.failed += 1;
        const blocking = blocks(policy, op.severity);
        const entry: FailureEntry = { taskId: task.taskId, gate: task.gate, location, operation: op.name, severity: op.severity, blocking, message: op.message ?? 'failed', evidence: op.evidence, synthetic: false };
        if (op.check) entry.check = op.check;
        if (blocking) failures.push(entry);
        else {
          operations.findings += 1;
          counts[op.severity] += 1;
          findings.push(entry);
        }
      } else if (op.outcome === 'warn') {
        operations.warned += 1;
        warnings.push({ kind: op.waiver ? 'waived' : 'operation', taskId: task.taskId, gate: task.gate, message: `${op.name}: ${op.message ?? 'warning'}${op.waiver ? ` (waived: ${op.waiver})` : ''}` });
      }
    }
    const attemptFailed = last.status === 'failed' || last.status === 'timedOut';
    if (attemptFailed && failures.length === 0) {
      operations.operations += 1;
      operations.failed += 1;
      const message = last.errors[0] ?? (last.status === 'timedOut' ? 'the task timed out' : 'the task failed');
      failures.push({ taskId: task.taskId, gate: task.gate, location, operation: last.status === 'timedOut' ? 'timeout' : 'task', check: 'run/task', severity: 'critical', blocking: true, message, synthetic: true });
    }
  }
  if (task.status === 'flaky') {
    const earlier = task.attempts.slice(0, -1).filter((a) => a.status === 'failed' || a.status === 'timedOut');
    const what = earlier[0] ? ` (attempt ${earlier[0].attempt + 1}: ${firstFailure(earlier[0])})` : '';
    warnings.push({ kind: 'flaky', taskId: task.taskId, gate: task.gate, message: `${task.taskId} is flaky: it failed${what}, then passed on retry` });
  }
  if (task.status === 'completed' && operations.operations === 0 && (last?.switchedOff ?? 0) === 0) {
    warnings.push({ kind: 'hollow', taskId: task.taskId, gate: task.gate, message: `${task.taskId} passed without recording any operation: it looked at nothing` });
  }
  return {
    result: { taskId: task.taskId, project: task.project, gate: task.gate, status: task.status, operations, findings: counts },
    failures,
    findings,
    warnings,
  };
}

function addOperations(into: OperationCounts, from: OperationCounts): void {
  into.operations += from.operations;
  into.failed += from.failed;
  into.warned += from.warned;
  into.findings += from.findings;
}

function addCounts(into: SeverityCounts, from: SeverityCounts): void {
  for (const key of Object.keys(into) as (keyof SeverityCounts)[]) into[key] += from[key];
}

function gateStatus(counts: TaskCounts): GateStatus {
  if (counts.failed > 0) return 'failed';
  if (counts.interrupted > 0) return 'interrupted';
  if (counts.blocked > 0 && counts.blocked === counts.total - counts.skipped) return 'blocked';
  if (counts.blocked > 0) return 'failed';
  if (counts.total > 0 && counts.skipped === counts.total) return 'skipped';
  return 'passed';
}

interface GateAccumulator {
  phase: string;
  tasks: TaskCounts;
  operations: OperationCounts;
  findings: SeverityCounts;
  warnings: number;
  start: number;
  end: number;
}

/** The one computation the summary, the log, the dashboard and the exit code all derive from. */
export function computeRun(tasks: Iterable<TaskInput>, options: ComputeOptions): RunResult {
  const policy = options.policy ?? DEFAULT_POLICY;
  const totals = emptyTaskCounts();
  const operations = emptyOperationCounts();
  const failures: FailureEntry[] = [];
  const findings: FailureEntry[] = [];
  const findingCounts = emptySeverityCounts();
  const warnings: WarningEntry[] = [...(options.extraWarnings ?? [])];
  const gates = new Map<string, GateAccumulator>();

  for (const task of tasks) {
    const evaluated = evaluateTask(task, policy);
    totals.total += 1;
    totals[task.status] += 1;
    addOperations(operations, evaluated.result.operations);
    addCounts(findingCounts, evaluated.result.findings);
    failures.push(...evaluated.failures);
    findings.push(...evaluated.findings);
    warnings.push(...evaluated.warnings);

    let gate = gates.get(task.gate);
    if (!gate) {
      gate = { phase: task.phase, tasks: emptyTaskCounts(), operations: emptyOperationCounts(), findings: emptySeverityCounts(), warnings: 0, start: Infinity, end: -Infinity };
      gates.set(task.gate, gate);
    }
    gate.tasks.total += 1;
    gate.tasks[task.status] += 1;
    addOperations(gate.operations, evaluated.result.operations);
    addCounts(gate.findings, evaluated.result.findings);
    gate.warnings += evaluated.warnings.length;
    for (const attempt of task.attempts) {
      const start = Date.parse(attempt.startTime);
      if (Number.isFinite(start)) {
        gate.start = Math.min(gate.start, start);
        gate.end = Math.max(gate.end, start + attempt.durationMs);
      }
    }
  }

  const order = options.gateOrder ?? [];
  const rank = (gate: string) => (order.includes(gate) ? order.indexOf(gate) : order.length);
  const gateResults: GateResult[] = [...gates.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([gate, g]) => ({
      gate,
      phase: g.phase,
      status: gateStatus(g.tasks),
      findings: g.findings,
      tasks: g.tasks,
      operations: g.operations,
      warnings: g.warnings,
      riskRate: riskRate(g.operations.failed, g.operations.operations),
      durationSeconds: g.end > g.start ? Math.round((g.end - g.start) / 10) / 100 : 0,
    }));

  // An error outside any test is a failed operation of the run itself: it can never pass silently.
  for (const message of options.runErrors ?? []) {
    operations.operations += 1;
    operations.failed += 1;
    failures.push({ taskId: 'run/setup', gate: 'run', location: '-', operation: 'run setup', check: 'run/setup', severity: 'critical', blocking: true, message, synthetic: true });
  }
  const rate = riskRate(operations.failed, operations.operations);
  const { verdict, reasons } = decideVerdict({
    riskRate: rate,
    failedTasks: totals.failed,
    blockedTasks: totals.blocked,
    blockingFailures: failures.length,
    findings: findingCounts,
    warnings: warnings.length,
    operations: operations.operations,
    interrupted: options.interrupted ?? false,
    runErrors: options.runErrors?.length ?? 0,
  }, options.thresholds, policy);

  return {
    verdict,
    reasons,
    riskRate: rate,
    tasks: totals,
    operations,
    gates: gateResults,
    failures,
    findings,
    findingCounts,
    policy,
    warnings,
    blockedGates: gateResults.filter((g) => g.status === 'blocked').map((g) => g.gate),
    interrupted: options.interrupted ?? false,
    thresholds: options.thresholds,
    exitCode: verdict === 'CRITICAL' || (verdict === 'WARNING' && options.strict) ? 1 : 0,
  };
}
