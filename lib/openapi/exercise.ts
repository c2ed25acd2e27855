import type { OperationOverride } from '../config/sections/contracts.ts';
import type { Variables } from '../http.ts';
import { stateChangeRefusal, type StateChangeContext } from '../stateChange.ts';
import { operationLabel } from './operations.ts';
import { operationAuth, overrideFor, overrideKey, planRequests, type PlannedRequest } from './requests.ts';
import type { SchemaSampler } from './samples.ts';
import type { OperationInfo } from './types.ts';

/**
 * Which documented operations the contracts gate sends, in which order, and why it leaves the
 * others out. Read-only by default: an operation that may change state goes out only where its
 * override's allowStateChangeIn names the environment (lib/stateChange.ts).
 */
export interface ExerciseSettings {
  overrides: Record<string, OperationOverride>;
  defaultAuth?: 'token' | 'none';
  context: StateChangeContext;
  maxVariants: number;
  variables?: Variables;
  sample?: SchemaSampler;
  basePath?: string;
}

export type Decision = { operation: OperationInfo; requests: PlannedRequest[] } | { operation: OperationInfo; skipped: string };

/** Why this operation must not be sent here, or undefined when it may (the configured login may always). */
export function stateChangeRefusalFor(operation: OperationInfo, overrides: Record<string, OperationOverride>, context: StateChangeContext, basePath = ''): string | undefined {
  const login = context.login;
  const isLogin = login !== undefined && login.method.toUpperCase() === operation.method.toUpperCase() && [operation.path, `${basePath}${operation.path}`].includes(login.path);
  return stateChangeRefusal(isLogin ? undefined : operation.changesState, overrideFor(operation, overrides)?.allowStateChangeIn, context, overrideKey(operation, overrides));
}

/** Writes first (so reads see the data they made), then reads, deletions last; document order within each. */
function rank(operation: OperationInfo): number {
  if (operation.method === 'delete') return 2;
  return operation.changesState ? 0 : 1;
}

function decide(operation: OperationInfo, settings: ExerciseSettings, maxVariants: number): Decision {
  const override = overrideFor(operation, settings.overrides);
  if (override?.skip) return { operation, skipped: override.skip };
  const refusal = stateChangeRefusalFor(operation, settings.overrides, settings.context, settings.basePath);
  if (refusal) return { operation, skipped: refusal };
  const plan = planRequests(operation, override, { ...settings, maxVariants, key: overrideKey(operation, settings.overrides) });
  return 'skipped' in plan ? { operation, skipped: plan.skipped } : { operation, requests: plan.requests };
}

/** Every documented operation: its requests, or why it is not sent. */
export function planExercise(operations: OperationInfo[], settings: ExerciseSettings): Decision[] {
  const ordered = operations.map((operation, index) => ({ operation, index })).sort((a, b) => rank(a.operation) - rank(b.operation) || a.index - b.index);
  return ordered.map(({ operation }) => decide(operation, settings, settings.maxVariants));
}

/**
 * The operations the auth check must probe (those that need credentials, by the document, the
 * config's override or api.contracts.defaultAuth), each with one request or why it cannot be
 * probed. Probing a state-changing operation without credentials is itself a request that could
 * change data (when the API lets it through), so it follows the same read-only rule.
 */
export function planAuthProbes(operations: OperationInfo[], settings: ExerciseSettings): Decision[] {
  return operations
    .filter((operation) => operationAuth(operation, overrideFor(operation, settings.overrides), settings.defaultAuth) === 'token')
    .map((operation) => decide(operation, settings, 1));
}

/** "POST /api/orders (why); GET /x (why)": the operations left out, for a coverage warning. */
export function describeSkipped(decisions: Decision[]): string {
  return decisions.flatMap((d) => ('skipped' in d ? [`${operationLabel(d.operation)} (${d.skipped})`] : [])).join('; ');
}

/**
 * Config mistakes in api.contracts.operations: a key that names no operation, a parameter the
 * operation does not have, a required parameter omitted, allowStateChangeIn on an operation that
 * changes nothing. Each would otherwise be silently ignored.
 */
export function overrideProblems(operations: OperationInfo[], overrides: Record<string, OperationOverride>): string[] {
  const problems: string[] = [];
  for (const [key, override] of Object.entries(overrides)) {
    const where = `api.contracts.operations[${JSON.stringify(key)}]`;
    const operation = operations.find((candidate) => candidate.id === key || operationLabel(candidate) === key);
    if (!operation) {
      problems.push(`${where} matches no operationId or "METHOD /path" of the document`);
      continue;
    }
    for (const location of ['path', 'query', 'header', 'cookie'] as const) {
      for (const name of Object.keys(override.params?.[location] ?? {})) {
        if (!operation.parameters.some((p) => p.in === location && p.name === name)) {
          problems.push(`${where}.params.${location}.${name} names no ${location} parameter of ${operationLabel(operation)}`);
        }
      }
    }
    for (const name of override.omit) {
      const parameter = operation.parameters.find((p) => p.name === name);
      if (!parameter) problems.push(`${where}.omit names "${name}", which is no parameter of ${operationLabel(operation)}`);
      else if (parameter.required) problems.push(`${where}.omit names "${name}", a required ${parameter.in} parameter: a client cannot leave it out`);
    }
    if (override.allowStateChangeIn && !operation.changesState) {
      problems.push(`${where}.allowStateChangeIn is set, but ${operationLabel(operation)} does not change state (it is sent anyway)`);
    }
  }
  return problems;
}

/**
 * The document's server path (`/v2` of `https://api.example/v2`) that operation paths are relative
 * to, unless the API URL already ends with it (API_URL=https://api.example/v2).
 */
export function requestBasePath(servers: Array<{ url: string }> | undefined, apiUrl: string): string {
  const url = servers?.[0]?.url;
  if (!url) return '';
  let serverPath: string;
  let apiPath: string;
  try {
    serverPath = new URL(url, 'http://placeholder.invalid').pathname.replace(/\/+$/, '');
    apiPath = new URL(apiUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
  if (serverPath === '' || apiPath.endsWith(serverPath)) return '';
  return serverPath;
}

/**
 * A probe without credentials that is redirected to another page (a login page: `302 Location:
 * /login?next=...`) was not served, which is what a refusal means; a redirect to the same path
 * (a trailing slash, a canonical host) says nothing, and neither does one without a Location.
 */
export function redirectsAway(result: { status: number; url: string; headers: Record<string, string> }): boolean {
  if (result.status < 300 || result.status >= 400) return false;
  const location = result.headers.location;
  if (!location) return false;
  let to: URL;
  try {
    to = new URL(location, result.url);
  } catch {
    return false;
  }
  const from = new URL(result.url);
  const trim = (pathname: string) => pathname.replace(/\/+$/, '') || '/';
  return trim(to.pathname) !== trim(from.pathname);
}
