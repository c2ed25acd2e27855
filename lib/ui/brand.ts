/** A term that must not appear in what users read (e.g. a competitor's or a retired product name). */
export interface ForbiddenTerm {
  term: string;
  /** Match the exact case only (e.g. "AI" but not "ai" inside "PaiiD"). */
  caseSensitive: boolean;
  /** Match whole words only, so a term inside a longer word is not a hit. */
  wholeWord: boolean;
}

export interface BrandRules {
  terms: readonly ForbiddenTerm[];
  /** Phrases allowed even though they contain a term (e.g. a legal notice); matched case-insensitively. */
  exceptions: readonly string[];
}

export interface BrandHit {
  term: string;
  /** The matched text as written, and a bounded slice of the text around it. */
  match: string;
  context: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Word boundaries that understand Unicode letters and digits (`\b` only knows ASCII). */
export function termPattern(term: ForbiddenTerm): RegExp {
  const body = escapeRegExp(term.term);
  const source = term.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(source, `gu${term.caseSensitive ? '' : 'i'}`);
}

/** Ranges of the text covered by an exception phrase: hits inside them are allowed. */
function exceptionRanges(text: string, exceptions: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const phrase of exceptions) {
    if (phrase === '') continue;
    for (const found of text.matchAll(new RegExp(escapeRegExp(phrase), 'giu'))) {
      ranges.push([found.index, found.index + found[0].length]);
    }
  }
  return ranges;
}

/** Every forbidden term in the text, with its context; an empty list means the text is clean. */
export function findForbiddenTerms(text: string, rules: BrandRules, contextChars = 40): BrandHit[] {
  const allowed = exceptionRanges(text, rules.exceptions);
  const hits: BrandHit[] = [];
  for (const term of rules.terms) {
    for (const found of text.matchAll(termPattern(term))) {
      const start = found.index;
      const end = start + found[0].length;
      if (allowed.some(([from, to]) => start >= from && end <= to)) continue;
      const context = text.slice(Math.max(0, start - contextChars), end + contextChars).replace(/\s+/g, ' ').trim();
      hits.push({ term: term.term, match: found[0], context });
    }
  }
  return hits;
}
