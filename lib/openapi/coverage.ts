import { operationLabel } from './operations.ts';
import type { OperationInfo } from './types.ts';

export interface CoverageReport {
  documented: number;
  exercised: number;
  percent: number;
  /** Statuses seen per operation, e.g. { "GET /api/quote/{symbol}": [200, 502, 503] }. */
  statuses: Record<string, number[]>;
  /** Operations never exercised, with why. */
  missing: Array<{ operation: string; reason: string }>;
}

/** Which documented operations were exercised and which statuses each answered. */
export class CoverageTracker {
  private readonly seen = new Map<string, Set<number>>();
  private readonly reasons = new Map<string, string>();

  constructor(private readonly operations: OperationInfo[]) {}

  record(operation: OperationInfo, status: number): void {
    const key = operationLabel(operation);
    const statuses = this.seen.get(key) ?? new Set<number>();
    statuses.add(status);
    this.seen.set(key, statuses);
  }

  /** Why an operation was not exercised (skipped by config, no example, mutations off...). */
  notExercised(operation: OperationInfo, reason: string): void {
    this.reasons.set(operationLabel(operation), reason);
  }

  report(): CoverageReport {
    const statuses: Record<string, number[]> = {};
    const missing: CoverageReport['missing'] = [];
    for (const operation of this.operations) {
      const key = operationLabel(operation);
      const seen = this.seen.get(key);
      if (seen) statuses[key] = [...seen].sort((a, b) => a - b);
      else missing.push({ operation: key, reason: this.reasons.get(key) ?? 'not exercised' });
    }
    const documented = this.operations.length;
    const exercised = documented - missing.length;
    return { documented, exercised, percent: documented === 0 ? 100 : Math.round((1000 * exercised) / documented) / 10, statuses, missing };
  }
}
