import type { SeverityLevel } from '../risk/checks/index.ts';
import type { Severity } from '../risk/types.ts';

/** axe's impact levels, most severe first. */
export type AxeImpact = 'critical' | 'serious' | 'moderate' | 'minor';

/** axe's impact to the risk model's severity, as data: the default of the config's `policy.tools.axe`. */
export const IMPACT_SEVERITY: Readonly<Record<AxeImpact, Severity>> = {
  critical: 'critical',
  serious: 'high',
  moderate: 'medium',
  minor: 'low',
};

/**
 * A rule's impact through the table (`off` drops the rule's findings). A rule with no impact (axe
 * leaves it null on some results) counts as moderate: neither ignored nor blocking by default.
 */
export function impactToSeverity(impact: string | null | undefined, levels: Readonly<Record<AxeImpact, SeverityLevel>> = IMPACT_SEVERITY): SeverityLevel {
  return levels[impact as AxeImpact] ?? levels.moderate;
}
