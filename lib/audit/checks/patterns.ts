import type { Severity } from '../../risk/types.ts';
import { globMatcher, lineStartsOf, positionAt, type Finding, type PathMatcher } from '../findings.ts';

/** A regular expression searched in files, with what it means when found. */
export interface PatternRule {
  id: string;
  regex: RegExp;
  message: string;
  severity: Severity;
  applies: PathMatcher;
}

export interface DeprecatedRuleInput {
  pattern: string;
  message: string;
  files: string[];
  severity: Severity;
  requires?: { package: string; range: string };
}

/**
 * Deprecated-API rules from the config: multiline, so `^` anchors at each line. A rule that
 * requires a package version applies only where `declared` says the repository is on it.
 */
export function deprecatedRules(rules: readonly DeprecatedRuleInput[], declared?: (pkg: string, range: string) => boolean): PatternRule[] {
  return rules.filter((rule) => !rule.requires || (declared?.(rule.requires.package, rule.requires.range) ?? true)).map((rule) => ({
    id: `deprecated:${rule.pattern}`,
    regex: new RegExp(rule.pattern, 'gm'),
    message: rule.message,
    severity: rule.severity,
    applies: globMatcher(rule.files),
  }));
}

/**
 * Every match of the rules that apply to the file. The whole text is searched first; line numbers
 * are computed only for files that match (most do not).
 */
export function scanPatterns(file: string, text: string, rules: readonly PatternRule[]): Finding[] {
  const findings: Finding[] = [];
  let lineStarts: number[] | undefined;
  for (const rule of rules) {
    if (!rule.applies(file)) continue;
    rule.regex.lastIndex = 0;
    for (const match of text.matchAll(rule.regex)) {
      lineStarts ??= lineStartsOf(text);
      const at = positionAt(lineStarts, match.index ?? 0);
      findings.push({ file, ...at, rule: rule.id, message: `${rule.message} (found "${match[0].trim().slice(0, 60)}")`, severity: rule.severity });
      if (match[0].length === 0) break;
    }
  }
  return findings;
}

export interface ForbiddenTermInput {
  term: string;
  caseSensitive: boolean;
  wholeWord: boolean;
  message?: string | undefined;
}

export interface BrandingException {
  files: string;
  terms?: string[] | undefined;
}

/** Forbidden brand terms as pattern rules; an exception lifts a term (or all) in matching files. */
export function brandingRules(terms: readonly ForbiddenTermInput[], files: readonly string[], exceptions: readonly BrandingException[]): PatternRule[] {
  const inScope = globMatcher(files);
  const lifted = exceptions.map((exception) => ({ matches: globMatcher([exception.files]), terms: exception.terms }));
  return terms.map((term) => {
    const escaped = term.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Word boundaries that also work next to non-word characters at the term's ends.
    const source = term.wholeWord ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped;
    const isLifted = (file: string) => lifted.some((exception) => exception.matches(file) && (!exception.terms || exception.terms.includes(term.term)));
    return {
      id: `brand:${term.term}`,
      regex: new RegExp(source, term.caseSensitive ? 'gu' : 'giu'),
      message: term.message ?? `forbidden brand term "${term.term}" in user-facing source`,
      severity: 'medium',
      applies: (file: string) => inScope(file) && !isLifted(file),
    } satisfies PatternRule;
  });
}
