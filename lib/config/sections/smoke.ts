import { z } from 'zod';
import { allowStateChangeInSchema, environmentSchema, httpMethodSchema, levelSchema, positiveMs, removedKey, severitySchema, targetPath } from './common.ts';

const MUTATING_REMOVED = 'nothing that may change state is sent unless marked; list the environments where this step may run in allowStateChangeIn, e.g. allowStateChangeIn: [\'local\']';
const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a variable name (letters, digits, _)');
const statusCode = z.number().int().min(100).max(599);

export const EXPECTATION_OPERATORS = ['equals', 'notEquals', 'greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual', 'contains', 'approx', 'exists'] as const;

/**
 * One expectation on a response body: a dot path (`a.b[0]`, `[symbol=SPY].quantity`, `length`;
 * empty for the whole body) and exactly one operator. Expected values may use `${name}`
 * (captured or environment variables) and `+`/`-` between numbers: `${realized} + ${unrealized}`.
 */
export const bodyExpectationSchema = z.strictObject({
  path: z.string().default(''),
  equals: z.unknown().optional(),
  notEquals: z.unknown().optional(),
  greaterThan: z.union([z.number(), z.string()]).optional(),
  greaterOrEqual: z.union([z.number(), z.string()]).optional(),
  lessThan: z.union([z.number(), z.string()]).optional(),
  lessOrEqual: z.union([z.number(), z.string()]).optional(),
  /** Substring of a string, or an array item that matches this (partial) object or value. */
  contains: z.unknown().optional(),
  /** Numeric equality within `tolerance`. */
  approx: z.union([z.number(), z.string()]).optional(),
  tolerance: z.number().min(0).default(0.01),
  exists: z.boolean().optional(),
  /** Names of earlier steps this expectation is about: skipped when they were skipped or failed. */
  needs: z.array(z.string().min(1)).default([]),
  /** Shown in the check's name instead of the operator (e.g. "P&L reflects the order"). */
  label: z.string().min(1).optional(),
  severity: severitySchema.default('critical'),
}).superRefine((value, ctx) => {
  const operators = EXPECTATION_OPERATORS.filter((op) => value[op] !== undefined);
  if (operators.length !== 1) {
    ctx.addIssue({ code: 'custom', message: `must have exactly one of ${EXPECTATION_OPERATORS.join(', ')}, got ${operators.length === 0 ? 'none' : operators.join(', ')}` });
  }
});

/** A value taken from a response into a variable: a dot path, or the path with a default and a secret flag. */
export const captureSchema = z.union([
  z.string(),
  z.strictObject({
    path: z.string(),
    /** Used when the path is absent (e.g. a position that does not exist yet). */
    default: z.unknown().optional(),
    /** Redacted from every record (tokens). */
    secret: z.boolean().default(false),
  }),
]);

/** One request of the critical path through the API. */
export const apiStepSchema = z.strictObject({
  name: z.string().min(1),
  method: httpMethodSchema.default('GET'),
  /** Path on the API; `${name}` placeholders allowed. */
  path: targetPath,
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  /** 'token': the `api` fixture logs in with the auth section (or API_TOKEN). */
  auth: z.enum(['none', 'token']).default('none'),
  expectStatus: z.union([statusCode, z.array(statusCode).min(1)]).default(200),
  capture: z.record(variableName, captureSchema).default({}),
  expect: z.array(bodyExpectationSchema).default([]),
  /**
   * Environments where this step may change state. A POST, PUT, PATCH or DELETE step without it
   * is never sent (read-only by default), nor is any step under DRY_RUN=1.
   */
  allowStateChangeIn: allowStateChangeInSchema,
  mutating: removedKey(MUTATING_REMOVED),
  needs: z.array(z.string().min(1)).default([]),
  severity: severitySchema.default('critical'),
});

const uiBase = {
  /** Name of the check; defaults to the action and its selector. */
  name: z.string().min(1).optional(),
  /** This step changes state (it submits an order): it runs only in these environments, never under DRY_RUN=1. */
  allowStateChangeIn: allowStateChangeInSchema,
  mutating: removedKey(MUTATING_REMOVED),
  needs: z.array(z.string().min(1)).default([]),
  timeoutMs: positiveMs.optional(),
};

/** One declarative step of the critical path through the pages. Values may use `${name}`. */
export const uiStepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('goto'), path: targetPath, ...uiBase }),
  z.strictObject({ action: z.literal('fill'), selector: z.string().min(1), value: z.string(), ...uiBase }),
  z.strictObject({ action: z.literal('select'), selector: z.string().min(1), value: z.string(), ...uiBase }),
  z.strictObject({ action: z.literal('click'), selector: z.string().min(1), ...uiBase }),
  z.strictObject({ action: z.literal('expectText'), selector: z.string().min(1), text: z.string().min(1), ...uiBase }),
  z.strictObject({ action: z.literal('expectVisible'), selector: z.string().min(1), ...uiBase }),
]);

export const loadEndpointSchema = z.strictObject({
  name: z.string().min(1),
  method: httpMethodSchema.default('GET'),
  path: targetPath,
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  /** Answers with another status count as errors. */
  expectStatus: statusCode.default(200),
  /** A POST, PUT, PATCH or DELETE endpoint is loaded only in the environments named here. */
  allowStateChangeIn: allowStateChangeInSchema,
});

/** A budget on a load metric, as data: metric, comparison, limit, level. */
export const loadBudgetSchema = z.strictObject({
  metric: z.enum(['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'errorRatePercent', 'requestsPerSecond']),
  operator: z.enum(['<', '<=', '>', '>=']),
  value: z.number().min(0),
  level: levelSchema.default('error'),
});

const DEFAULT_BUDGETS = [
  { metric: 'latencyP95Ms' as const, operator: '<=' as const, value: 2_000, level: 'error' as const },
  { metric: 'errorRatePercent' as const, operator: '<' as const, value: 0.1, level: 'error' as const },
];

export const loadSection = z.strictObject({
  connections: z.number().int().min(1).max(500).default(50),
  durationSeconds: z.number().int().min(1).max(120).default(10),
  /** A request with no answer within this counts as an error. */
  requestTimeoutMs: positiveMs.default(10_000),
  endpoints: z.array(loadEndpointSchema).default([]),
  budgets: z.array(loadBudgetSchema).default(DEFAULT_BUDGETS),
  /** Environments the load runs in; production is left out unless named here. */
  environments: z.array(environmentSchema).default(['local', 'staging']),
  /** Hosts besides loopback and the configured API host that load may be sent to. */
  allowedHosts: z.array(z.string().min(1)).default([]),
});

const DEFAULT_LOAD = { connections: 50, durationSeconds: 10, requestTimeoutMs: 10_000, endpoints: [], budgets: DEFAULT_BUDGETS, environments: ['local' as const, 'staging' as const], allowedHosts: [] };

/** Which environment variable names each service; unset means "not configured": the check is skipped. */
export const infrastructureSection = z.strictObject({
  postgres: z.strictObject({ urlVariable: z.string().default('DATABASE_URL') }).default({ urlVariable: 'DATABASE_URL' }),
  redis: z.strictObject({ urlVariable: z.string().default('REDIS_URL') }).default({ urlVariable: 'REDIS_URL' }),
  docker: z.strictObject({ urlVariable: z.string().default('DOCKER_HOST') }).default({ urlVariable: 'DOCKER_HOST' }),
  /** Bound on each connection and each probe. */
  timeoutMs: positiveMs.default(5_000),
});

const DEFAULT_INFRASTRUCTURE = { postgres: { urlVariable: 'DATABASE_URL' }, redis: { urlVariable: 'REDIS_URL' }, docker: { urlVariable: 'DOCKER_HOST' }, timeoutMs: 5_000 };

/** The smoke gate: health, critical path (API and pages), load, infrastructure. */
export const smokeSection = z.strictObject({
  /** Body expectations on `api.health` (its status and budget come from the api section). */
  health: z.strictObject({ expect: z.array(bodyExpectationSchema).default([]) }).default({ expect: [] }),
  criticalPath: z.strictObject({
    api: z.array(apiStepSchema).default([]),
    ui: z.array(uiStepSchema).default([]),
  }).default({ api: [], ui: [] }),
  load: loadSection.default(DEFAULT_LOAD),
  infrastructure: infrastructureSection.default(DEFAULT_INFRASTRUCTURE),
}).superRefine((smoke, ctx) => {
  // `needs` must name an earlier step: a typo would silently never skip.
  for (const [kind, steps] of [['api', smoke.criticalPath.api], ['ui', smoke.criticalPath.ui]] as const) {
    const seen = new Set<string>();
    steps.forEach((step, index) => {
      const name = step.name;
      const needs = [...step.needs, ...('expect' in step ? step.expect.flatMap((e) => e.needs) : [])];
      for (const need of needs) {
        if (!seen.has(need)) ctx.addIssue({ code: 'custom', path: ['criticalPath', kind, index, 'needs'], message: `must name an earlier step of criticalPath.${kind}, got ${JSON.stringify(need)}` });
      }
      if (name !== undefined) {
        if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['criticalPath', kind, index, 'name'], message: `must be unique within criticalPath.${kind}, got ${JSON.stringify(name)} twice` });
        seen.add(name);
      }
    });
  }
}).default({ health: { expect: [] }, criticalPath: { api: [], ui: [] }, load: DEFAULT_LOAD, infrastructure: DEFAULT_INFRASTRUCTURE });

export type SmokeConfig = z.output<typeof smokeSection>;
export type ApiStep = z.output<typeof apiStepSchema>;
export type UiStep = z.output<typeof uiStepSchema>;
export type BodyExpectation = z.output<typeof bodyExpectationSchema>;
export type LoadBudget = z.output<typeof loadBudgetSchema>;
export type LoadEndpoint = z.output<typeof loadEndpointSchema>;
