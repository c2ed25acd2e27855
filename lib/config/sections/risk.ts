import { z } from 'zod';
import { isoDate } from './common.ts';

export const thresholdsSection = z.strictObject({
  /** Risk rate (%) above which the verdict is WARNING. `RISK_TARGET` overrides. */
  riskTarget: z.number().min(0).max(100).default(0.5),
  /** Risk rate (%) above which the verdict is CRITICAL. `RISK_CRITICAL` overrides. */
  riskCritical: z.number().min(0).max(100).default(2.0),
  /** More warnings than this make the verdict WARNING. `MAX_WARNINGS` overrides. */
  maxWarnings: z.number().int().min(0).default(3),
  /** Fewer operations than this are too few to trust the rate. `MIN_OPERATIONS` overrides. */
  minOperations: z.number().int().min(0).default(50),
}).default({ riskTarget: 0.5, riskCritical: 2.0, maxWarnings: 3, minOperations: 50 });

export const waiverSchema = z.strictObject({
  /** Check id (`gate/task-slug` or `gate/task-slug#operation`) or a glob over it. */
  check: z.string().min(1),
  reason: z.string().min(1),
  owner: z.string().min(1),
  /** Last day the waiver applies (inclusive). */
  expires: isoDate,
});

export const waiversSection = z.array(waiverSchema).default([]);
