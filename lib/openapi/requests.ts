import type { OperationOverride } from '../config/sections/api.ts';
import { operationLabel } from './operations.ts';
import type { OperationInfo, ParameterInfo } from './types.ts';

type Scalar = string | number | boolean;

/** One concrete request for a documented operation. */
export interface PlannedRequest {
  operation: OperationInfo;
  /** What varies, for check names: "symbol=UPSTREAM401". */
  variant: string;
  method: string;
  /** The path with its parameters filled in. */
  path: string;
  query: Record<string, Scalar>;
  headers: Record<string, string>;
  body?: unknown;
  /** Send credentials: the operation is secured (or the override says so). */
  auth: 'token' | 'none';
}

export type RequestPlan = { requests: PlannedRequest[] } | { skipped: string };

function asScalar(value: unknown): Scalar | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value === undefined || value === null ? undefined : JSON.stringify(value);
}

/** Fills `{name}` segments of a path template, URL-encoded. */
export function fillPath(template: string, values: Record<string, Scalar>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(String(values[name] ?? '')));
}

function overrideValue(parameter: ParameterInfo, override: OperationOverride | undefined): Scalar | undefined {
  const params = override?.params;
  if (!params) return undefined;
  if (parameter.in === 'path') return params.path?.[parameter.name];
  if (parameter.in === 'query') return params.query?.[parameter.name];
  if (parameter.in === 'header') return params.header?.[parameter.name];
  return undefined;
}

/**
 * The requests that exercise an operation: the first example of every parameter (and body) is
 * the base request; each further example makes one more variant, so every documented example is
 * sent once (bounded by maxVariants). Config overrides replace the examples they name.
 */
export function planRequests(operation: OperationInfo, override: OperationOverride | undefined, maxVariants: number): RequestPlan {
  if (override?.skip) return { skipped: override.skip };
  const choices: Array<{ parameter: ParameterInfo; values: Scalar[] }> = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'cookie') continue;
    const fixed = overrideValue(parameter, override);
    const values = fixed !== undefined ? [fixed] : parameter.examples.map(asScalar).filter((v): v is Scalar => v !== undefined);
    if (values.length === 0) {
      if (parameter.required) return { skipped: `required ${parameter.in} parameter "${parameter.name}" has no example: give one in the document or in api.contracts.operations["${operation.id}"].params` };
      continue;
    }
    choices.push({ parameter, values });
  }
  const jsonBody = operation.requestBody?.content.find((media) => /json/i.test(media.mediaType)) ?? operation.requestBody?.content[0];
  const bodies: unknown[] = override && 'body' in override && override.body !== undefined ? [override.body] : jsonBody?.examples ?? [];
  if (operation.requestBody?.required && bodies.length === 0) {
    return { skipped: `the request body is required and has no example: give one in the document or in api.contracts.operations["${operation.id}"].body` };
  }
  const auth = override?.auth ?? (operation.secured ? 'token' : 'none');
  const build = (picks: Map<ParameterInfo, Scalar>, body: unknown, variant: string): PlannedRequest => {
    const pathValues: Record<string, Scalar> = {};
    const query: Record<string, Scalar> = {};
    const headers: Record<string, string> = {};
    for (const [parameter, value] of picks) {
      if (parameter.in === 'path') pathValues[parameter.name] = value;
      else if (parameter.in === 'query') query[parameter.name] = value;
      else if (parameter.in === 'header') headers[parameter.name] = String(value);
    }
    if (body !== undefined && jsonBody) headers['Content-Type'] = jsonBody.mediaType;
    return { operation, variant, method: operation.method.toUpperCase(), path: fillPath(operation.path, pathValues), query, headers, body, auth };
  };
  const base = new Map(choices.map(({ parameter, values }) => [parameter, values[0]!]));
  const requests = [build(base, bodies[0], 'example')];
  for (const { parameter, values } of choices) {
    for (const value of values.slice(1)) {
      if (requests.length >= maxVariants) break;
      requests.push(build(new Map(base).set(parameter, value), bodies[0], `${parameter.name}=${String(value)}`));
    }
  }
  bodies.slice(1).forEach((body, index) => {
    if (requests.length < maxVariants) requests.push(build(base, body, `body example ${index + 2}`));
  });
  return { requests };
}

/** Overrides are keyed by operationId or by "METHOD /path/{template}". */
export function overrideFor(operation: OperationInfo, overrides: Record<string, OperationOverride>): OperationOverride | undefined {
  return overrides[operation.id] ?? overrides[operationLabel(operation)];
}

/** Config keys that name no documented operation (a typo would otherwise be silently ignored). */
export function unknownOverrideKeys(operations: OperationInfo[], overrides: Record<string, OperationOverride>): string[] {
  const known = new Set(operations.flatMap((operation) => [operation.id, operationLabel(operation)]));
  return Object.keys(overrides).filter((key) => !known.has(key));
}

/** Whether state-changing operations may be sent to this environment. */
export function mutationsAllowed(policy: 'always' | 'never' | 'non-production', environment: string): boolean {
  return policy === 'always' || (policy === 'non-production' && environment !== 'production');
}

/** Mutating operations first, so reads that follow see the data they created; otherwise document order. */
export function exerciseOrder<T extends OperationInfo>(operations: T[], overrides: Record<string, OperationOverride>): T[] {
  const mutating = (operation: T) => overrideFor(operation, overrides)?.mutating === true;
  return [...operations.filter(mutating), ...operations.filter((operation) => !mutating(operation))];
}
