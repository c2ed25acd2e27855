import { z } from 'zod';

const DEFAULT_PERCY = { healthTimeoutMs: 3_000, snapshotTimeoutMs: 30_000 };

/** Design tokens checked at run time on every route. */
const tokensSchema = z.strictObject({
  /** The allowed colours (any CSS colour). Empty: the palette check is not configured. */
  palette: z.array(z.string().min(1)).default([]),
  /** Largest CIEDE2000 distance to the nearest palette colour that still counts as on-palette. */
  tolerance: z.number().nonnegative().default(3),
  /** Elements whose colours are not checked (e.g. embedded third-party widgets). */
  ignore: z.array(z.string().min(1)).default([]),
  /** Elements that must keep a non-empty backdrop-filter (frosted glass panels). */
  glassSelectors: z.array(z.string().min(1)).default([]),
});

/** The visual gate: screenshot baselines, Percy, design tokens. */
export const visualSection = z.strictObject({
  /** Allowed share of differing pixels (0..1). */
  maxDiffPixelRatio: z.number().min(0).max(1).default(0.01),
  /** Per-pixel colour difference (0..1, Playwright's `threshold`) below which pixels count as equal. */
  threshold: z.number().min(0).max(1).default(0.2),
  /** Screenshot the whole scrollable page rather than the viewport. */
  fullPage: z.boolean().default(false),
  /** Selectors masked on every route, on top of each route's own `masks`. */
  masks: z.array(z.string().min(1)).default([]),
  tokens: tokensSchema.default({ palette: [], tolerance: 3, ignore: [], glassSelectors: [] }),
  /** Percy (runs only with PERCY_TOKEN, under `npx percy exec -- ...`). */
  percy: z.strictObject({
    /** How long the local Percy CLI server may take to answer its health check. */
    healthTimeoutMs: z.number().int().positive().default(DEFAULT_PERCY.healthTimeoutMs),
    /** Bound on one snapshot upload, so an unreachable Percy fails instead of hanging. */
    snapshotTimeoutMs: z.number().int().positive().default(DEFAULT_PERCY.snapshotTimeoutMs),
  }).default(DEFAULT_PERCY),
}).default({
  maxDiffPixelRatio: 0.01,
  threshold: 0.2,
  fullPage: false,
  masks: [],
  tokens: { palette: [], tolerance: 3, ignore: [], glassSelectors: [] },
  percy: DEFAULT_PERCY,
});
