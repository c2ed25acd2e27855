/** A workspace run's release history (`reports/release-history.jsonl`): each target's verdict beside the release's. */
export interface ReleaseHistoryEntry {
  run_id: string;
  time: string;
  release: string;
  verdict: string;
  targets: Record<string, string | null>;
}

/** Parses release-history.jsonl; a damaged line is skipped (the history is a trend, not the verdict). */
export function parseReleaseHistory(text: string): ReleaseHistoryEntry[] {
  const entries: ReleaseHistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as ReleaseHistoryEntry;
      if (typeof entry.run_id === 'string' && typeof entry.verdict === 'string' && entry.targets && typeof entry.targets === 'object') entries.push(entry);
    } catch {
      // skipped
    }
  }
  return entries;
}

/** The release history as a table: one run a line, the release verdict, then each target's side by side. */
export function releaseHistoryTable(entries: readonly ReleaseHistoryEntry[]): string {
  const targets = [...new Set(entries.flatMap((entry) => Object.keys(entry.targets)))];
  const header = ['run', 'ended', 'release', ...targets];
  const rows = entries.map((entry) => [entry.run_id, entry.time.replace('T', ' ').slice(0, 19), entry.verdict, ...targets.map((id) => entry.targets[id] ?? (id in entry.targets ? 'NOT RUN' : '-'))]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line), '', 'One target\'s runs and tasks: --target <id> (its reports/<id>/).'].join('\n');
}
