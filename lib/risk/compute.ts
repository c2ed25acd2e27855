import { decideVerdict, riskRate } from './rate.ts';
import type {
  FailureEntry, GateResult, GateStatus, OperationCounts, RiskThresholds, RunResult, TaskCounts, TaskInput, TaskResult, WarningEntry,
} from './types.ts';

export interface ComputeOptions {
  thresholds: RiskThresholds;
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
const emptyOperationCounts = (): OperationCounts => ({ operations: 0, failed: 0, warned: 0 });

/** Counts one task: every attempt's operations, plus one failed operation for a crash that recorded none. */
export function evaluateTask(task: TaskInput): { result: TaskResult; failures: FailureEntry[]; warnings: WarningEntry[] } {
  const operations = emptyOperationCounts();
  const failures: FailureEntry[] = [];
  const warnings: WarningEntry[] = [];
  let failedCritical = 0;
  const location = `${task.file}:${task.line}`;
  for (const attempt of task.attempts) {
    let failedHere = 0;
    for (const op of attempt.operations) {
      operations.operations += 1;
      if (op.outcome === 'fail') {
        operations.failed += 1;
        failedHere += 1;
        if (op.severity === 'critical') failedCritical += 1;
        failures.push({ taskId: task.taskId, gate: task.gate, location, operation: op.name, severity: op.severity, message: op.message ?? 'failed', evidence: op.evidence, synthetic: false });
      } else if (op.outcome === 'warn') {
        operations.warned += 1;
        warnings.push({ kind: op.waiver ? 'waived' : 'operation', taskId: task.taskId, gate: task.gate, message: `${op.name}: ${op.message ?? 'warning'}${op.waiver ? ` (waived: ${op.waiver})` : ''}` });
      }
    }
    const attemptFailed = attempt.status === 'failed' || attempt.status === 'timedOut';
    if (attemptFailed && failedHere === 0) {
      operations.operations += 1;
      operations.failed += 1;
      const message = attempt.errors[0] ?? (attempt.status === 'timedOut' ? 'the task timed out' : 'the task failed');
      failures.push({ taskId: task.taskId, gate: task.gate, location, operation: attempt.status === 'timedOut' ? 'timeout' : 'task', severity: 'high', message, synthetic: true });
    }
  }
  if (task.status === 'flaky') warnings.push({ kind: 'flaky', taskId: task.taskId, gate: task.gate, message: `${task.taskId} is flaky: it failed, then passed on retry` });
  if (task.status === 'completed' && operations.operations === 0) {
    warnings.push({ kind: 'hollow', taskId: task.taskId, gate: task.gate, message: `${task.taskId} passed without recording any operation: it looked at nothing` });
  }
  return {
    result: { taskId: task.taskId, project: task.project, gate: task.gate, status: task.status, operations, failedCritical },
    failures,
    warnings,
  };
}

function addOperations(into: OperationCounts, from: OperationCounts): void {
  into.operations += from.operations;
  into.failed += from.failed;
  into.warned += from.warned;
}

function gateStatus(counts: TaskCounts): GateStatus {
  if (counts.failed > 0) return 'failed';
  if (counts.interrupted > 0) return 'interrupted';
  if (counts.blocked > 0 && counts.blocked === counts.total - counts.skipped) return 'blocked';
  if (counts.blocked > 0) return 'failed';
  if (counts.total > 0 && counts.skipped === counts.total) return 'skipped';
  return 'passed';
}

/** The one computation the summary, the log, the dashboard and the exit code all derive from. */
export function computeRun(tasks: Iterable<TaskInput>, options: ComputeOptions): RunResult {
  const totals = emptyTaskCounts();
  const operations = emptyOperationCounts();
  const failures: FailureEntry[] = [];
  const warnings: WarningEntry[] = [...(options.extraWarnings ?? [])];
  const gates = new Map<string, { phase: string; tasks: TaskCounts; operations: OperationCounts; warnings: number; start: number; end: number }>();
  let failedCritical = 0;

  for (const task of tasks) {
    const evaluated = evaluateTask(task);
    totals.total += 1;
    totals[task.status] += 1;
    addOperations(operations, evaluated.result.operations);
    failures.push(...evaluated.failures);
    warnings.push(...evaluated.warnings);
    failedCritical += evaluated.result.failedCritical;

    let gate = gates.get(task.gate);
    if (!gate) {
      gate = { phase: task.phase, tasks: emptyTaskCounts(), operations: emptyOperationCounts(), warnings: 0, start: Infinity, end: -Infinity };
      gates.set(task.gate, gate);
    }
    gate.tasks.total += 1;
    gate.tasks[task.status] += 1;
    addOperations(gate.operations, evaluated.result.operations);
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
    failures.push({ taskId: 'run/setup', gate: 'run', location: '-', operation: 'run setup', severity: 'critical', message, synthetic: true });
    failedCritical += 1;
  }
  const rate = riskRate(operations.failed, operations.operations);
  // Too few operations is its own verdict reason, not one of the counted warnings.
  const countedWarnings = warnings.length;
  const { verdict, reasons } = decideVerdict({
    riskRate: rate,
    failedTasks: totals.failed,
    blockedTasks: totals.blocked,
    failedCriticalOperations: failedCritical,
    warnings: countedWarnings,
    operations: operations.operations,
    interrupted: options.interrupted ?? false,
    runErrors: options.runErrors?.length ?? 0,
  }, options.thresholds);

  return {
    verdict,
    reasons,
    riskRate: rate,
    tasks: totals,
    operations,
    gates: gateResults,
    failures,
    warnings,
    blockedGates: gateResults.filter((g) => g.status === 'blocked').map((g) => g.gate),
    interrupted: options.interrupted ?? false,
    thresholds: options.thresholds,
    exitCode: verdict === 'CRITICAL' || (verdict === 'WARNING' && options.strict) ? 1 : 0,
  };
}
