import { z } from 'zod';

/** Shared building blocks for the config sections. */
export const severitySchema = z.enum(['critical', 'high', 'medium', 'low']);
export const levelSchema = z.enum(['error', 'warn', 'off']);
export const httpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
export const positiveMs = z.number().int().positive();
export const urlString = z.string().url();
/** A path on the target, always starting with a slash. */
export const targetPath = z.string().regex(/^\//, 'must start with "/"');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO date (YYYY-MM-DD)');

/** A regular expression's source, checked to compile. */
export const regexSource = z.string().min(1).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

/** Where a run points: TARGET_ENV. */
export const environmentSchema = z.enum(['local', 'staging', 'production']);

/**
 * Environments where a state-changing operation or step may be sent (read-only by default:
 * without this, nothing that may change the target's data is ever sent; lib/stateChange.ts).
 */
export const allowStateChangeInSchema = z.array(environmentSchema).min(1, 'must name at least one environment (local, staging, production)').optional();

/** A key that existed once: naming it stops the run with what replaced it, never silently ignored. */
export function removedKey(replacement: string) {
  return z.unknown().optional().superRefine((value, ctx) => {
    if (value !== undefined) ctx.addIssue({ code: 'custom', message: `was removed: ${replacement}` });
  });
}
