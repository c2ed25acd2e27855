import type { Severity } from '../risk/types.ts';

/** axe's impact levels, most severe first. */
export type AxeImpact = 'critical' | 'serious' | 'moderate' | 'minor';

/** axe's impact to the risk model's severity, as data. */
export const IMPACT_SEVERITY: Readonly<Record<AxeImpact, Severity>> = {
  critical: 'critical',
  serious: 'high',
  moderate: 'medium',
  minor: 'low',
};

/** A rule with no impact (axe leaves it null on some results) counts as moderate: neither ignored nor blocking by default. */
export function impactToSeverity(impact: string | null | undefined): Severity {
  return IMPACT_SEVERITY[impact as AxeImpact] ?? 'medium';
}
