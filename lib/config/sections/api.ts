import { z } from 'zod';
import { httpMethodSchema, positiveMs, targetPath } from './common.ts';

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
  }).optional(),
});

export const apiSection = z.strictObject({
  /** OpenAPI document: a path relative to the config file, or a URL. */
  openapi: z.string().min(1).optional(),
  health: z.strictObject({ path: targetPath, budgetMs: positiveMs.default(1_000) }).optional(),
  readiness: z.strictObject({
    path: targetPath,
    /** Dot path to the components object in the readiness body. */
    componentsPath: z.string().default('components'),
    healthyValues: z.array(z.string()).default(['healthy', 'ok', 'up']),
  }).optional(),
  endpoints: z.array(endpointSchema).default([]),
}).default({ endpoints: [] });
