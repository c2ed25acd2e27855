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

/**
 * The one `${NAME}` grammar of the config: auth.login, smoke.criticalPath, api.contracts.operations
 * (params, headers, body), health and readiness, load endpoints. NAME is a variable name (letters,
 * digits, _); its value comes from the environment (API_USER and API_PASSWORD fall back to the
 * auth section's defaults) or, on the critical path, from an earlier step's capture.
 */
export type Variables = Record<string, unknown>;

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const WHOLE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** Every variable a value refers to, deeply (object keys too). */
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
  /** Names that had no value: the caller reports them, never sends an empty string silently. */
  missing: string[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fills placeholders deeply. A string that is exactly one placeholder keeps the value's type (a number stays a number). */
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

/** Fills placeholders; a missing variable becomes empty (callers that must report it use fillTemplate). */
export function interpolate<T>(value: T, variables: Variables): T {
  return fillTemplate(value, variables).value;
}

/** The variables every `${NAME}` may use: the environment, with the auth section's default credentials. */
export function templateVariables(env: Record<string, string | undefined>, auth: { defaultUser?: string; defaultPassword?: string } | undefined): { variables: Variables; secrets: string[] } {
  const variables: Variables = { ...env, API_USER: env.API_USER ?? auth?.defaultUser, API_PASSWORD: env.API_PASSWORD ?? auth?.defaultPassword };
  const secrets = [variables.API_PASSWORD, env.API_TOKEN].filter((v): v is string => typeof v === 'string' && v !== '');
  return { variables, secrets };
}

/** Values of the variables a template uses whose names say they are secret: redacted wherever they appear. */
export function secretValues(template: unknown, variables: Variables): string[] {
  return [...referencedVariables(template)]
    .filter((name) => /pass|secret|token|key|credential/i.test(name))
    .map((name) => variables[name])
    .filter((value): value is string => typeof value === 'string' && value !== '');
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

/** A config value filled from the variables, or the sentence that names the key and what is missing. */
export function fillConfigValue<T>(value: T, variables: Variables, key: string): { value: T } | { problem: string } {
  const filled = fillTemplate(value, variables);
  if (filled.missing.length === 0) return { value: filled.value };
  return { problem: `${key} uses ${filled.missing.map((name) => `\${${name}}`).join(', ')}, which the environment does not set` };
}
