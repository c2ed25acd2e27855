/** Small pure helpers shared by the API client and the gates. */

/** `a.b[0].c` from an object; undefined when the path is absent. */
export function valueAtPath(value: unknown, dotPath: string): unknown {
  let current: unknown = value;
  for (const part of dotPath.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter(Boolean))) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Replaces `${NAME}` in strings (deeply) from a variable table; unknown names are left empty. */
export function interpolate<T>(value: T, variables: Record<string, string | undefined>): T {
  if (typeof value === 'string') return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_.]*)\}/g, (_m, name: string) => variables[name] ?? '') as T;
  if (Array.isArray(value)) return value.map((item) => interpolate(item, variables)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, interpolate(v, variables)])) as T;
  }
  return value;
}

/** A bounded slice of a body for error messages. */
export function bodySnippet(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}... (${flat.length} chars)` : flat;
}

/** p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
