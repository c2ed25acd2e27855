import { z } from 'zod';
import { isoDate, levelSchema, positiveMs } from './common.ts';

/**
 * The a11y gate: axe-core on every route, Lighthouse on the routes chosen for it.
 * Defaults are constants so the outer `.default(...)` values cannot drift from the inner ones.
 */

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export const DEFAULT_AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Lighthouse's own desktop preset (desktopDense4G, 1350x940), so scores compare with PageSpeed's desktop tab. */
export const DEFAULT_LIGHTHOUSE_SETTINGS = {
  formFactor: 'desktop' as const,
  throttlingMethod: 'simulate' as const,
  throttling: { rttMs: 40, throughputKbps: 10_240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
  screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
};

/** A waiver for axe findings: which rule, on which nodes and routes, why, whose, until when. */
export const suppressionSchema = z.strictObject({
  /** axe rule id, e.g. `color-contrast`. */
  rule: z.string().min(1),
  /** The node's axe target selector exactly as axe reports it (`'*'` or left out: every node). */
  selector: z.string().min(1).optional(),
  /** Route name or path (left out: every route). */
  route: z.string().min(1).optional(),
  reason: z.string().min(1),
  owner: z.string().min(1),
  /** Last day the suppression applies (inclusive); after it the violation fails again. */
  expires: isoDate,
});

/** `minScore` (>=), `maxNumericValue` (<=), `maxLength` (<=): Lighthouse CI's operators. */
const assertionOptions = z.strictObject({
  minScore: z.number().min(0).max(1).optional(),
  maxNumericValue: z.number().min(0).optional(),
  maxLength: z.number().int().min(0).optional(),
}).refine((options) => Object.values(options).some((value) => value !== undefined), {
  message: 'must give a threshold (minScore, maxNumericValue or maxLength): without one the check could never fail',
});

/** `'off'`, or `[level, { operator: threshold }]`: a level without a threshold is refused. */
export const lighthouseAssertionSchema = z.union([
  z.literal('off'),
  z.tuple([levelSchema, assertionOptions]),
]);
export type LighthouseAssertionInput = z.input<typeof lighthouseAssertionSchema>;

/**
 * Lighthouse CI-style assertions. Performance is only a warning by default: its score moves with
 * the machine's load; the other categories are deterministic enough to block.
 */
export const DEFAULT_LIGHTHOUSE_ASSERTIONS: Record<string, LighthouseAssertionInput> = {
  'categories:performance': ['warn', { minScore: 0.8 }],
  'categories:accessibility': ['error', { minScore: 0.9 }],
  'categories:best-practices': ['error', { minScore: 0.9 }],
  'categories:seo': ['error', { minScore: 0.9 }],
};

/** `categories:<id>` or `audits:<audit-id>`, as in Lighthouse CI. */
const assertionKey = z.string().regex(/^(categories|audits):[a-z0-9-]+$/, 'must be "categories:<id>" or "audits:<audit-id>"');

const throttlingSchema = z.strictObject({
  rttMs: z.number().min(0).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttling.rttMs),
  throughputKbps: z.number().min(0).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttling.throughputKbps),
  cpuSlowdownMultiplier: z.number().min(1).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttling.cpuSlowdownMultiplier),
  requestLatencyMs: z.number().min(0).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttling.requestLatencyMs),
  downloadThroughputKbps: z.number().min(0).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttling.downloadThroughputKbps),
  uploadThroughputKbps: z.number().min(0).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttling.uploadThroughputKbps),
}).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttling);

const screenEmulationSchema = z.strictObject({
  mobile: z.boolean().default(DEFAULT_LIGHTHOUSE_SETTINGS.screenEmulation.mobile),
  width: z.number().int().positive().default(DEFAULT_LIGHTHOUSE_SETTINGS.screenEmulation.width),
  height: z.number().int().positive().default(DEFAULT_LIGHTHOUSE_SETTINGS.screenEmulation.height),
  deviceScaleFactor: z.number().positive().default(DEFAULT_LIGHTHOUSE_SETTINGS.screenEmulation.deviceScaleFactor),
  disabled: z.boolean().default(DEFAULT_LIGHTHOUSE_SETTINGS.screenEmulation.disabled),
}).default(DEFAULT_LIGHTHOUSE_SETTINGS.screenEmulation);

/** Throttling and emulation handed to Lighthouse as its settings. */
const lighthouseSettingsSchema = z.strictObject({
  formFactor: z.enum(['desktop', 'mobile']).default(DEFAULT_LIGHTHOUSE_SETTINGS.formFactor),
  /** `simulate` (Lantern, steady on a busy machine), `devtools` or `provided` (no throttling). */
  throttlingMethod: z.enum(['simulate', 'devtools', 'provided']).default(DEFAULT_LIGHTHOUSE_SETTINGS.throttlingMethod),
  throttling: throttlingSchema,
  screenEmulation: screenEmulationSchema,
}).default(DEFAULT_LIGHTHOUSE_SETTINGS);

const environmentSchema = z.enum(['local', 'staging', 'production']);
type Environment = z.output<typeof environmentSchema>;

const LIGHTHOUSE_DEFAULTS = {
  enabled: true,
  routes: [] as string[],
  runs: 1,
  categories: [...LIGHTHOUSE_CATEGORIES],
  assertions: { ...DEFAULT_LIGHTHOUSE_ASSERTIONS } as Record<string, LighthouseAssertionInput>,
  settings: DEFAULT_LIGHTHOUSE_SETTINGS,
  timeoutMsPerRun: 90_000,
  indexableIn: ['production'] as Environment[],
};

export const lighthouseSchema = z.strictObject({
  /** false: no Lighthouse audit for this target (its tasks are skipped with that reason); axe still scans every route. */
  enabled: z.boolean().default(LIGHTHOUSE_DEFAULTS.enabled),
  /** Names of the routes audited, one at a time (left empty: the first route only). */
  routes: z.array(z.string().min(1)).default(LIGHTHOUSE_DEFAULTS.routes),
  /** Runs per route; each assertion takes the median over the runs. `LIGHTHOUSE_RUNS` overrides. */
  runs: z.number().int().min(1).max(9).default(LIGHTHOUSE_DEFAULTS.runs),
  /** Categories Lighthouse computes. */
  categories: z.array(z.enum(LIGHTHOUSE_CATEGORIES)).min(1).default(LIGHTHOUSE_DEFAULTS.categories),
  /** Merged over DEFAULT_LIGHTHOUSE_ASSERTIONS key by key (`'off'` drops one). */
  assertions: z.record(assertionKey, lighthouseAssertionSchema)
    .superRefine((assertions, ctx) => {
      for (const [key, assertion] of Object.entries(assertions)) {
        if (!key.startsWith('categories:') || assertion === 'off') continue;
        const [, options] = assertion;
        if (options.maxNumericValue !== undefined || options.maxLength !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key, 1], message: 'a category has a score only: use minScore' });
        }
      }
    })
    .default({})
    .transform((given) => ({ ...DEFAULT_LIGHTHOUSE_ASSERTIONS, ...given }) as Record<string, LighthouseAssertionInput>),
  settings: lighthouseSettingsSchema,
  /** Time one Lighthouse run may take; a task's timeout is this times the runs. */
  timeoutMsPerRun: positiveMs.default(LIGHTHOUSE_DEFAULTS.timeoutMsPerRun),
  /**
   * Environments (TARGET_ENV) whose pages must be open to search engines. Elsewhere Lighthouse's
   * `is-crawlable` audit is skipped, so the SEO category is scored on everything else: a staging or
   * local server that sends `noindex` does what it should.
   */
  indexableIn: z.array(environmentSchema).default(LIGHTHOUSE_DEFAULTS.indexableIn),
}).default(LIGHTHOUSE_DEFAULTS);

const A11Y_DEFAULTS = {
  tags: DEFAULT_AXE_TAGS,
  disableRules: [] as string[],
  ignoreIncomplete: [] as string[],
  maxNodes: 10,
  snippetChars: 200,
  suppressions: [] as z.output<typeof suppressionSchema>[],
  lighthouse: LIGHTHOUSE_DEFAULTS,
};

export const a11ySection = z.strictObject({
  /** axe-core tags run on every route. */
  tags: z.array(z.string().min(1)).min(1).default(A11Y_DEFAULTS.tags),
  /** axe rule ids not run at all (prefer a suppression: it has an owner and an expiry). */
  disableRules: z.array(z.string().min(1)).default(A11Y_DEFAULTS.disableRules),
  /** axe rule ids whose `incomplete` (needs review) results stay in the attached JSON instead of a warning. */
  ignoreIncomplete: z.array(z.string().min(1)).default(A11Y_DEFAULTS.ignoreIncomplete),
  /** Offending nodes listed per violation in the evidence (the JSON attachment keeps them all). */
  maxNodes: z.number().int().positive().default(A11Y_DEFAULTS.maxNodes),
  /** Characters of each node's HTML kept in the evidence. */
  snippetChars: z.number().int().positive().default(A11Y_DEFAULTS.snippetChars),
  suppressions: z.array(suppressionSchema).default(A11Y_DEFAULTS.suppressions),
  lighthouse: lighthouseSchema,
}).default(A11Y_DEFAULTS);

export type A11yConfig = z.output<typeof a11ySection>;
export type A11ySuppression = z.output<typeof suppressionSchema>;
export type LighthouseConfig = z.output<typeof lighthouseSchema>;
export type LighthouseSettings = LighthouseConfig['settings'];
