import { z } from 'zod';
import { regexSource, targetPath } from './common.ts';

/** A page of the target. Shared by the browser, a11y and visual gates. */
export const routeSchema = z.strictObject({
  path: targetPath,
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase words joined by hyphens'),
  /** Per-route expectations checked by the browser gate. */
  expect: z.strictObject({
    visible: z.array(z.string().min(1)).default([]),
    text: z.array(z.string().min(1)).default([]),
    /** A live-data element whose text must change within `withinMs`. */
    liveData: z.strictObject({ selector: z.string().min(1), withinMs: z.number().int().positive().default(10_000) }).optional(),
  }).default({ visible: [], text: [] }),
  /** Selectors masked in screenshots (dynamic regions). */
  masks: z.array(z.string().min(1)).default([]),
  /** CSS selectors made invisible in this route's screenshots (see `visual.hide`). */
  hide: z.array(z.string().min(1).regex(/^[^{}]+$/, 'must be a CSS selector (no braces)')).default([]),
  /** Playwright tags of the route's tasks, e.g. "@critical" (so `--grep @critical` selects them). */
  tags: z.array(z.string().regex(/^@\S+$/, 'must start with "@" and hold no spaces, e.g. "@critical"')).default([]),
  /** Behind a login: every gate visits it with the browser session (`browser.session`). */
  requiresAuth: z.boolean().default(false),
  /**
   * Where the route lands when it redirects on purpose: a regular expression on the path and query
   * of the page shown (e.g. "^/dashboard$" for "/"). Left out, the page shown must be the route's own path.
   */
  finalUrl: regexSource.optional(),
});

export const routesSection = z.array(routeSchema).min(1, 'must list at least one route');
