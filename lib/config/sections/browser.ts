import { z } from 'zod';
import { regexSource, targetPath } from './common.ts';
import { uiStepSchema } from './smoke.ts';

export const viewportSchema = z.strictObject({
  name: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const DEFAULT_VIEWPORTS = [
  { name: 'desktop', width: 1920, height: 1080 },
  { name: 'tablet', width: 1024, height: 768 },
];

const selector = z.string().min(1);
/** A regular expression matched against the page's path and query (e.g. "^/workflow/[a-z-]+$"). */
const urlPattern = regexSource;

/** How a pane must change when its handle is dragged. */
const resizeExpectation = z.strictObject({
  selector,
  dimension: z.enum(['width', 'height']).default('width'),
  change: z.enum(['grow', 'shrink']),
  /** The smallest change that counts, in CSS pixels. */
  minPx: z.number().positive().default(20),
});

/** One declarative step of an interaction; each step is one recorded operation. */
export const interactionStepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('click'), selector, nth: z.number().int().nonnegative().default(0) }),
  z.strictObject({ action: z.literal('expectVisible'), selector }),
  z.strictObject({ action: z.literal('expectUrl'), pattern: urlPattern }),
  /** How many elements match: `equals`, or within `min`..`max`. */
  z.strictObject({
    action: z.literal('count'),
    selector,
    equals: z.number().int().nonnegative().optional(),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  }).refine((step) => step.equals !== undefined || step.min !== undefined || step.max !== undefined, 'needs equals, min or max'),
  /** Drags the element by (byX, byY) CSS pixels and measures the listed elements before and after. */
  z.strictObject({ action: z.literal('drag'), selector, byX: z.number().default(0), byY: z.number().default(0), resizes: z.array(resizeExpectation).min(1) }),
  /**
   * Clicks every element matching `selector` in turn (coming back each time): the URL must match
   * `expectUrl`, the page reached must render cleanly (no console error, page error or failed
   * request) and show the `expectVisible` selectors.
   */
  z.strictObject({
    action: z.literal('followEach'),
    selector,
    expectUrl: urlPattern,
    expectVisible: z.array(selector).default([]),
    renderClean: z.boolean().default(true),
  }),
]);

export const interactionSchema = z.strictObject({
  /** Names the task and every check in it, e.g. "radial menu opens every workflow". */
  name: z.string().min(1),
  /** The route the interaction starts from. */
  route: targetPath,
  /** Viewport name (from `viewports`); default: the first one. */
  viewport: z.string().min(1).optional(),
  steps: z.array(interactionStepSchema).min(1),
});

export const forbiddenTermSchema = z.strictObject({
  term: z.string().min(1),
  /** true: "AI" matches only "AI", not "ai" (default true: brand words are usually case-specific). */
  caseSensitive: z.boolean().default(true),
  /** true: whole words only, so a term inside a longer word (e.g. "PaiiD") is not a hit. */
  wholeWord: z.boolean().default(true),
});

/** Run-time branding: what users read on every route. */
const brandSchema = z.strictObject({
  forbiddenTerms: z.array(forbiddenTermSchema).default([]),
  /** Phrases allowed even though they contain a forbidden term. */
  exceptions: z.array(z.string().min(1)).default([]),
  /** The logo element that must be present and visible on every route. */
  logoSelector: selector.optional(),
});

/** A value placed where the application looks for its session: local or session storage, a cookie, a header. */
export const sessionPlacementSchema = z.strictObject({
  in: z.enum(['localStorage', 'sessionStorage', 'cookie', 'header']),
  /** The storage key, cookie name or header name. */
  name: z.string().min(1),
  /** `${token}` is the API login's token (auth.login, or API_TOKEN); any other `${NAME}` comes from the environment. */
  value: z.string().min(1).default('${token}'),
});

/**
 * How the browser logs in, once per worker, for the routes that set `requiresAuth`: login steps
 * through the pages (the cookies and storage they leave are the session), values placed where the
 * application expects them, or both (steps first).
 */
export const sessionSchema = z.strictObject({
  /** Login steps, as `smoke.criticalPath.ui` steps; all run, in order (`mutating` and `needs` do not apply). */
  steps: z.array(uiStepSchema).default([]),
  place: z.array(sessionPlacementSchema).default([]),
}).superRefine((session, ctx) => {
  if (session.steps.length === 0 && session.place.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'must give login steps, values to place, or both: an empty session logs nobody in' });
  }
  session.steps.forEach((step, index) => {
    if (step.mutating || step.needs.length > 0) ctx.addIssue({ code: 'custom', path: ['steps', index], message: 'must not set mutating or needs: every login step runs, in order' });
  });
  const last = session.steps[session.steps.length - 1];
  if (last && last.action !== 'expectText' && last.action !== 'expectVisible') {
    ctx.addIssue({ code: 'custom', path: ['steps', session.steps.length - 1], message: 'must be an expectText or expectVisible step that proves the login worked (the session is taken right after it)' });
  }
});

/** The browser gate: render checks, interactions, run-time branding. */
export const browserSection = z.strictObject({
  viewports: z.array(viewportSchema).min(1).default(DEFAULT_VIEWPORTS),
  /** Console messages matching one of these are not errors (regular expressions). */
  ignoreConsole: z.array(z.string()).default([]),
  /** Requests whose URL matches one of these may fail without failing the route (regular expressions). */
  ignoreRequests: z.array(z.string()).default([]),
  /** After `load`, how long to wait at most for the network to go quiet so late errors surface. */
  settleMs: z.number().int().nonnegative().default(1_500),
  brand: brandSchema.default({ forbiddenTerms: [], exceptions: [] }),
  interactions: z.array(interactionSchema).default([]),
  /** The session for routes behind a login (`routes[].requiresAuth`), used by every gate that opens them. */
  session: sessionSchema.optional(),
}).default({
  viewports: DEFAULT_VIEWPORTS,
  ignoreConsole: [],
  ignoreRequests: [],
  settleMs: 1_500,
  brand: { forbiddenTerms: [], exceptions: [] },
  interactions: [],
});

export type InteractionStep = z.output<typeof interactionStepSchema>;
export type Interaction = z.output<typeof interactionSchema>;
export type Viewport = z.output<typeof viewportSchema>;
export type SessionConfig = z.output<typeof sessionSchema>;
export type SessionPlacement = z.output<typeof sessionPlacementSchema>;
