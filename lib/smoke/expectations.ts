import type { BodyExpectation } from '../config/sections/smoke.ts';
import { EXPECTATION_OPERATORS } from '../config/sections/smoke.ts';
import { evaluateSum, fillTemplate, referencedVariables, type Variables } from './template.ts';

/**
 * A value in a JSON body by path: `a.b`, `items[0].id`, `[symbol=SPY].quantity` (the first array
 * item whose field equals the value), `length`; '' or '$' is the whole body.
 */
export function resolvePath(body: unknown, path: string): unknown {
  const trimmed = path.trim();
  if (trimmed === '' || trimmed === '$') return body;
  const parts = trimmed.match(/\[[^\]]*\]|[^.[\]]+/g) ?? [];
  let current: unknown = body;
  for (const part of parts) {
    if (current === null || current === undefined) return undefined;
    const filter = /^\[([^=\]]+)=([^\]]*)\]$/.exec(part);
    if (filter) {
      if (!Array.isArray(current)) return undefined;
      const [, key = '', wanted = ''] = filter;
      current = current.find((item) => item !== null && typeof item === 'object' && String((item as Record<string, unknown>)[key.trim()]) === wanted.trim());
      continue;
    }
    const key = part.startsWith('[') ? part.slice(1, -1) : part;
    if (typeof current !== 'object' && !(typeof current === 'string' && key === 'length')) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export type Operator = (typeof EXPECTATION_OPERATORS)[number];

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function looselyEqual(actual: unknown, expected: unknown): boolean {
  const a = asNumber(actual);
  const e = asNumber(expected);
  if ((typeof actual === 'number' || typeof expected === 'number') && a !== undefined && e !== undefined) return a === e;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** `expected` matches `actual` when every field of expected is present and equal in actual. */
function partialMatch(actual: unknown, expected: unknown): boolean {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([key, value]) => partialMatch((actual as Record<string, unknown>)[key], value));
  }
  return looselyEqual(actual, expected);
}

type Compare = (actual: unknown, expected: unknown, tolerance: number) => boolean;
const numeric = (test: (a: number, e: number) => boolean): Compare => (actual, expected) => {
  const a = asNumber(actual);
  const e = asNumber(expected);
  return a !== undefined && e !== undefined && test(a, e);
};

/** The operator table: how each declared operator compares, and how it reads in a check name. */
export const OPERATORS: Record<Operator, { symbol: string; compare: Compare }> = {
  equals: { symbol: '=', compare: (a, e) => looselyEqual(a, e) },
  notEquals: { symbol: '!=', compare: (a, e) => a !== undefined && !looselyEqual(a, e) },
  greaterThan: { symbol: '>', compare: numeric((a, e) => a > e) },
  greaterOrEqual: { symbol: '>=', compare: numeric((a, e) => a >= e) },
  lessThan: { symbol: '<', compare: numeric((a, e) => a < e) },
  lessOrEqual: { symbol: '<=', compare: numeric((a, e) => a <= e) },
  approx: { symbol: '≈', compare: (a, e, tolerance) => numeric((x, y) => Math.abs(x - y) <= tolerance + 1e-9)(a, e, tolerance) },
  contains: {
    symbol: 'contains',
    compare: (a, e) => (typeof a === 'string' ? a.includes(typeof e === 'string' ? e : JSON.stringify(e)) : Array.isArray(a) && a.some((item) => partialMatch(item, e))),
  },
  exists: { symbol: 'exists', compare: (a, e) => (a !== undefined && a !== null) === Boolean(e) },
};

export function operatorOf(expectation: BodyExpectation): Operator {
  const found = EXPECTATION_OPERATORS.find((op) => expectation[op] !== undefined);
  if (!found) throw new Error(`expectation on "${expectation.path}" has no operator`);
  return found;
}

/** Variables an expectation refers to in its expected value. */
export function expectationVariables(expectation: BodyExpectation): string[] {
  return [...referencedVariables(expectation[operatorOf(expectation)])];
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** "totalPnl ≈ ${realizedPnl} + ${unrealizedPnl}": stable across runs (uses the declared, unfilled value). */
export function describeExpectation(expectation: BodyExpectation): string {
  const op = operatorOf(expectation);
  const declared = expectation[op];
  const rendered = typeof declared === 'string' ? declared : show(declared);
  const base = `${expectation.path || 'body'} ${OPERATORS[op].symbol} ${rendered}${op === 'approx' ? ` ±${expectation.tolerance}` : ''}`;
  return expectation.label ? `${expectation.label} (${base})` : base;
}

export interface ExpectationResult {
  name: string;
  passed: boolean;
  /** What was expected and what was found, for the failure message. */
  message: string;
  actual: unknown;
  expected: unknown;
  missing: string[];
}

/** Checks one expectation against a parsed body; variables fill `${name}` in the expected value. */
export function evaluateExpectation(expectation: BodyExpectation, body: unknown, variables: Variables): ExpectationResult {
  const op = operatorOf(expectation);
  const name = describeExpectation(expectation);
  const filled = fillTemplate(expectation[op], variables);
  const expected = evaluateSum(filled.value);
  const actual = resolvePath(body, expectation.path);
  if (filled.missing.length > 0) {
    return { name, passed: false, actual, expected, missing: filled.missing, message: `cannot check ${name}: no value for ${filled.missing.map((m) => `\${${m}}`).join(', ')}` };
  }
  const passed = OPERATORS[op].compare(actual, expected, expectation.tolerance);
  const where = expectation.path ? `"${expectation.path}"` : 'the body';
  const message = passed
    ? `${where} is ${show(actual)}`
    : `expected ${where} ${OPERATORS[op].symbol} ${show(expected)}${op === 'approx' ? ` (±${expectation.tolerance})` : ''}, got ${actual === undefined ? 'nothing (path absent)' : show(actual)}`;
  return { name, passed, actual, expected, missing: [], message };
}
