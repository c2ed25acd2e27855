/** The a11y gate's pure logic: axe results and Lighthouse results to operations. No Playwright here. */
export { axeScanOperations, selectorOf, type AxeResultsLike, type AxeScanContext, type AxeScanOutcome } from './axeOperations.ts';
export { IMPACT_SEVERITY, impactToSeverity, type AxeImpact } from './severity.ts';
export {
  describeSuppression, findSuppression, isSuppressionExpired, suppressionLedger, suppressionMatches, suppressionsAsWaivers,
  type A11ySuppression, type FindingPlace, type SuppressionEntry,
} from './suppressions.ts';
export { ASSERTION_OPERATORS, evaluateAssertions, type AssertionOperator, type AssertionResult } from './lighthouseAssertions.ts';
export { labMetrics, lighthouseAssertionOperations, lighthouseRunOperation } from './lighthouseOperations.ts';
export { lighthouseFlags, lighthouseRoutes, lighthouseRuns, representativeRun, type RouteLike } from './lighthousePlan.ts';
export { describeWeakAudits, median, weakAudits, type LhrLike, type WeakAudit } from './lighthouseResult.ts';
export { axeViewRules, pageSelector, renderAxeView, VIEW_LIMITS, type AxeView, type AxeViewNode, type AxeViewRule } from './axeView.ts';
