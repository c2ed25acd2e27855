import type { z } from 'zod';

/** A user error in the config: printed as its message alone, never with a stack. */
export class ConfigError extends Error {
  readonly problems: string[];
  readonly file: string;
  constructor(file: string, problems: string[]) {
    super(`Invalid validation config ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
    this.file = file;
  }
}

/** `targets.api.endpoints[2].budgetMs` from a zod path. */
export function formatKeyPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One sentence per problem: key path, what was expected, what was found. */
export function formatConfigIssues(issues: ReadonlyArray<z.core.$ZodIssue>, input: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      lines.push(...formatConfigIssues(issue.errors.flat(), input));
      continue;
    }
    const key = formatKeyPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const unknownKey of issue.keys) {
        lines.push(`${formatKeyPath([...issue.path, unknownKey])} is not a known key`);
      }
      continue;
    }
    const found = describeValue(valueAt(input, issue.path));
    let expected: string;
    switch (issue.code) {
      case 'invalid_type': expected = `must be ${article(issue.expected)}`; break;
      case 'too_small': expected = issue.origin === 'array' ? `must have at least ${String(issue.minimum)} item(s)` : issue.origin === 'string' ? 'must not be empty' : `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`; break;
      case 'too_big': expected = `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`; break;
      case 'invalid_value': expected = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`; break;
      case 'invalid_format': expected = issue.format === 'regex' ? issue.message : `must be a valid ${issue.format}`; break;
      default: expected = issue.message;
    }
    if (issue.code === 'invalid_type' && issue.expected === 'number' && found !== 'nothing') expected = 'must be a number';
    // The schema's own sentences ("must start with ...") say it better than the generic ones.
    if (/^must /.test(issue.message)) expected = issue.message;
    lines.push(`${key} ${expected}, got ${found}`);
  }
  return lines;
}

function article(type: string): string {
  if (type === 'object' || type === 'array') return `an ${type}`;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
