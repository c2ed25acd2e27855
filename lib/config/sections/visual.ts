import { z } from 'zod';

const DEFAULT_PERCY = { healthTimeoutMs: 3_000, snapshotTimeoutMs: 30_000 };
const DEFAULT_STABILITY = { attempts: 5, intervalMs: 100, screenshotTimeoutMs: 30_000 };

/*
 * The default tolerance, from measurement (README, "Visual baselines"): the demo's 18 screens
 * rendered by Chromium 149, 150, 153 and 156 (full and headless-shell builds) differ from the
 * baselines by 0 pixels at threshold 0.2 (3 at most at threshold 0), while the smallest real
 * regressions tried (a word, a nav link, a logo 4px wider) change 137 to 289 pixels.
 */
export const DEFAULT_TOLERANCE = { threshold: 0.2, maxDiffPixels: 50, maxDiffPixelRatio: 0.001 };

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
  /** Differing pixels allowed per screen; the smaller of this and `maxDiffPixelRatio` applies (Playwright's rule). */
  maxDiffPixels: z.number().int().nonnegative().default(DEFAULT_TOLERANCE.maxDiffPixels),
  /** Allowed share of differing pixels (0..1). */
  maxDiffPixelRatio: z.number().min(0).max(1).default(DEFAULT_TOLERANCE.maxDiffPixelRatio),
  /** Per-pixel colour difference (0..1, Playwright's and pixelmatch's `threshold`) below which pixels count as equal. */
  threshold: z.number().min(0).max(1).default(DEFAULT_TOLERANCE.threshold),
  /**
   * This target's baselines and their manifest, relative to the config file's folder. Default:
   * `baselines/<target name as a folder name>`, so two targets never share a baseline.
   */
  baselineDir: z.string().min(1).optional(),
  /**
   * The target (its `target.name`) whose baselines `baselineDir` holds, when this target is compared
   * with another's on purpose (the next version of the same pages): its screens must match them, and
   * it never writes them (a missing or changed screen fails; that target's own run updates them).
   */
  baselinesOf: z.string().min(1).optional(),
  /** A screen is captured until two screenshots in a row are equal, at most `attempts` times, waiting `intervalMs` x attempt between them. */
  stability: z.strictObject({
    attempts: z.number().int().min(2).max(20).default(DEFAULT_STABILITY.attempts),
    intervalMs: z.number().int().nonnegative().max(5_000).default(DEFAULT_STABILITY.intervalMs),
    /** Bound on one screenshot: a busy machine takes seconds to paint a large page. */
    screenshotTimeoutMs: z.number().int().positive().default(DEFAULT_STABILITY.screenshotTimeoutMs),
  }).default(DEFAULT_STABILITY),
  /** Screenshot the whole scrollable page rather than the viewport. */
  fullPage: z.boolean().default(false),
  /** Selectors masked on every route, on top of each route's own `masks`. */
  masks: z.array(z.string().min(1)).default([]),
  /**
   * CSS selectors made invisible (`visibility: hidden`) in screenshots on every route, on top of each
   * route's own `hide`: for transient content whose size varies (a notification), which a mask cannot
   * cover, since a mask paints the element's own box wherever and however large it is at the time.
   */
  hide: z.array(z.string().min(1).regex(/^[^{}]+$/, 'must be a CSS selector (no braces)')).default([]),
  tokens: tokensSchema.default({ palette: [], tolerance: 3, ignore: [], glassSelectors: [] }),
  /** Percy (runs only with PERCY_TOKEN, under `npx percy exec -- ...`). */
  percy: z.strictObject({
    /** How long the local Percy CLI server may take to answer its health check. */
    healthTimeoutMs: z.number().int().positive().default(DEFAULT_PERCY.healthTimeoutMs),
    /** Bound on one snapshot upload, so an unreachable Percy fails instead of hanging. */
    snapshotTimeoutMs: z.number().int().positive().default(DEFAULT_PERCY.snapshotTimeoutMs),
  }).default(DEFAULT_PERCY),
}).default({
  ...DEFAULT_TOLERANCE,
  stability: DEFAULT_STABILITY,
  fullPage: false,
  masks: [],
  hide: [],
  tokens: { palette: [], tolerance: 3, ignore: [], glassSelectors: [] },
  percy: DEFAULT_PERCY,
});
