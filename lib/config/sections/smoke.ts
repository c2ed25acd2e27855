import { z } from 'zod';

/** The smoke gate: critical path, load, infrastructure. */
export const smokeSection = z.strictObject({}).default({});
