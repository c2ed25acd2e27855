import picomatch from 'picomatch';
import type { Finding } from '../findings.ts';
import { forEachLine, lineStartsOf, positionAt } from '../findings.ts';

export interface VariableUse {
  name: string;
  file: string;
  line: number;
  column: number;
}

/** Compiles the config's read patterns once; each must capture the variable name in group 1. */
export function readPatterns(sources: readonly string[]): RegExp[] {
  return sources.map((source) => new RegExp(source, 'g'));
}

/** Variables a file reads, with where. */
export function variableReads(file: string, text: string, patterns: readonly RegExp[]): VariableUse[] {
  const uses: VariableUse[] = [];
  let lineStarts: number[] | undefined;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const name = match[1];
      if (!name) continue;
      lineStarts ??= lineStartsOf(text);
      uses.push({ name, file, ...positionAt(lineStarts, match.index ?? 0) });
    }
  }
  return uses;
}

/** KEY=value lines of a dotenv file (commented-out keys `# KEY=` count as documented too). */
export function documentedVariables(file: string, text: string): VariableUse[] {
  const out: VariableUse[] = [];
  forEachLine(text, (line, lineNumber) => {
    const match = /^(\s*(?:#\s*)?(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (match) out.push({ name: match[2]!, file, line: lineNumber, column: match[1]!.length + 1 });
  });
  return out;
}

/** Names of `candidates` that a documentation text (a README, a docs page) mentions as whole words. */
export function mentionedVariables(file: string, text: string, candidates: Iterable<string>): VariableUse[] {
  const out: VariableUse[] = [];
  let lineStarts: number[] | undefined;
  for (const name of candidates) {
    const at = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).exec(text);
    if (!at) continue;
    lineStarts ??= lineStartsOf(text);
    out.push({ name, file, ...positionAt(lineStarts, at.index) });
  }
  return out;
}

/** A matcher for ignored variable names: exact names and globs (`GITHUB_*`). */
export function ignoredVariables(patterns: readonly string[]): (name: string) => boolean {
  const match = picomatch([...patterns]);
  return (name) => match(name);
}

export interface EnvAuditResult {
  /** Read in code, absent from the example file: one finding per variable, at its first read. */
  undocumented: Finding[];
  /** Documented, never read. */
  unused: Finding[];
}

/**
 * Compares what code reads with what the example file documents. `firstReads` holds one entry per
 * variable (the first read seen), so the comparison is linear in the number of variables.
 */
export function compareVariables(firstReads: ReadonlyMap<string, VariableUse>, documented: readonly VariableUse[], exampleFile: string, ignored: readonly string[], mentioned: readonly VariableUse[] = []): EnvAuditResult {
  const documentedNames = new Set([...documented, ...mentioned].map((variable) => variable.name));
  const ignore = ignoredVariables(ignored);
  const undocumented: Finding[] = [];
  for (const use of firstReads.values()) {
    if (documentedNames.has(use.name) || ignore(use.name)) continue;
    undocumented.push({ file: use.file, line: use.line, column: use.column, rule: 'env-undocumented', message: `${use.name} is read here but not documented in ${exampleFile}`, severity: 'medium' });
  }
  const unused: Finding[] = [];
  for (const variable of documented) {
    if (firstReads.has(variable.name)) continue;
    unused.push({ file: variable.file, line: variable.line, column: variable.column, rule: 'env-unused', message: `${variable.name} is documented but no code reads it`, severity: 'low' });
  }
  return { undocumented, unused };
}
