import { fillPath } from '../openapi/requests.ts';
import { serverBasePath } from '../openapi/matcher.ts';
import { listOperations } from '../openapi/operations.ts';
import type { JsonObject, OpenApiDocument, OperationInfo } from '../openapi/types.ts';

/** How the API authenticates, as far as its document says. */
export type AuthKind = 'none' | 'bearer' | 'token' | 'api-key' | 'basic' | 'unsupported';

export interface AuthDraft {
  kind: AuthKind;
  /** The scheme's name in the document. */
  scheme?: string;
  /** Header carrying the credential, and the word before it (`Bearer`, `Token`, '' for a bare key). */
  header: string;
  prefix: string;
  /** A login operation that answers with a token, when the document has one. */
  login?: { method: string; path: string; body: Record<string, string>; tokenPath: string };
  /** What a person still has to do. */
  note?: string;
}

export interface EndpointDraft {
  name: string;
  path: string;
  auth: boolean;
  json: boolean;
  expectStatus: number;
}

export interface ApiDiscovery {
  title?: string;
  operations: number;
  /** The API's origin and base path when the document's server is absolute and not the site. */
  apiUrl?: string;
  health?: string;
  readiness?: string;
  endpoints: EndpointDraft[];
  auth: AuthDraft;
  /** Operations the data-flows gate cannot call without values (path parameters with no example). */
  needValues: string[];
}

const HEALTH = /\/(health|healthz|healthcheck|health-check|livez|liveness|ping|status)\/?$/i;
const READINESS = /\/(ready|readyz|readiness|health\/ready(iness)?)\/?$/i;
const LOGIN = /\/(login|log-in|signin|sign-in|auth\/token|token|session|sessions|authenticate)\/?$/i;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function at(document: unknown, pointer: string | undefined): unknown {
  if (!pointer?.startsWith('#')) return undefined;
  let node = document;
  for (const raw of pointer.slice(1).split('/').filter(Boolean)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function propertiesOf(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const own = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]).flatMap(propertiesOf) : []));
  return [...own, ...parts];
}

function jsonSchema(dereferenced: OpenApiDocument, media: OperationInfo['responses'][number]['content']): unknown {
  const json = media.find((m) => /json/i.test(m.mediaType));
  return json ? at(dereferenced, json.schemaPointer) : undefined;
}

/** A POST that takes a user and a password and answers with a token: what `auth.login` calls. */
function findLogin(operations: OperationInfo[], dereferenced: OpenApiDocument, base: string): AuthDraft['login'] {
  for (const operation of operations) {
    if (operation.method !== 'post' || operation.secured || !LOGIN.test(operation.path)) continue;
    const fields = propertiesOf(jsonSchema(dereferenced, operation.requestBody?.content ?? []));
    const user = fields.find((f) => /^(username|user|login|email|user_?name)$/i.test(f));
    const password = fields.find((f) => /^(password|pass|passwd|secret)$/i.test(f));
    if (!user || !password) continue;
    const ok = operation.responses.find((r) => /^2/.test(r.status));
    const answers = propertiesOf(jsonSchema(dereferenced, ok?.content ?? []));
    const tokenPath = answers.find((f) => /^(token|access_?token|accessToken|jwt|id_?token)$/i.test(f)) ?? 'token';
    return { method: 'POST', path: `${base}${operation.path}`, body: { [user]: '${API_USER}', [password]: '${API_PASSWORD}' }, tokenPath };
  }
  return undefined;
}

/** The first security scheme the document requires, read into a header and a prefix. */
function discoverAuth(document: OpenApiDocument, operations: OperationInfo[], dereferenced: OpenApiDocument, base: string): AuthDraft {
  const schemes = isObject(document.components?.securitySchemes) ? (document.components.securitySchemes as Record<string, JsonObject>) : {};
  const used = (document.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const opRequirements = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item ?? {}).flatMap((op) => (isObject(op) && Array.isArray(op.security) ? (op.security as Array<Record<string, unknown>>).flatMap((r) => Object.keys(r)) : [])));
  const name = [...used, ...opRequirements].find((n) => schemes[n]) ?? Object.keys(schemes)[0];
  if (!name || !operations.some((op) => op.secured)) return { kind: 'none', header: 'Authorization', prefix: 'Bearer' };
  const scheme = schemes[name] ?? {};
  const type = String(scheme.type ?? '').toLowerCase();
  const httpScheme = String(scheme.scheme ?? '').toLowerCase();
  const login = findLogin(operations, dereferenced, base);
  if (type === 'http' && httpScheme === 'basic') return { kind: 'basic', scheme: name, header: 'Authorization', prefix: 'Basic', note: 'set API_USER and API_PASSWORD in the environment (sent as HTTP basic credentials)' };
  if ((type === 'http' && httpScheme === 'bearer') || type === 'oauth2' || type === 'openidconnect') {
    return { kind: 'bearer', scheme: name, header: 'Authorization', prefix: 'Bearer', login, note: login ? 'set API_USER and API_PASSWORD (the login operation returns the token)' : 'set API_TOKEN to a valid token' };
  }
  if (type === 'http' && httpScheme) {
    const prefix = httpScheme.charAt(0).toUpperCase() + httpScheme.slice(1);
    return { kind: 'token', scheme: name, header: 'Authorization', prefix, login, note: login ? 'set API_USER and API_PASSWORD' : 'set API_TOKEN' };
  }
  if (type === 'apikey' && String(scheme.in).toLowerCase() === 'header' && typeof scheme.name === 'string') {
    // `Authorization: Token <key>` (Django REST framework and kin) is an API key whose description names the word.
    const word = scheme.name.toLowerCase() === 'authorization' ? (/\b(token|bearer)\b/i.exec(String(scheme.description ?? ''))?.[1] ?? 'Token') : '';
    const prefix = word ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : '';
    return { kind: word ? 'token' : 'api-key', scheme: name, header: scheme.name, prefix, login, note: 'set API_TOKEN to the key' };
  }
  return { kind: 'unsupported', scheme: name, header: 'Authorization', prefix: 'Bearer', note: `the ${type || 'unknown'} scheme "${name}" (in ${String(scheme.in ?? 'n/a')}) is not one the api fixture sends: configure auth by hand` };
}

function firstExample(operation: OperationInfo, name: string): string | number | boolean | undefined {
  const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
  const value = parameter?.examples.find((v) => ['string', 'number', 'boolean'].includes(typeof v));
  return value as string | number | boolean | undefined;
}

/**
 * What init reads from an OpenAPI document: the GET endpoints the data-flows gate can call as they
 * are (path parameters filled from the document's examples), health and readiness, and the
 * security scheme. `maxEndpoints` bounds the list; the contracts gate still exercises every operation.
 */
export function discoverApi(document: OpenApiDocument, dereferenced: OpenApiDocument, siteUrl: URL, maxEndpoints = 15): ApiDiscovery {
  const operations = listOperations(document);
  const base = serverBasePath(document.servers);
  const info = isObject(document.info) ? document.info : {};
  const result: ApiDiscovery = { title: typeof info.title === 'string' ? info.title : undefined, operations: operations.length, endpoints: [], auth: discoverAuth(document, operations, dereferenced, base), needValues: [] };
  const server = document.servers?.[0]?.url;
  if (server && /^https?:\/\//i.test(server)) {
    const origin = new URL(server).origin;
    if (origin !== siteUrl.origin) result.apiUrl = origin;
  }
  for (const operation of operations) {
    if (operation.method !== 'get') continue;
    const required = operation.parameters.filter((p) => p.required && p.in !== 'path' && p.in !== 'header');
    const pathNames = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const values = Object.fromEntries(pathNames.map((name) => [name, firstExample(operation, name)]));
    if (Object.values(values).some((v) => v === undefined) || required.length > 0) {
      result.needValues.push(`GET ${operation.path}`);
      continue;
    }
    const fullPath = `${base}${fillPath(operation.path, values as Record<string, string | number | boolean>)}`;
    if (!result.health && HEALTH.test(operation.path) && !operation.secured) {
      result.health = fullPath;
      continue;
    }
    if (!result.readiness && READINESS.test(operation.path) && !operation.secured) {
      result.readiness = fullPath;
      continue;
    }
    const ok = operation.responses.find((r) => /^2\d\d$/.test(r.status));
    const json = ok ? ok.content.some((m) => /json/i.test(m.mediaType)) : true;
    result.endpoints.push({ name: operation.id, path: fullPath, auth: operation.secured, json, expectStatus: ok ? Number(ok.status) : 200 });
  }
  result.endpoints = result.endpoints.slice(0, maxEndpoints);
  return result;
}
