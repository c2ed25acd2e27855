import { DEFAULT_POLICY, findingCountReasons, type RiskPolicy, type SeverityCounts } from './policy.ts';
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
  /** Failures at a blocking severity (each failed its task, or was a crash or a run error). */
  blockingFailures: number;
  /** Findings by severity: failed checks that did not stop the chain. */
  findings: SeverityCounts;
  warnings: number;
  operations: number;
  interrupted: boolean;
  /** Errors outside any test: the run itself is broken. */
  runErrors?: number;
}

/**
 * The seeds' alert thresholds under the severity policy. CRITICAL blocks the deploy; WARNING does
 * not unless strict. Rate boundaries are exclusive: exactly the target is still within it.
 */
export function decideVerdict(input: VerdictInput, thresholds: RiskThresholds, policy: RiskPolicy = DEFAULT_POLICY): { verdict: Verdict; reasons: string[] } {
  const critical: string[] = [];
  if (input.interrupted) critical.push('the run was interrupted before every gate finished');
  if (input.runErrors) critical.push(`${input.runErrors} error(s) outside any task: the run itself did not work (see Failures)`);
  if (input.failedTasks > 0) critical.push(`${input.failedTasks} task(s) failed: a ${policy.blockOn.join(' or ')} failure stopped the chain`);
  else if (input.blockingFailures > (input.runErrors ?? 0)) critical.push(`${input.blockingFailures - (input.runErrors ?? 0)} failure(s) at a blocking severity (${policy.blockOn.join(', ')})`);
  if (input.blockedTasks > 0) critical.push(`${input.blockedTasks} task(s) blocked: a gate they depend on failed, so they never ran`);
  critical.push(...findingCountReasons(input.findings, policy.critical));
  if (input.riskRate > thresholds.riskCritical) critical.push(`risk rate ${formatRate(input.riskRate)} is above the critical threshold ${formatRate(thresholds.riskCritical)}`);
  if (critical.length > 0) return { verdict: 'CRITICAL', reasons: critical };

  const warning: string[] = [];
  if (input.riskRate > thresholds.riskTarget) warning.push(`risk rate ${formatRate(input.riskRate)} is above the target ${formatRate(thresholds.riskTarget)}`);
  warning.push(...findingCountReasons(input.findings, policy.warning));
  if (input.warnings > thresholds.maxWarnings) warning.push(`${input.warnings} warnings, more than the ${thresholds.maxWarnings} allowed`);
  if (input.operations < thresholds.minOperations) warning.push(`only ${input.operations} operation(s), fewer than the ${thresholds.minOperations} needed to trust the rate`);
  if (warning.length > 0) return { verdict: 'WARNING', reasons: warning };
  const total = input.findings.critical + input.findings.high + input.findings.medium + input.findings.low;
  const spent = total > 0 ? `${total} finding(s) within the error budget, ` : '';
  return { verdict: 'PASS', reasons: [`risk rate ${formatRate(input.riskRate)} within the target ${formatRate(thresholds.riskTarget)}, ${spent}${input.warnings} warning(s), no failed task`] };
}

export function formatRate(rate: number): string {
  return `${rate.toFixed(2)} %`;
}
