import { z } from 'zod';
import { allowStateChangeInSchema, httpMethodSchema, removedKey, severitySchema, targetPath } from './common.ts';

const statusCode = z.number().int().min(100).max(599);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** A parameter value: serialised by the parameter's declared style (arrays as `a,b` or `x=a&x=b`). */
const parameterValue = z.union([scalar, z.array(scalar), z.record(z.string(), scalar)]);
const parameterValues = z.record(z.string(), parameterValue).optional();

const MUTATING_REMOVED = 'the contracts gate is read-only by default; list the environments where this operation may change state in allowStateChangeIn, e.g. allowStateChangeIn: [\'local\']';

/**
 * How the contracts gate calls one documented operation (keyed by operationId or "METHOD /path").
 * Strings in params, headers and body may use `${VAR}` (the environment, API_USER, API_PASSWORD).
 */
export const operationOverrideSchema = z.strictObject({
  /** Parameter values by location; they replace the document's examples (and send optional parameters). */
  params: z.strictObject({ path: parameterValues, query: parameterValues, header: parameterValues, cookie: parameterValues }).optional(),
  /** Optional parameters never sent, though the document gives an example for them. */
  omit: z.array(z.string().min(1)).default([]),
  /** Headers the document does not describe (a tenant, an API version). */
  headers: z.record(z.string(), z.string()).default({}),
  /** The request body; replaces the document's examples. */
  body: z.unknown().optional(),
  /** 'token': the operation needs credentials (sent, and probed by the auth check); 'none': public. Default: the document's security, else api.contracts.defaultAuth. */
  auth: z.enum(['token', 'none']).optional(),
  /** Environments where this state-changing operation may be sent (read-only by default). */
  allowStateChangeIn: allowStateChangeInSchema,
  /** Do not exercise it; the reason is shown in the coverage warning. */
  skip: z.string().min(1).optional(),
  mutating: removedKey(MUTATING_REMOVED),
});

export const errorMappingSchema = z.strictObject({
  name: z.string().min(1),
  method: httpMethodSchema.default('GET'),
  path: targetPath,
  expectStatus: statusCode,
  /** A POST, PUT, PATCH or DELETE mapping is sent only in the environments named here (read-only by default). */
  allowStateChangeIn: allowStateChangeInSchema,
});

export const corsSchema = z.strictObject({
  /** Path the preflights go to (default: the health path, else the first GET of api.endpoints, else "/"). */
  path: targetPath.optional(),
  /** Method asked for in Access-Control-Request-Method (a state-changing one is only asked for: its request is not sent). */
  method: httpMethodSchema.default('GET'),
  /** Other origins whose pages call this API and must be allowed (none by default: the target's own origin needs no CORS). */
  allowedOrigins: z.array(z.string().url()).default([]),
  /** Origins that must be refused. */
  disallowedOrigins: z.array(z.string().url()).min(1).default(['https://evil.example']),
});

/** Common debug and admin paths: an app that answers 2xx on one serves an undocumented endpoint. */
export const DEFAULT_PROBES = [
  '/api/internal/debug', '/api/debug', '/api/admin', '/api/internal', '/api/_debug',
  '/api/config', '/api/env', '/api/metrics', '/debug', '/admin', '/actuator', '/actuator/env', '/.env',
];

/**
 * The probe list: a whole list (replaces the defaults), or the defaults less `exclude` plus `add`,
 * so dropping one default never means copying the others.
 */
export const probesSchema = z.union([
  z.array(targetPath),
  z.strictObject({ exclude: z.array(targetPath).default([]), add: z.array(targetPath).default([]) }).superRefine((value, ctx) => {
    value.exclude.forEach((probe, index) => {
      if (!DEFAULT_PROBES.includes(probe)) ctx.addIssue({ code: 'custom', path: ['exclude', index], message: `must name a default probe (${DEFAULT_PROBES.join(', ')}), got ${JSON.stringify(probe)}` });
    });
  }),
]).transform((value) => (Array.isArray(value) ? value : [...new Set([...DEFAULT_PROBES.filter((probe) => !value.exclude.includes(probe)), ...value.add])]));

/** Statuses that count as a refusal; one number or a set. */
export const refusalStatusesSchema = z.union([statusCode, z.array(statusCode).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

export const contractsSchema = z.strictObject({
  /** Per-operation overrides, keyed by operationId or "METHOD /path/{template}". */
  operations: z.record(z.string(), operationOverrideSchema).default({}),
  /** Credentials for operations whose document gives no security at all (neither their own nor the root's). */
  defaultAuth: z.enum(['token', 'none']).optional(),
  /** Request variants per operation taken from the document's examples. */
  maxExamplesPerOperation: z.number().int().min(1).max(50).default(5),
  /** What a secured operation answers without valid credentials: any of these is a refusal. */
  unauthorizedStatus: refusalStatusesSchema.default([401, 403]),
  /** Paths tried with GET: any 2xx on a path the document does not list is an undocumented endpoint. */
  probes: probesSchema.default(DEFAULT_PROBES),
  probeSeverity: severitySchema.default('critical'),
  cors: corsSchema.default({ method: 'GET', allowedOrigins: [], disallowedOrigins: ['https://evil.example'] }),
  /** Upstream failures and the status the API must answer with. */
  errorMappings: z.array(errorMappingSchema).default([]),
  mutations: removedKey(`state-changing operations are never sent unless api.contracts.operations[...].allowStateChangeIn names the environment (read-only by default)`),
});

export const CONTRACTS_DEFAULTS = {
  operations: {}, maxExamplesPerOperation: 5, unauthorizedStatus: [401, 403],
  probes: DEFAULT_PROBES, probeSeverity: 'critical' as const,
  cors: { method: 'GET' as const, allowedOrigins: [], disallowedOrigins: ['https://evil.example'] }, errorMappings: [],
};

export type OperationOverride = z.output<typeof operationOverrideSchema>;
export type ContractsConfig = z.output<typeof contractsSchema>;
