/**
 * `${name}` templates for the critical path: values captured from one response feed the next
 * request. Unlike lib/http's interpolate, a missing variable is reported, never silently emptied,
 * and a string that is exactly one placeholder keeps the captured value's type (a number stays a number).
 */
export type Variables = Record<string, unknown>;

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const WHOLE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** Every variable a value refers to, deeply. */
export function referencedVariables(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    for (const match of value.matchAll(PLACEHOLDER)) into.add(match[1] ?? '');
  } else if (Array.isArray(value)) {
    for (const item of value) referencedVariables(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      referencedVariables(key, into);
      referencedVariables(item, into);
    }
  }
  return into;
}

export interface Filled<T> {
  value: T;
  missing: string[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fills placeholders deeply; `missing` lists the names that had no value. */
export function fillTemplate<T>(value: T, variables: Variables): Filled<T> {
  const missing = new Set<string>();
  const fill = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const whole = WHOLE.exec(item);
      if (whole) {
        const name = whole[1] ?? '';
        if (variables[name] === undefined) missing.add(name);
        return variables[name] ?? '';
      }
      return item.replace(PLACEHOLDER, (_m, name: string) => {
        if (variables[name] === undefined) {
          missing.add(name);
          return '';
        }
        return text(variables[name]);
      });
    }
    if (Array.isArray(item)) return item.map(fill);
    if (item && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([k, v]) => [fill(k) as string, fill(v)]));
    return item;
  };
  return { value: fill(value) as T, missing: [...missing] };
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?`;
const SUM = new RegExp(`^\\s*${NUMBER}(?:\\s*[+-]\\s*${NUMBER})*\\s*$`, 'i');

/**
 * A filled expected value: numbers joined by `+` and `-` are added up (the only arithmetic a
 * declared expectation needs: "total = realized + unrealized"); anything else is returned as is.
 */
export function evaluateSum(value: unknown): unknown {
  if (typeof value !== 'string' || !SUM.test(value)) return value;
  const [first, ...rest] = value.replace(/\s+/g, '').split(new RegExp(`(?<=\\d)([+-])`));
  let sum = Number(first);
  for (let i = 0; i + 1 < rest.length; i += 2) sum += rest[i] === '-' ? -Number(rest[i + 1]) : Number(rest[i + 1]);
  // Float noise (0.1 + 0.2) would fail an exact money comparison.
  return Math.round(sum * 1e9) / 1e9;
}
