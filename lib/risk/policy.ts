import type { Severity } from './types.ts';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** How many findings of each severity there were, or must be. */
export type SeverityCounts = Record<Severity, number>;

/**
 * The severity policy in force for a run (config `policy`, with RISK_POLICY applied): which failures
 * stop the chain, and how many findings of a severity make the verdict CRITICAL or WARNING.
 */
export interface RiskPolicy {
  /** `merge` (the default) or `commit` (precommit: stricter). */
  name: string;
  blockOn: Severity[];
  /** At least this many findings of a severity: CRITICAL. A severity left out never decides by count. */
  critical: Partial<SeverityCounts>;
  /** At least this many findings of a severity: WARNING. */
  warning: Partial<SeverityCounts>;
}

/** The seeds' policy: critical failures block; any CRITICAL or 2+ HIGH block a merge; one HIGH warns. */
export const DEFAULT_POLICY: RiskPolicy = {
  name: 'merge',
  blockOn: ['critical'],
  critical: { critical: 1, high: 2 },
  warning: { high: 1 },
};

export function blocks(policy: Pick<RiskPolicy, 'blockOn'>, severity: Severity): boolean {
  return policy.blockOn.includes(severity);
}

export const emptySeverityCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0 });

/** The sentences a policy's finding counts add to the verdict, for one level. */
export function findingCountReasons(counts: SeverityCounts, limits: Partial<SeverityCounts>): string[] {
  const reasons: string[] = [];
  for (const severity of SEVERITIES) {
    const limit = limits[severity];
    if (limit === undefined || counts[severity] < limit) continue;
    reasons.push(`${counts[severity]} ${severity} finding(s), at or above the policy's ${limit}`);
  }
  return reasons;
}

/** Policy config (`policy`) and the policy's name (RISK_POLICY: merge | commit) to the policy in force. */
export function effectivePolicy(config: { blockOn: Severity[]; critical: Partial<SeverityCounts>; warning: Partial<SeverityCounts>; commit: { blockOn: Severity[] } }, name: string): RiskPolicy {
  const base = { blockOn: [...config.blockOn], critical: { ...config.critical }, warning: { ...config.warning } };
  if (name === 'commit') return { name, ...base, blockOn: [...new Set([...config.blockOn, ...config.commit.blockOn])] };
  return { name: 'merge', ...base };
}

export function describePolicy(policy: RiskPolicy): string {
  const counts = (limits: Partial<SeverityCounts>) => SEVERITIES.filter((s) => limits[s] !== undefined).map((s) => `${limits[s]}+ ${s}`).join(', ') || 'none';
  return `policy "${policy.name}": ${policy.blockOn.join(' and ')} failures stop the chain; CRITICAL at ${counts(policy.critical)} finding(s); WARNING at ${counts(policy.warning)}`;
}
