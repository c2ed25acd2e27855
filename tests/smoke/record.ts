import { test } from '../../fixtures/index.ts';
import type { RiskRecorder } from '../../lib/risk/index.ts';
import type { PathState, StepCheck } from '../../lib/smoke/criticalPath.ts';

/**
 * Records the checks of one step: pass and fail as operations; a skipped check as an annotation
 * (a step that may change state and is not allowed to here, what needs it, or what follows a
 * failure that is already recorded).
 */
export function recordStepChecks(risk: RiskRecorder, checks: readonly StepCheck[]): void {
  for (const check of checks) {
    if (check.outcome === 'pass') risk.pass(check.name, { check: 'smoke/critical-path', severity: check.severity, evidence: check.evidence });
    else if (check.outcome === 'fail') risk.fail(check.name, check.message, { check: 'smoke/critical-path', severity: check.severity, evidence: check.evidence });
    else test.info().annotations.push({ type: 'skipped-step', description: risk.redactor.text(check.message) });
  }
}

/**
 * One warning per test naming the steps left out (read-only by default, DRY_RUN=1, and what
 * needed them): the path was not fully proven, and the summary says which part and why.
 */
export function recordSkippedSteps(risk: RiskRecorder, state: PathState): void {
  if (state.skipped.length === 0) return;
  risk.warn('steps left out of the critical path', `${state.skipped.length} step(s) not run: ${state.skipped.join('; ')}`, { check: 'smoke/critical-path', severity: 'low' });
}
