import { z } from 'zod';
import { positiveMs, urlString } from './common.ts';

const environmentUrls = z.strictObject({
  baseUrl: urlString,
  apiUrl: urlString.optional(),
});

export const targetSection = z.strictObject({
  /** Human name of the application, used in reports. */
  name: z.string().min(1),
  /** Where the pages are served. `BASE_URL` overrides it. */
  baseUrl: urlString,
  /** Where the API is served; defaults to baseUrl. `API_URL` overrides it. */
  apiUrl: urlString.optional(),
  /** Per-environment URLs picked by `TARGET_ENV`. */
  environments: z.strictObject({
    staging: environmentUrls.optional(),
    production: environmentUrls.optional(),
  }).default({}),
  /** Started by Playwright's webServer when `BASE_URL` is unset (the sample target). */
  webServer: z.strictObject({
    command: z.string().min(1),
    url: urlString,
    timeoutMs: positiveMs.default(60_000),
    env: z.record(z.string(), z.string()).default({}),
  }).optional(),
});
