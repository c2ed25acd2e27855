/** A plain text table: headers, a rule, rows; cells flattened to one line and clipped. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: { maxCell?: number } = {}): string {
  const maxCell = options.maxCell ?? 80;
  const clean = (cell: string) => {
    const flat = cell.replace(/\s+/g, ' ').trim();
    return flat.length > maxCell ? `${flat.slice(0, maxCell - 3)}...` : flat;
  };
  const body = rows.map((row) => headers.map((_, i) => clean(row[i] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
