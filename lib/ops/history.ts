import type { Verdict } from '../risk/types.ts';

/** One gate's line in `reports/history.jsonl`, as the risk reporter writes it. */
export interface HistoryGate {
  status: string;
  tasks: number;
  failed: number;
  blocked: number;
  operations: number;
  failed_operations: number;
  risk_rate: number;
}

/** One finished run: one line of `reports/history.jsonl`. */
export interface HistoryEntry {
  run_id: string;
  time: string;
  git_sha: string | null;
  target: string;
  base_url: string;
  environment: string;
  mode: string;
  verdict: Verdict;
  risk_rate: number;
  duration_seconds: number;
  gates: Record<string, HistoryGate>;
  /** The run's execution log, relative to the reports folder. */
  log: string;
}

export interface ParsedHistory {
  entries: HistoryEntry[];
  badLines: { line: number; reason: string }[];
}

const VERDICTS: readonly string[] = ['PASS', 'WARNING', 'CRITICAL'];

function problemOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'not a JSON object';
  const entry = value as Record<string, unknown>;
  if (typeof entry.run_id !== 'string' || !entry.run_id) return 'no run_id';
  if (typeof entry.time !== 'string' || Number.isNaN(Date.parse(entry.time))) return 'no valid time';
  if (typeof entry.verdict !== 'string' || !VERDICTS.includes(entry.verdict)) return `unknown verdict ${JSON.stringify(entry.verdict)}`;
  if (typeof entry.risk_rate !== 'number') return 'no numeric risk_rate';
  return undefined;
}

/**
 * Parses `history.jsonl`. A run killed mid-write leaves a broken line: it is reported and skipped,
 * never fatal, because one bad line must not hide every other run.
 */
export function parseHistory(text: string): ParsedHistory {
  const entries: HistoryEntry[] = [];
  const badLines: ParsedHistory['badLines'] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      badLines.push({ line: index + 1, reason: (error as Error).message });
      return;
    }
    const problem = problemOf(value);
    if (problem) {
      badLines.push({ line: index + 1, reason: problem });
      return;
    }
    const entry = value as HistoryEntry;
    entries.push({
      ...entry,
      mode: typeof entry.mode === 'string' ? entry.mode : '',
      duration_seconds: typeof entry.duration_seconds === 'number' ? entry.duration_seconds : 0,
      gates: entry.gates && typeof entry.gates === 'object' ? entry.gates : {},
      log: typeof entry.log === 'string' ? entry.log : '',
    });
  });
  return { entries, badLines };
}

/** Oldest first, by end time (file order breaks ties: appends are chronological). */
export function chronological(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.time) - Date.parse(b.entry.time) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The newest finished run of a mode, other than `excludeRunId` (the run being watched). */
export function previousRunOfMode(entries: readonly HistoryEntry[], mode: string, excludeRunId?: string): HistoryEntry | undefined {
  return chronological(entries).filter((e) => e.mode === mode && e.run_id !== excludeRunId).at(-1);
}

/** The verdict of the newest run of the same target and environment: decides the "recovered" alert. */
export function previousVerdict(entries: readonly HistoryEntry[], target?: { name: string; environment: string }): Verdict | undefined {
  const same = target ? entries.filter((e) => e.target === target.name && e.environment === target.environment) : entries;
  return chronological(same).at(-1)?.verdict;
}
