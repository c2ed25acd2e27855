import { z } from 'zod';
import { formatConfigIssues } from '../config/errors.ts';
import { describeBox } from './compare.ts';
import { describeRenderer, maskBoxSchema } from './manifest.ts';
import { REVIEW_COMMAND } from './policy.ts';

/**
 * What a person reviews: each screen that changed, was created, has no baseline or would not hold
 * still, with its images. The visual gate puts it in the evidence of its screenshot operation; the
 * reporter copies the images beside the summary and writes the list to `visual/review.json`, which
 * `npm run visual:update` shows and accepts from.
 */
export const REVIEW_DIR = 'visual';
export const REVIEW_FILE = 'review.json';
export const REVIEW_VERSION = 1;

export type ReviewStatus = 'changed' | 'missing' | 'created' | 'rewritten' | 'unstable';
/** `previous`: of an unstable screen, the screenshot before the last one. */
export type ImageKind = 'expected' | 'previous' | 'actual' | 'diff';

const rendererSchema = z.strictObject({ browser: z.string(), browserVersion: z.string(), platform: z.string() });
const boxSchema = z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const screenReviewSchema = z.strictObject({
  screen: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  status: z.enum(['changed', 'missing', 'created', 'rewritten', 'unstable']),
  label: z.string(),
  target: z.string(),
  route: z.string(),
  viewport: z.string(),
  /** The baseline file as a person finds it, relative to where the suite ran. */
  baseline: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  renderer: rendererSchema,
  baselineRenderer: rendererSchema.optional(),
  diffPixels: z.number().int().nonnegative().optional(),
  allowedPixels: z.number().int().nonnegative().optional(),
  region: boxSchema.optional(),
  element: z.string().optional(),
  /** The attachment names of the images; in review.json, the file names beside it. */
  images: z.strictObject({ expected: z.string().optional(), previous: z.string().optional(), actual: z.string().optional(), diff: z.string().optional() }),
  /** SHA-256 of the actual image: accepting writes exactly what was reviewed. */
  actualSha256: z.string().optional(),
  /** The masked elements' boxes in the actual image, recorded with it when it is accepted. */
  masks: z.array(maskBoxSchema).optional(),
});

export type ScreenReview = z.output<typeof screenReviewSchema>;

const reviewFileSchema = z.strictObject({
  version: z.literal(REVIEW_VERSION),
  runId: z.string(),
  target: z.string(),
  screens: z.array(screenReviewSchema),
});

export type ReviewFile = z.output<typeof reviewFileSchema>;

/** The attachment and file name of one of a screen's images: Playwright's HTML report pairs `-expected`, `-actual` and `-diff`. */
export function imageName(screen: string, kind: ImageKind): string {
  return `${screen}-${kind}.png`;
}

/** The review carried in an operation's evidence, if it is one. */
export function reviewIn(evidence: unknown): ScreenReview | undefined {
  const candidate = (evidence as { review?: unknown } | null | undefined)?.review;
  if (candidate === undefined) return undefined;
  const parsed = screenReviewSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export function parseReviewFile(text: string, file: string): ReviewFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message})`);
  }
  const parsed = reviewFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not a visual review file:\n${formatConfigIssues(parsed.error.issues, raw).map((p) => `  - ${p}`).join('\n')}`);
  return parsed.data;
}

/** Screens whose actual image may become the baseline: not an unstable one, which has no single image to trust. */
export function acceptable(screen: ScreenReview): boolean {
  return screen.status !== 'unstable' && screen.images.actual !== undefined;
}

/**
 * The screens `--accept` names: `all` (every acceptable one) or a list of screen names. Unknown
 * names and unstable screens are refused, each named.
 */
export function selectForAccept(review: ReviewFile, wanted: 'all' | string[]): ScreenReview[] {
  const pending = review.screens.filter((s) => s.status === 'changed' || s.status === 'missing');
  if (wanted === 'all') return pending.filter(acceptable);
  const problems: string[] = [];
  const chosen: ScreenReview[] = [];
  for (const name of wanted) {
    const screen = review.screens.find((s) => s.screen === name);
    if (!screen) problems.push(`"${name}" is not among the reviewed screens (${review.screens.map((s) => s.screen).join(', ') || 'none'})`);
    else if (!acceptable(screen)) problems.push(`"${name}" is unstable: it has no single image to accept; mask its changing region first`);
    else chosen.push(screen);
  }
  if (problems.length > 0) throw new Error(`cannot accept:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return chosen;
}

function differenceCell(screen: ScreenReview): string {
  if (screen.status === 'missing' || screen.status === 'created') return 'new screen';
  if (screen.status === 'unstable') return `kept changing in ${describeBox(screen.region)}${screen.element ? ` (${screen.element})` : ''}`;
  const allowed = screen.allowedPixels !== undefined ? ` (allowed ${screen.allowedPixels})` : '';
  return `${screen.diffPixels ?? 0} px${allowed} in ${describeBox(screen.region)}`;
}

/** Markdown links to the images, relative to the summary beside the review folder. */
function imageLinks(screen: ScreenReview): string {
  const kinds: ImageKind[] = ['expected', 'previous', 'actual', 'diff'];
  const links = kinds.flatMap((kind) => (screen.images[kind] ? [`[${kind}](${REVIEW_DIR}/${screen.images[kind]})`] : []));
  return links.join(' · ') || 'none';
}

/** The summary's section: each screen a person should look at, with links to its three images. */
export function renderReviewNote(screens: readonly ScreenReview[]): string[] {
  if (screens.length === 0) return [];
  const count = (status: ReviewStatus) => screens.filter((s) => s.status === status).length;
  const lines = [
    `${count('changed')} changed, ${count('missing')} without a baseline, ${count('created')} created, ${count('rewritten')} rewritten, ${count('unstable')} unstable. Review and accept with \`${REVIEW_COMMAND}\` (or \`${REVIEW_COMMAND} -- --accept <screen,...>\` to accept from this run); the images are in \`${REVIEW_DIR}/\` beside this summary and in the HTML report.`,
    '',
    '| screen | status | difference | baseline rendered by | this run | images |',
    '|---|---|---|---|---|---|',
  ];
  for (const screen of screens) {
    const baseline = screen.status === 'missing' || screen.status === 'created' ? 'none' : describeRenderer(screen.baselineRenderer);
    lines.push(`| ${screen.screen} (${screen.label.replace(/\|/g, '\\|')}) | ${screen.status} | ${differenceCell(screen)} | ${baseline} | ${describeRenderer(screen.renderer)} | ${imageLinks(screen)} |`);
  }
  return lines;
}
