import type { LighthouseAssertionInput } from '../config/sections/a11y.ts';
import { detailItems, median, type LhrLike } from './lighthouseResult.ts';

/**
 * Lighthouse CI's assertion operators as a table: what each reads from a category or an audit,
 * and how it compares (lighthouse-ci packages/utils/src/assertions.js).
 */
export const ASSERTION_OPERATORS = {
  minScore: { comparator: '>=', compare: (actual: number, expected: number) => actual >= expected, read: (target: ScoredTarget) => target.score ?? undefined },
  maxNumericValue: { comparator: '<=', compare: (actual: number, expected: number) => actual <= expected, read: (target: ScoredTarget) => target.numericValue },
  maxLength: { comparator: '<=', compare: (actual: number, expected: number) => actual <= expected, read: (target: ScoredTarget) => target.length },
} as const;

export type AssertionOperator = keyof typeof ASSERTION_OPERATORS;

interface ScoredTarget {
  score?: number | null;
  numericValue?: number;
  length?: number;
}

export interface AssertionResult {
  /** `categories:performance`, `audits:largest-contentful-paint`... */
  key: string;
  level: 'error' | 'warn';
  operator: AssertionOperator;
  comparator: string;
  expected: number;
  /** The median over the runs that produced a value; undefined when none did. */
  actual: number | undefined;
  /** The value of each run, in run order. */
  values: (number | undefined)[];
  passed: boolean;
  /** One sentence: what was measured against what (the operation's name gives the key and route). */
  message: string;
}

function targetOf(lhr: LhrLike, key: string): ScoredTarget | undefined {
  const [kind, id = ''] = key.split(':');
  if (kind === 'categories') {
    const category = lhr.categories[id];
    return category ? { score: category.score } : undefined;
  }
  const audit = lhr.audits[id];
  if (!audit) return undefined;
  return { score: audit.score, numericValue: audit.numericValue, length: detailItems(audit)?.length };
}

function format(operator: AssertionOperator, value: number): string {
  if (operator === 'minScore') return value.toFixed(2);
  if (operator === 'maxNumericValue') return String(Math.round(value * 100) / 100);
  return String(value);
}

/**
 * Every assertion that is not `off`, each operator separately, against the median of its value
 * over the runs (Lighthouse CI's `median` aggregation). A value no run produced fails: an
 * assertion about something Lighthouse did not measure must not pass silently.
 */
export function evaluateAssertions(assertions: Readonly<Record<string, LighthouseAssertionInput>>, runs: readonly LhrLike[]): AssertionResult[] {
  const results: AssertionResult[] = [];
  for (const [key, assertion] of Object.entries(assertions)) {
    if (assertion === 'off' || assertion[0] === 'off') continue;
    const [level, options] = assertion;
    for (const operator of Object.keys(ASSERTION_OPERATORS) as AssertionOperator[]) {
      const expected = options[operator];
      if (expected === undefined) continue;
      const { comparator, compare, read } = ASSERTION_OPERATORS[operator];
      const values = runs.map((lhr) => {
        const target = targetOf(lhr, key);
        const value = target ? read(target) : undefined;
        return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
      });
      const actual = median(values.filter((v): v is number => v !== undefined));
      const passed = actual !== undefined && compare(actual, expected);
      const over = `${runs.length === 1 ? '1 run' : `the median of ${runs.length} runs`}`;
      const message = actual === undefined
        ? `${operator} was not measured in ${over} (is the category or audit enabled?), expected ${comparator} ${format(operator, expected)}`
        : `${operator} is ${format(operator, actual)} (${over}), expected ${comparator} ${format(operator, expected)}`;
      results.push({ key, level, operator, comparator, expected, actual, values, passed, message });
    }
  }
  return results;
}
