import type { CheckDefinition } from './types.ts';

/** Checks of the run itself, in any gate. */
export const RUN_CHECKS: readonly CheckDefinition[] = [
  { id: 'run/task', severity: 'critical', why: 'a task that failed without recording a failed check (a crash, a thrown error, a timeout): it stopped its gate' },
  { id: 'run/setup', severity: 'critical', why: 'an error outside any task: the run itself did not work' },
  { id: 'run/attachment', severity: 'high', why: 'a task\'s risk data could not be read: its checks are unknown' },
  { id: 'api/no-response', severity: 'high', why: 'a request the check needed got no response at all (refused, timed out, DNS)' },
];
