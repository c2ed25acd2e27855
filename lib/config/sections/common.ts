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
