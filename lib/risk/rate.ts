import type { RiskThresholds, Verdict } from './types.ts';

/** Risk rate in percent: 100 × failed operations / operations; 0 when nothing ran. */
export function riskRate(failedOperations: number, operations: number): number {
  if (operations <= 0) return 0;
  return Math.round((100 * failedOperations / operations) * 1e6) / 1e6;
}

export interface VerdictInput {
  riskRate: number;
  failedTasks: number;
  blockedTasks: number;
  failedCriticalOperations: number;
  warnings: number;
  operations: number;
  interrupted: boolean;
  /** Errors outside any test: the run itself is broken. */
  runErrors?: number;
}

/**
 * The seeds' alert thresholds. CRITICAL blocks the deploy; WARNING does not unless strict.
 * Boundaries are exclusive: exactly the target is still within it.
 */
export function decideVerdict(input: VerdictInput, thresholds: RiskThresholds): { verdict: Verdict; reasons: string[] } {
  const critical: string[] = [];
  if (input.interrupted) critical.push('the run was interrupted before every gate finished');
  if (input.runErrors) critical.push(`${input.runErrors} error(s) outside any task: the run itself did not work (see Failures)`);
  if (input.failedTasks > 0) critical.push(`${input.failedTasks} task(s) failed`);
  if (input.blockedTasks > 0) critical.push(`${input.blockedTasks} task(s) blocked: a gate they depend on failed, so they never ran`);
  if (input.failedCriticalOperations > 0) critical.push(`${input.failedCriticalOperations} critical operation(s) failed`);
  if (input.riskRate > thresholds.riskCritical) critical.push(`risk rate ${formatRate(input.riskRate)} is above the critical threshold ${formatRate(thresholds.riskCritical)}`);
  if (critical.length > 0) return { verdict: 'CRITICAL', reasons: critical };

  const warning: string[] = [];
  if (input.riskRate > thresholds.riskTarget) warning.push(`risk rate ${formatRate(input.riskRate)} is above the target ${formatRate(thresholds.riskTarget)}`);
  if (input.warnings > thresholds.maxWarnings) warning.push(`${input.warnings} warnings, more than the ${thresholds.maxWarnings} allowed`);
  if (input.operations < thresholds.minOperations) warning.push(`only ${input.operations} operation(s), fewer than the ${thresholds.minOperations} needed to trust the rate`);
  if (warning.length > 0) return { verdict: 'WARNING', reasons: warning };
  return { verdict: 'PASS', reasons: [`risk rate ${formatRate(input.riskRate)} within the target ${formatRate(thresholds.riskTarget)}, ${input.warnings} warning(s), no failed task`] };
}

export function formatRate(rate: number): string {
  return `${rate.toFixed(2)} %`;
}
