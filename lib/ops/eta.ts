import type { HistoryEntry } from './history.ts';

export type Eta =
  | { kind: 'done' }
  | { kind: 'unknown'; reason: string }
  | { kind: 'estimate'; remainingSeconds: number; basisSeconds: number; basisRunId: string }
  | { kind: 'overdue'; overSeconds: number; basisSeconds: number; basisRunId: string };

/**
 * Time left, from the previous run of the same mode: the only honest basis, since a gate's
 * duration depends on the target far more than on how many tasks are left.
 */
export function estimateEta(input: { finished: boolean; elapsedSeconds: number; previous: HistoryEntry | undefined; mode: string }): Eta {
  if (input.finished) return { kind: 'done' };
  const previous = input.previous;
  if (!previous || !(previous.duration_seconds > 0)) return { kind: 'unknown', reason: `no previous "${input.mode}" run in the history` };
  const remaining = previous.duration_seconds - input.elapsedSeconds;
  if (remaining < 0) return { kind: 'overdue', overSeconds: -remaining, basisSeconds: previous.duration_seconds, basisRunId: previous.run_id };
  return { kind: 'estimate', remainingSeconds: remaining, basisSeconds: previous.duration_seconds, basisRunId: previous.run_id };
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function describeEta(eta: Eta): string {
  switch (eta.kind) {
    case 'done': return 'finished';
    case 'unknown': return `unknown (${eta.reason})`;
    case 'estimate': return `~${formatDuration(eta.remainingSeconds)} left (previous run of this mode took ${formatDuration(eta.basisSeconds)})`;
    case 'overdue': return `${formatDuration(eta.overSeconds)} over the previous run of this mode (${formatDuration(eta.basisSeconds)})`;
  }
}
