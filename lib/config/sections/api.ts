import { z } from 'zod';
import { allowStateChangeInSchema, httpMethodSchema, positiveMs, targetPath } from './common.ts';
import { CONTRACTS_DEFAULTS, contractsSchema } from './contracts.ts';

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
  /** A POST, PUT, PATCH or DELETE endpoint is sent only in the environments named here (read-only by default). */
  allowStateChangeIn: allowStateChangeInSchema,
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

export const apiSection = z.strictObject({
  /** OpenAPI document: a path relative to the config file, or a URL. */
  openapi: z.string().min(1).optional(),
  /**
   * Headers sent when the document is a URL behind the application's login (Jupyter's
   * `/api/spec.yaml`): `{ Authorization: 'token ${NOTEBOOK_TOKEN}' }`. Values may use `${VAR}`.
   */
  openapiHeaders: z.record(z.string().min(1), z.string()).default({}),
  /** `path` may use `${VAR}`; `auth: true` sends the token (a health check behind the login). */
  health: z.strictObject({ path: targetPath, budgetMs: positiveMs.default(1_000), auth: z.boolean().default(false) }).optional(),
  readiness: z.strictObject({
    path: targetPath,
    auth: z.boolean().default(false),
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
}).default({ openapiHeaders: {}, endpoints: [], contracts: CONTRACTS_DEFAULTS });

export type EndpointConfig = z.output<typeof endpointSchema>;
export { DEFAULT_PROBES, type ContractsConfig, type OperationOverride } from './contracts.ts';
