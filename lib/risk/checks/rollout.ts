import type { CheckDefinition } from './types.ts';

/** The rollout gate of a staged workspace run: whether a stage may start after the one before. */
export const ROLLOUT_CHECKS: readonly CheckDefinition[] = [
  { id: 'rollout/stage', severity: 'critical', why: "a target of the stage before ended with a verdict this stage does not proceed on (stages[].proceedOn; CRITICAL by default), or wrote none: the stage's gates do not start" },
];
