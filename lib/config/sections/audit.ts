import { z } from 'zod';

/** Repository audit. Extended by the audit gate's checks. */
export const auditSection = z.strictObject({
  /** Repository to audit, relative to the config file. `TARGET_REPO` overrides. */
  repository: z.string().min(1).default('.'),
  /** Files larger than this are skipped and counted. */
  maxFileBytes: z.number().int().positive().default(1_000_000),
  /** Globs never scanned. */
  exclude: z.array(z.string()).default([]),
}).default({ repository: '.', maxFileBytes: 1_000_000, exclude: [] });
