import { z } from 'zod';
import { httpMethodSchema, positiveMs, severitySchema, targetPath } from './common.ts';

export const endpointSchema = z.strictObject({
  name: z.string().min(1),
  method: httpMethodSchema.default('GET'),
  path: targetPath,
  expectStatus: z.number().int().min(100).max(599).default(200),
  /** The body must be JSON. */
  json: z.boolean().default(true),
  /** Every sample must answer within this budget. */
  budgetMs: positiveMs.default(1_000),
  samples: z.number().int().min(1).max(100).default(3),
  auth: z.boolean().default(false),
  /** A cached endpoint: the warm request must be served from cache within budget. */
  cache: z.strictObject({
    budgetMs: positiveMs.default(2_000),
    /** Header that says a response came from cache, and its value. */
    header: z.string().optional(),
    hitValue: z.string().default('HIT'),
    /** Without a header, "from cache" means warm latency <= cold latency x this ratio. */
    maxWarmRatio: z.number().positive().max(1).default(0.5),
  }).optional(),
});

const statusCode = z.number().int().min(100).max(599);

/** How the contracts gate calls one documented operation (keyed by operationId or "METHOD /path"). */
export const operationOverrideSchema = z.strictObject({
  /** Parameter values by location; they replace the document's examples. */
  params: z.strictObject({
    path: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    header: z.record(z.string(), z.string()).optional(),
  }).optional(),
  /** JSON request body; replaces the document's examples. */
  body: z.unknown().optional(),
  /** 'token' sends the captured token, 'none' nothing; default: 'token' when the operation is secured. */
  auth: z.enum(['token', 'none']).optional(),
  /** Changes state on the target: runs first (so reads see data) and never where mutations are off. */
  mutating: z.boolean().optional(),
  /** Do not exercise it; the reason is shown in the coverage warning. */
  skip: z.string().min(1).optional(),
});

export const errorMappingSchema = z.strictObject({
  name: z.string().min(1),
  method: httpMethodSchema.default('GET'),
  path: targetPath,
  expectStatus: statusCode,
});

export const corsSchema = z.strictObject({
  /** Path the preflights go to (default: the health path, else "/"). */
  path: targetPath.optional(),
  /** Method asked for in Access-Control-Request-Method. */
  method: httpMethodSchema.default('GET'),
  /** Origins that must be allowed (default: the target's own origin). */
  allowedOrigins: z.array(z.string().url()).default([]),
  /** Origins that must be refused. */
  disallowedOrigins: z.array(z.string().url()).min(1).default(['https://evil.example']),
});

/** Common debug and admin paths: an app that answers 2xx on one serves an undocumented endpoint. */
export const DEFAULT_PROBES = [
  '/api/internal/debug', '/api/debug', '/api/admin', '/api/internal', '/api/_debug',
  '/api/config', '/api/env', '/api/metrics', '/debug', '/admin', '/actuator', '/actuator/env', '/.env',
];

export const contractsSchema = z.strictObject({
  /** Per-operation overrides, keyed by operationId or "METHOD /path/{template}". */
  operations: z.record(z.string(), operationOverrideSchema).default({}),
  /** Where mutating operations may run. */
  mutations: z.enum(['always', 'never', 'non-production']).default('non-production'),
  /** Request variants per operation taken from the document's examples. */
  maxExamplesPerOperation: z.number().int().min(1).max(50).default(5),
  /** What a secured operation answers without valid credentials. */
  unauthorizedStatus: statusCode.default(401),
  /** Paths tried with GET: any 2xx on a path the document does not list is an undocumented endpoint. */
  probes: z.array(targetPath).default(DEFAULT_PROBES),
  probeSeverity: severitySchema.default('critical'),
  cors: corsSchema.default({ method: 'GET', allowedOrigins: [], disallowedOrigins: ['https://evil.example'] }),
  /** Upstream failures and the status the API must answer with. */
  errorMappings: z.array(errorMappingSchema).default([]),
});

const CONTRACTS_DEFAULTS = {
  operations: {}, mutations: 'non-production' as const, maxExamplesPerOperation: 5, unauthorizedStatus: 401,
  probes: DEFAULT_PROBES, probeSeverity: 'critical' as const,
  cors: { method: 'GET' as const, allowedOrigins: [], disallowedOrigins: ['https://evil.example'] }, errorMappings: [],
};

export const apiSection = z.strictObject({
  /** OpenAPI document: a path relative to the config file, or a URL. */
  openapi: z.string().min(1).optional(),
  health: z.strictObject({ path: targetPath, budgetMs: positiveMs.default(1_000) }).optional(),
  readiness: z.strictObject({
    path: targetPath,
    /** Dot path to the components object in the readiness body. */
    componentsPath: z.string().default('components'),
    /** Dot path of a component's status inside its entry (an entry that is a string is the status). */
    statusPath: z.string().default('status'),
    healthyValues: z.array(z.string()).default(['healthy', 'ok', 'up']),
    expectStatus: statusCode.default(200),
  }).optional(),
  endpoints: z.array(endpointSchema).default([]),
  /** The contracts gate: how documented operations are exercised, auth, CORS, error mapping, probes. */
  contracts: contractsSchema.default(CONTRACTS_DEFAULTS),
}).default({ endpoints: [], contracts: CONTRACTS_DEFAULTS });

export type EndpointConfig = z.output<typeof endpointSchema>;
export type OperationOverride = z.output<typeof operationOverrideSchema>;
export type ContractsConfig = z.output<typeof contractsSchema>;
