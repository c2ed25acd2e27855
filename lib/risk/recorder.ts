import { Redactor } from '../redact.ts';
import { blocks, DEFAULT_POLICY, type RiskPolicy } from './policy.ts';
import { SeverityResolver } from './severity.ts';
import { callerLocation, CheckFailedError, type OperationSteps, type SourceLocation } from './steps.ts';
import type { Operation, OperationOutcome, Severity } from './types.ts';
import { describeWaiver, findWaiver, type Waiver } from './waivers.ts';

export interface CheckOptions {
  /** The kind of check this operation is (an id of lib/risk/checks, or `<id>/<sub>` for a tool's rule). */
  check: string;
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
  /** How many operations of checks the config set `off` were dropped. */
  switchedOff?: number;
}

/** Error messages without ANSI colour codes and without the stack. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\u001b\[[0-9;]*m/g, '').trim();
}

/** An operation as a check records it: its severity may be left to the registry and the config. */
export type OperationInput = Omit<Operation, 'severity'> & { severity?: Severity };

export interface RecorderOptions {
  waivers?: Waiver[];
  redactor?: Redactor;
  now?: () => Date;
  /** The maintenance window in force at a time, described in words, or undefined. */
  maintenance?: (at: Date) => string | undefined;
  /** The config's severity overrides over the registry's defaults. */
  severities?: SeverityResolver;
  /** Which failures stop the chain. */
  policy?: Pick<RiskPolicy, 'blockOn'>;
  /** Shows every operation as a step of the running test; absent (unit tests, scripts): none. */
  steps?: OperationSteps;
}

/**
 * Records the operations of one task. Pure bookkeeping: the fixture hands the result to the reporter.
 * A failed check does not stop the task (like a soft assertion); at its end the task fails only when
 * a failure of a blocking severity was recorded. The others are findings: they spend the error budget.
 */
export class RiskRecorder {
  readonly operations: Operation[] = [];
  readonly expiredWaiversSeen: Waiver[] = [];
  /** Waivers that turned a failure of this task into a warning (their owners are the task's). */
  readonly waiversApplied: Waiver[] = [];
  /** Operations of checks the config set `off`: not counted, only their number is kept. */
  switchedOff = 0;
  readonly redactor: Redactor;
  private readonly waivers: Waiver[];
  private readonly now: () => Date;
  private readonly maintenance: (at: Date) => string | undefined;
  private readonly severities: SeverityResolver;
  private readonly policy: Pick<RiskPolicy, 'blockOn'>;
  private readonly steps: OperationSteps | undefined;
  /** Where each operation was made (known when steps are shown): the task's error points at its first blocking failure. */
  private readonly locations = new WeakMap<Operation, SourceLocation>();

  constructor(readonly taskId: string, readonly gate: string, options: RecorderOptions = {}) {
    this.waivers = options.waivers ?? [];
    this.redactor = options.redactor ?? new Redactor();
    this.now = options.now ?? (() => new Date());
    this.maintenance = options.maintenance ?? (() => undefined);
    this.severities = options.severities ?? new SeverityResolver();
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.steps = options.steps;
  }

  /** Runs `fn` as one operation: pass when it returns, fail (with the error as evidence) when it throws. */
  async check<T>(name: string, fn: () => T | Promise<T>, options: CheckOptions): Promise<T | undefined> {
    if (!this.steps || (this.steps.wants && !this.steps.wants('running'))) return this.checkUnshown(name, fn, options);
    const location = callerLocation();
    let thrown: { error: unknown } | undefined;
    try {
      // Inside the step, so what the check does (requests, page actions) nests under it.
      return await this.steps.run(this.redactor.text(name), async () => {
        const started = performance.now();
        try {
          const value = await fn();
          this.push(name, 'pass', started, undefined, options);
          return value;
        } catch (error) {
          const op = this.push(name, 'fail', started, errorMessage(error), options);
          if (op && location) this.locations.set(op, location);
          thrown = { error };
          // A failure turned into a warning (waiver, maintenance) or a check switched off leaves the step green.
          if (op?.outcome === 'fail') throw new CheckFailedError(op, location);
          return undefined;
        }
      }, location);
    } catch (error) {
      if (!thrown) throw error;
      if (options.fatal) throw this.redacted(thrown.error);
      return undefined;
    }
  }

  /** A check that is a step only if it does not pass (none without steps): its place is looked up then. */
  private async checkUnshown<T>(name: string, fn: () => T | Promise<T>, options: CheckOptions): Promise<T | undefined> {
    const started = performance.now();
    try {
      const value = await fn();
      const op = this.push(name, 'pass', started, undefined, options);
      if (op) this.steps?.show(op, undefined);
      return value;
    } catch (error) {
      const op = this.push(name, 'fail', started, errorMessage(error), options);
      if (op && this.steps) {
        const location = callerLocation();
        if (location) this.locations.set(op, location);
        this.steps?.show(op, location);
      }
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

  pass(name: string, options: CheckOptions & { durationMs?: number }): void {
    this.record({ name, check: options.check, outcome: 'pass', severity: options.severity, durationMs: options.durationMs ?? 0, evidence: options.evidence, metrics: options.metrics });
  }

  fail(name: string, message: string, options: CheckOptions & { durationMs?: number }): void {
    this.record({ name, check: options.check, outcome: 'fail', severity: options.severity, durationMs: options.durationMs ?? 0, message, evidence: options.evidence, metrics: options.metrics });
  }

  warn(name: string, detail: string, options: CheckOptions & { durationMs?: number }): void {
    this.record({ name, check: options.check, outcome: 'warn', severity: options.severity ?? 'low', durationMs: options.durationMs ?? 0, message: detail, evidence: options.evidence, metrics: options.metrics });
  }

  /** The severity a failure of this check gets (config override, tool level, registry default), or `off`. */
  severityOf(check: string | undefined, given?: Severity): Severity | 'off' {
    return this.severities.resolve(check, given);
  }

  /**
   * Records an operation with its severity resolved; a failure covered by a waiver in force becomes a
   * warning naming it. A check the config set `off` is not recorded (undefined is returned).
   */
  record(operation: OperationInput): Operation | undefined {
    const op = this.store(operation);
    if (op && this.steps) {
      const location = !this.steps.wants || this.steps.wants(op.outcome) ? callerLocation() : undefined;
      if (location) this.locations.set(op, location);
      this.steps.show(op, location);
    }
    return op;
  }

  private store(operation: OperationInput): Operation | undefined {
    const severity = this.severities.resolve(operation.check, operation.severity);
    if (severity === 'off') {
      this.switchedOff += 1;
      return undefined;
    }
    // A fresh object, built once: its strings are redacted in place, what the caller passed in is copied.
    const op: Operation = {
      name: operation.name,
      outcome: operation.outcome,
      severity,
      durationMs: Math.max(0, Math.round(operation.durationMs * 100) / 100),
    };
    if (operation.check !== undefined) op.check = operation.check;
    if (operation.message !== undefined) op.message = operation.message;
    if (operation.evidence !== undefined) op.evidence = operation.evidence;
    if (operation.metrics !== undefined) op.metrics = operation.metrics;
    if (operation.waiver !== undefined) op.waiver = operation.waiver;
    if (op.outcome === 'fail') {
      const { active, expired } = findWaiver(this.waivers, this.taskId, op.name, this.now());
      if (active) {
        op.outcome = 'warn';
        op.waiver = describeWaiver(active);
        if (!this.waiversApplied.includes(active)) this.waiversApplied.push(active);
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

  /** Failures that stop the chain under the policy. */
  get blocking(): Operation[] {
    return this.operations.filter((op) => op.outcome === 'fail' && blocks(this.policy, op.severity));
  }

  /** Failures below the blocking severities: the task still passes, the error budget pays. */
  get findings(): Operation[] {
    return this.operations.filter((op) => op.outcome === 'fail' && !blocks(this.policy, op.severity));
  }

  /** The source line that made the operation, when steps are shown. */
  locationOf(operation: Operation): SourceLocation | undefined {
    return this.locations.get(operation);
  }

  attachment(): RiskAttachment {
    return { version: RISK_ATTACHMENT_VERSION, taskId: this.taskId, gate: this.gate, operations: this.operations, ...(this.switchedOff ? { switchedOff: this.switchedOff } : {}) };
  }

  /** The error a task ends with when some of its checks failed at a blocking severity. */
  failureSummary(): string | undefined {
    const blocking = this.blocking;
    if (blocking.length === 0) return undefined;
    const lines = blocking.slice(0, 20).map((op) => `  - [${op.severity}] ${op.name}: ${(op.message ?? 'failed').split('\n')[0]}`);
    if (blocking.length > 20) lines.push(`  ... and ${blocking.length - 20} more`);
    const findings = this.findings.length;
    return `${blocking.length} of ${this.operations.length} check(s) failed at a blocking severity (${this.policy.blockOn.join(', ')}) in ${this.taskId}${findings ? `, and ${findings} finding(s) below it` : ''}:\n${lines.join('\n')}`;
  }

  private push(name: string, outcome: OperationOutcome, started: number, message: string | undefined, options: CheckOptions): Operation | undefined {
    return this.store({ name, check: options.check, outcome, severity: options.severity, durationMs: performance.now() - started, message, evidence: options.evidence, metrics: options.metrics });
  }
}
