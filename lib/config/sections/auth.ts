import { z } from 'zod';
import { httpMethodSchema, targetPath } from './common.ts';

/**
 * How the `api` fixture authenticates: a login request whose token is captured,
 * or a static token taken from the environment (`API_TOKEN`).
 */
export const authSection = z.strictObject({
  login: z.strictObject({
    method: httpMethodSchema.default('POST'),
    path: targetPath,
    /** Request body; `${VAR}` placeholders are filled from the environment. */
    body: z.record(z.string(), z.unknown()),
    /** Dot path of the token in the response body. */
    tokenPath: z.string().min(1).default('token'),
  }).optional(),
  /** Header and scheme used to send the token. */
  header: z.string().default('Authorization'),
  scheme: z.string().default('Bearer'),
  /** Credentials used when the environment gives none (the sample target's). */
  defaultUser: z.string().optional(),
  defaultPassword: z.string().optional(),
}).optional();
