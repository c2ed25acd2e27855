import { A11Y_CHECKS } from './a11y.ts';
import { AUDIT_CHECKS } from './audit.ts';
import { BROWSER_CHECKS } from './browser.ts';
import { CONTRACT_CHECKS } from './contracts.ts';
import { CROSS_PLATFORM_CHECKS } from './crossPlatform.ts';
import { DATA_FLOW_CHECKS } from './dataFlows.ts';
import { ROLLOUT_CHECKS } from './rollout.ts';
import { RUN_CHECKS } from './run.ts';
import { SECURITY_CHECKS } from './security.ts';
import { SMOKE_CHECKS } from './smoke.ts';
import type { CheckDefinition } from './types.ts';
import { VISUAL_CHECKS } from './visual.ts';

export type { CheckDefinition, SeverityLevel } from './types.ts';

/** Every check the suite records, with its default severity: the one table (README, "Checks and severities"). */
export const CHECKS: readonly CheckDefinition[] = [
  ...AUDIT_CHECKS,
  ...DATA_FLOW_CHECKS,
  ...BROWSER_CHECKS,
  ...A11Y_CHECKS,
  ...VISUAL_CHECKS,
  ...CONTRACT_CHECKS,
  ...SMOKE_CHECKS,
  ...CROSS_PLATFORM_CHECKS,
  ...ROLLOUT_CHECKS,
  ...SECURITY_CHECKS,
  ...RUN_CHECKS,
];

const byId = new Map(CHECKS.map((check) => [check.id, check]));

export function checkDefinition(id: string): CheckDefinition | undefined {
  return byId.get(id);
}
