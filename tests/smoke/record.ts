import { test } from '../../fixtures/index.ts';
import type { RiskRecorder } from '../../lib/risk/index.ts';
import { mutationBlockedBecause, type PathContext, type PathState, type StepCheck } from '../../lib/smoke/criticalPath.ts';

/**
 * Records the checks of one step: pass and fail as operations; a skipped check as an annotation
 * (after a skipped mutating step, or after a failure that is already recorded).
 */
export function recordStepChecks(risk: RiskRecorder, checks: readonly StepCheck[]): void {
  for (const check of checks) {
    if (check.outcome === 'pass') risk.pass(check.name, { check: 'smoke/critical-path', severity: check.severity, evidence: check.evidence });
    else if (check.outcome === 'fail') risk.fail(check.name, check.message, { check: 'smoke/critical-path', severity: check.severity, evidence: check.evidence });
    else test.info().annotations.push({ type: 'skipped-step', description: risk.redactor.text(check.message) });
  }
}

/** One warning per test naming the state-changing steps a dry run left out: the path was not fully proven. */
export function recordSkippedMutations(risk: RiskRecorder, state: PathState, context: PathContext): void {
  const because = mutationBlockedBecause(context);
  if (!because || state.skipped.length === 0) return;
  risk.warn(`mutating steps skipped (${because})`, `${state.skipped.length} step(s) not run: ${state.skipped.join('; ')}`, { check: 'smoke/critical-path', severity: 'low' });
}
