import type { OperationOverride } from '../config/sections/contracts.ts';
import { fillTemplate, type Variables } from '../http.ts';
import { operationLabel } from './operations.ts';
import type { SchemaSampler } from './samples.ts';
import { fillPathTemplate, serialiseParameter } from './serialize.ts';
import type { MediaInfo, OperationInfo, ParameterInfo } from './types.ts';

/** One concrete request for a documented operation, built as a client of the document would. */
export interface PlannedRequest {
  operation: OperationInfo;
  /** What varies, for check names: "symbol=UPSTREAM401". */
  variant: string;
  method: string;
  /** The path with its parameters filled in, the server's base path before it. */
  path: string;
  /** The query string, each parameter serialised by its style, without the "?". */
  query: string;
  headers: Record<string, string>;
  body?: unknown;
  /** Send credentials: the operation is secured (or the config says so). */
  auth: 'token' | 'none';
  /** What was made up from a schema for lack of an example: the request is not the document's own example. */
  sampled: string[];
}

export type RequestPlan = { requests: PlannedRequest[] } | { skipped: string };

export interface PlanOptions {
  /** Requests per operation: the base one, then one per further example. */
  maxVariants: number;
  /** Credentials for operations the document gives no security at all (api.contracts.defaultAuth). */
  defaultAuth?: 'token' | 'none';
  /** `${VAR}` values for the override's params, headers and body. */
  variables?: Variables;
  /** Schema-valid values for required parameters and bodies the document gives no example for. */
  sample?: SchemaSampler;
  /** The document's server path (`/v2`), put before every operation path. */
  basePath?: string;
  /** The config key of this operation, for messages. */
  key?: string;
}

/** The path and query a request is sent to. */
export function requestTarget(request: Pick<PlannedRequest, 'path' | 'query'>): string {
  return request.query ? `${request.path}?${request.query}` : request.path;
}

/** Fills `{name}` segments of a path template with scalar values, URL-encoded (the simple style). */
export function fillPath(template: string, values: Record<string, string | number | boolean>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(String(values[name] ?? '')));
}

/** Whether the gate sends credentials: the config's override, else the document, else api.contracts.defaultAuth. */
export function operationAuth(operation: OperationInfo, override: Partial<OperationOverride> | undefined, defaultAuth: 'token' | 'none' | undefined): 'token' | 'none' {
  if (override?.auth) return override.auth;
  if (operation.securityFrom === 'none') return defaultAuth ?? 'none';
  return operation.secured ? 'token' : 'none';
}

/** Overrides are keyed by operationId or by "METHOD /path/{template}". */
export function overrideFor(operation: OperationInfo, overrides: Record<string, OperationOverride>): OperationOverride | undefined {
  return overrides[operation.id] ?? overrides[operationLabel(operation)];
}

/** `api.contracts.operations["placeOrder"]`: the key that configures an operation, for messages. */
export function overrideKey(operation: OperationInfo, overrides: Record<string, OperationOverride> = {}): string {
  const key = overrides[operation.id] ? operation.id : overrides[operationLabel(operation)] ? operationLabel(operation) : operation.id;
  return `api.contracts.operations[${JSON.stringify(key)}]`;
}

function fixedValue(parameter: ParameterInfo, override: Partial<OperationOverride> | undefined): unknown {
  return override?.params?.[parameter.in]?.[parameter.name];
}

type Choice = { parameter: ParameterInfo; values: unknown[] };

/** The values a parameter is sent with, none for an optional one nobody gave a value for, or why it cannot be sent. */
function valuesFor(parameter: ParameterInfo, override: Partial<OperationOverride> | undefined, options: PlanOptions, sampled: string[]): unknown[] | string {
  if (override?.omit?.includes(parameter.name)) return [];
  const fixed = fixedValue(parameter, override);
  if (fixed !== undefined) return [fixed];
  if (parameter.examples.length > 0) return parameter.examples;
  // An optional parameter nobody gave a value for is left out, as a client leaves it out.
  if (!parameter.required) return [];
  if (parameter.schemaDefault !== undefined) return [parameter.schemaDefault];
  const made = parameter.schemaPointer && options.sample ? options.sample(parameter.schemaPointer) : { problem: 'it has no schema' };
  if ('value' in made) {
    sampled.push(parameter.name);
    return [made.value];
  }
  return `required ${parameter.in} parameter "${parameter.name}" has no example and ${made.problem}: give one in the document or in ${options.key}.params.${parameter.in}`;
}

const isJson = (mediaType: string) => /json/i.test(mediaType) || mediaType === '*/*';

/** The media type a client would send: JSON first, then a form, then text, then the first listed. */
function requestMedia(content: MediaInfo[]): MediaInfo | undefined {
  return content.find((m) => isJson(m.mediaType))
    ?? content.find((m) => /x-www-form-urlencoded/i.test(m.mediaType))
    ?? content.find((m) => /^text\//i.test(m.mediaType))
    ?? content[0];
}

/** A body as the media type carries it, or why the gate cannot build one. */
function encodeBody(mediaType: string, value: unknown): { data: unknown; contentType: string } | string {
  if (isJson(mediaType)) return { data: value, contentType: mediaType === '*/*' ? 'application/json' : mediaType };
  if (/x-www-form-urlencoded/i.test(mediaType) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const form = new URLSearchParams();
    for (const [key, item] of Object.entries(value)) {
      for (const one of Array.isArray(item) ? item : [item]) form.append(key, typeof one === 'object' ? JSON.stringify(one) : String(one));
    }
    return { data: form.toString(), contentType: mediaType };
  }
  if (typeof value === 'string') return { data: value, contentType: mediaType };
  if (/^text\//i.test(mediaType)) return { data: JSON.stringify(value), contentType: mediaType };
  return `its request body is ${mediaType}, which the contracts gate does not build from an object`;
}

/**
 * The requests that exercise an operation, as a client would send them: required parameters from
 * the document's examples (else its default, else a schema-valid value), optional ones only when
 * the document or the config gives a value, each serialised by its style. The first value of each
 * is the base request; each further example makes one more variant (bounded by maxVariants).
 */
export function planRequests(operation: OperationInfo, override: Partial<OperationOverride> | undefined, options: PlanOptions): RequestPlan {
  const key = options.key ?? overrideKey(operation);
  const opts = { ...options, key };
  if (override?.skip) return { skipped: override.skip };
  const filled = fillTemplate({ params: override?.params, headers: override?.headers ?? {}, body: override?.body }, options.variables ?? {});
  if (filled.missing.length > 0) {
    return { skipped: `${key} uses ${filled.missing.map((name) => `\${${name}}`).join(', ')}, which the environment does not set` };
  }
  const given = override ? { ...override, params: filled.value.params, headers: filled.value.headers, body: filled.value.body } : undefined;
  const sampled: string[] = [];
  const choices: Choice[] = [];
  for (const parameter of operation.parameters) {
    const values = valuesFor(parameter, given, opts, sampled);
    if (typeof values === 'string') return { skipped: values };
    if (values.length > 0) choices.push({ parameter, values });
  }
  const media = operation.requestBody ? requestMedia(operation.requestBody.content) : undefined;
  let bodies: unknown[] = given?.body !== undefined ? [given.body] : media?.examples ?? [];
  if (bodies.length === 0 && operation.requestBody?.required) {
    const made = media?.schemaPointer && options.sample ? options.sample(media.schemaPointer) : { problem: 'it has no schema' };
    if (!('value' in made)) return { skipped: `the request body is required, has no example and ${made.problem}: give one in the document or in ${key}.body` };
    sampled.push('body');
    bodies = [made.value];
  }
  const encoded: Array<{ data: unknown; contentType: string }> = [];
  for (const body of bodies) {
    const result = encodeBody(media?.mediaType ?? 'application/json', body);
    if (typeof result === 'string') return { skipped: `${result}: give ${key}.skip, or a body the gate can send` };
    encoded.push(result);
  }
  const auth = operationAuth(operation, override, options.defaultAuth);
  const build = (picks: Map<ParameterInfo, unknown>, body: (typeof encoded)[number] | undefined, variant: string): PlannedRequest => {
    const pathValues: Record<string, string> = {};
    const pairs: string[] = [];
    const cookies: string[] = [];
    const headers: Record<string, string> = { ...(given?.headers ?? {}) };
    for (const [parameter, value] of picks) {
      const out = serialiseParameter(parameter, value);
      if (out.in === 'path') pathValues[parameter.name] = out.text;
      else if (out.in === 'query') pairs.push(...out.pairs);
      else if (out.in === 'header') headers[parameter.name] = out.text;
      else cookies.push(out.text);
    }
    if (cookies.length > 0) headers.Cookie = cookies.join('; ');
    if (body) headers['Content-Type'] = body.contentType;
    const path = `${options.basePath ?? ''}${fillPathTemplate(operation.path, pathValues)}`;
    return { operation, variant, method: operation.method.toUpperCase(), path, query: pairs.join('&'), headers, body: body?.data, auth, sampled };
  };
  const base = new Map(choices.map(({ parameter, values }) => [parameter, values[0]]));
  const requests = [build(base, encoded[0], 'example')];
  for (const { parameter, values } of choices) {
    for (const value of values.slice(1)) {
      if (requests.length >= options.maxVariants) break;
      requests.push(build(new Map(base).set(parameter, value), encoded[0], `${parameter.name}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`));
    }
  }
  encoded.slice(1).forEach((body, index) => {
    if (requests.length < options.maxVariants) requests.push(build(base, body, `body example ${index + 2}`));
  });
  return { requests };
}
