import { Redactor } from '../redact.ts';
import type { Operation, OperationOutcome, Severity } from './types.ts';
import { describeWaiver, findWaiver, type Waiver } from './waivers.ts';

export interface CheckOptions {
  /** The kind of check this operation is (an id of lib/risk/checks, or `<id>/<sub>` for a tool's rule). */
  check?: string;
  /** A tool-given level (axe impact, a rule's own severity); the config's override for the check wins over it. */
  severity?: Severity;
  evidence?: unknown;
  metrics?: Record<string, number>;
  /** Rethrow the error after recording it: later checks make no sense without this one. */
  fatal?: boolean;
}

export const RISK_ATTACHMENT = 'risk';
export const RISK_ATTACHMENT_VERSION = 1;

export interface RiskAttachment {
  version: number;
  taskId: string;
  gate: string;
  operations: Operation[];
}

/** Error messages without ANSI colour codes and without the stack. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\u001b\[[0-9;]*m/g, '').trim();
}

/**
 * Records the operations of one task. Pure bookkeeping: the fixture hands the result to the reporter.
 * A failed check does not stop the task (like a soft assertion); the task fails at its end.
 */
export class RiskRecorder {
  readonly operations: Operation[] = [];
  readonly expiredWaiversSeen: Waiver[] = [];

  constructor(
    readonly taskId: string,
    readonly gate: string,
    private readonly waivers: Waiver[] = [],
    readonly redactor: Redactor = new Redactor(),
    private readonly now: () => Date = () => new Date(),
    /** The maintenance window in force at a time, described in words, or undefined. */
    private readonly maintenance: (at: Date) => string | undefined = () => undefined,
  ) {}

  /** Runs `fn` as one operation: pass when it returns, fail (with the error as evidence) when it throws. */
  async check<T>(name: string, fn: () => T | Promise<T>, options: CheckOptions = {}): Promise<T | undefined> {
    const started = performance.now();
    try {
      const value = await fn();
      this.push(name, 'pass', started, undefined, options);
      return value;
    } catch (error) {
      this.push(name, 'fail', started, errorMessage(error), options);
      if (options.fatal) throw this.redacted(error);
      return undefined;
    }
  }

  /** A rethrown error reaches Playwright's own reports: its message and stack lose known secrets first. */
  private redacted(error: unknown): unknown {
    if (!(error instanceof Error)) return typeof error === 'string' ? this.redactor.text(error) : error;
    error.message = this.redactor.text(error.message);
    if (error.stack) error.stack = this.redactor.text(error.stack);
    return error;
  }

  pass(name: string, options: CheckOptions & { durationMs?: number } = {}): void {
    this.record({ name, outcome: 'pass', severity: options.severity ?? 'high', durationMs: options.durationMs ?? 0, evidence: options.evidence, metrics: options.metrics });
  }

  fail(name: string, message: string, options: CheckOptions & { durationMs?: number } = {}): void {
    this.record({ name, outcome: 'fail', severity: options.severity ?? 'high', durationMs: options.durationMs ?? 0, message, evidence: options.evidence, metrics: options.metrics });
  }

  warn(name: string, detail: string, options: CheckOptions & { durationMs?: number } = {}): void {
    this.record({ name, outcome: 'warn', severity: options.severity ?? 'low', durationMs: options.durationMs ?? 0, message: detail, evidence: options.evidence, metrics: options.metrics });
  }

  /** Records an operation; a failure covered by a waiver in force becomes a warning naming it. */
  record(operation: Operation): Operation {
    // A fresh object, built once: its strings are redacted in place, what the caller passed in is copied.
    const op: Operation = {
      name: operation.name,
      outcome: operation.outcome,
      severity: operation.severity,
      durationMs: Math.max(0, Math.round(operation.durationMs * 100) / 100),
    };
    if (operation.message !== undefined) op.message = operation.message;
    if (operation.evidence !== undefined) op.evidence = operation.evidence;
    if (operation.metrics !== undefined) op.metrics = operation.metrics;
    if (operation.waiver !== undefined) op.waiver = operation.waiver;
    if (op.outcome === 'fail') {
      const { active, expired } = findWaiver(this.waivers, this.taskId, op.name, this.now());
      if (active) {
        op.outcome = 'warn';
        op.waiver = describeWaiver(active);
      } else if (expired.length > 0) {
        this.expiredWaiversSeen.push(...expired);
        op.message = `${op.message ?? 'failed'} (waiver ${expired.map(describeWaiver).join(', ')} has expired)`;
      }
    }
    if (op.outcome === 'fail') {
      // A planned outage: the failure is expected, so it warns and names the window.
      const window = this.maintenance(this.now());
      if (window) {
        op.outcome = 'warn';
        op.message = `${op.message ?? 'failed'} (during ${window})`;
      }
    }
    const redactor = this.redactor;
    op.name = redactor.text(op.name);
    if (op.message !== undefined) op.message = redactor.text(op.message);
    if (op.evidence !== undefined) op.evidence = redactor.value(op.evidence);
    if (op.metrics !== undefined) op.metrics = redactor.value(op.metrics);
    if (op.waiver !== undefined) op.waiver = redactor.text(op.waiver);
    this.operations.push(op);
    return op;
  }

  get failed(): Operation[] {
    return this.operations.filter((op) => op.outcome === 'fail');
  }

  attachment(): RiskAttachment {
    return { version: RISK_ATTACHMENT_VERSION, taskId: this.taskId, gate: this.gate, operations: this.operations };
  }

  /** The error a task ends with when some of its checks failed. */
  failureSummary(): string | undefined {
    const failed = this.failed;
    if (failed.length === 0) return undefined;
    const lines = failed.slice(0, 20).map((op) => `  - ${op.name}: ${(op.message ?? 'failed').split('\n')[0]}`);
    if (failed.length > 20) lines.push(`  ... and ${failed.length - 20} more`);
    return `${failed.length} of ${this.operations.length} check(s) failed in ${this.taskId}:\n${lines.join('\n')}`;
  }

  private push(name: string, outcome: OperationOutcome, started: number, message: string | undefined, options: CheckOptions): void {
    this.record({ name, outcome, severity: options.severity ?? 'high', durationMs: performance.now() - started, message, evidence: options.evidence, metrics: options.metrics });
  }
}
