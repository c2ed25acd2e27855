import picomatch from 'picomatch';
import type { Severity } from '../risk/types.ts';

/** One defect found in the repository: where, which rule, what is wrong. */
export interface Finding {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based; absent for a finding about a whole file. */
  line?: number;
  /** 1-based. */
  column?: number;
  rule: string;
  message: string;
  severity: Severity;
}

/** `file:line:column rule: message`, the way compilers print it. */
export function formatFinding(finding: Finding): string {
  const where = [finding.file, finding.line, finding.line !== undefined ? finding.column : undefined].filter((part) => part !== undefined).join(':');
  return `${where} ${finding.rule}: ${finding.message}`;
}

/** Line and column (1-based) of a character offset; `lineStarts` from `lineStartsOf`. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** Calls `fn` for each line with its 1-based number, without splitting the whole text at once. */
export function forEachLine(text: string, fn: (line: string, lineNumber: number) => void): void {
  let start = 0;
  let lineNumber = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    fn(line, lineNumber);
    if (end === text.length) break;
    start = end + 1;
    lineNumber += 1;
  }
}

export type PathMatcher = (file: string) => boolean;

/**
 * A matcher for repository-relative paths. A glob without a slash matches the base name anywhere
 * (`*.py`), the way .gitignore reads it; dot files match too (`.env`).
 */
export function globMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const full = picomatch(globs.filter((glob) => glob.includes('/')), { dot: true });
  const base = picomatch(globs.filter((glob) => !glob.includes('/')), { dot: true });
  const hasFull = globs.some((glob) => glob.includes('/'));
  const hasBase = globs.some((glob) => !glob.includes('/'));
  return (file) => (hasFull && full(file)) || (hasBase && base(file.slice(file.lastIndexOf('/') + 1)));
}

/** Masks a secret: keeps a short prefix so the reader can find it, hides the rest. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(Math.min(value.length - 4, 16))}`;
}
