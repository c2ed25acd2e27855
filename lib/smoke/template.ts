/**
 * `${name}` templates for the critical path: values captured from one response feed the next
 * request. The grammar is the config's one (lib/http.ts); a missing variable is reported, never
 * silently emptied, and a string that is exactly one placeholder keeps the captured value's type.
 */
export { fillTemplate, referencedVariables, type Filled, type Variables } from '../http.ts';

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
