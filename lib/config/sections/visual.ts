import { z } from 'zod';

/** The visual gate: screenshot baselines, Percy, design tokens. */
export const visualSection = z.strictObject({
  /** Allowed share of differing pixels (0..1). */
  maxDiffPixelRatio: z.number().min(0).max(1).default(0.01),
}).default({ maxDiffPixelRatio: 0.01 });
