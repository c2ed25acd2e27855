import { createHash } from 'node:crypto';
import { z } from 'zod';
import { formatConfigIssues } from '../config/errors.ts';

/**
 * The manifest beside a target's baselines: which browser, version and platform rendered each
 * baseline, and the image's hash, so a comparison can name both browsers and a baseline replaced
 * by hand shows as unrecorded. Pure: parsing, building and serialising.
 */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

/** At most this many masked boxes are recorded per screen: enough to tell a table's cells apart. */
export const MAX_MASK_BOXES = 60;

/** Where a masked element sat when the screenshot was taken, in screenshot pixels. */
const maskBoxSchema = z.strictObject({ selector: z.string(), x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const entrySchema = z.strictObject({
  route: z.string().min(1),
  viewport: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  browser: z.string().min(1),
  browserVersion: z.string().min(1),
  platform: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  acceptedAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO date-time'),
  /** The masked elements' boxes: a later change can then say which masked content changed size. */
  masks: z.array(maskBoxSchema).max(MAX_MASK_BOXES).optional(),
});

const manifestSchema = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  /** The target these baselines belong to: another target's run refuses them. */
  target: z.string().min(1),
  screens: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a screen name'), entrySchema),
});

export type ManifestEntry = z.output<typeof entrySchema>;
export type MaskBox = z.output<typeof maskBoxSchema>;
export { maskBoxSchema };
export type Manifest = z.output<typeof manifestSchema>;

/** The browser that rendered an image. */
export interface Renderer {
  browser: string;
  browserVersion: string;
  platform: string;
}

export class ManifestError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file} is not a valid baseline manifest:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestError';
  }
}

export function emptyManifest(target: string): Manifest {
  return { version: MANIFEST_VERSION, target, screens: {} };
}

/** Every problem at once, each with its key path, as the config's errors. */
export function parseManifest(text: string, file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(file, [`the file is not JSON (${(error as Error).message})`]);
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > MANIFEST_VERSION) {
    throw new ManifestError(file, [`version ${version} was written by a newer suite (this one reads version ${MANIFEST_VERSION})`]);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ManifestError(file, formatConfigIssues(parsed.error.issues, raw));
  return parsed.data;
}

/** Stable text: screens sorted by name, so accepting one screen changes only its own lines. */
export function serialiseManifest(manifest: Manifest): string {
  const screens = Object.fromEntries(Object.keys(manifest.screens).sort().map((name) => [name, manifest.screens[name]]));
  const text = JSON.stringify({ version: manifest.version, target: manifest.target, screens }, null, 2);
  // One line per masked box: a screen's boxes stay readable in a diff instead of seven lines each.
  return `${text.replace(/\{\n\s+"selector": ([^\n]*)\n\s+"x": (-?[\d.]+),\n\s+"y": (-?[\d.]+),\n\s+"width": ([\d.]+),\n\s+"height": ([\d.]+)\n\s+\}/g, '{ "selector": $1 "x": $2, "y": $3, "width": $4, "height": $5 }')}\n`;
}

export function sha256(buffer: Buffer): string {
  return createHash('sha256').update(buffer).digest('hex');
}

/** Only the renderer's own fields (a manifest entry carries more). */
export function pickRenderer(renderer: Renderer): Renderer {
  return { browser: renderer.browser, browserVersion: renderer.browserVersion, platform: renderer.platform };
}

export function describeRenderer(renderer: Renderer | undefined): string {
  return renderer ? `${renderer.browser} ${renderer.browserVersion} on ${renderer.platform}` : 'an unrecorded browser';
}

/**
 * What the manifest says rendered this baseline file, or undefined when it has no entry or the
 * entry describes another image (the file was replaced without the manifest).
 */
export function rendererOf(manifest: Manifest | undefined, screen: string, baseline: Buffer): ManifestEntry | undefined {
  const entry = manifest?.screens[screen];
  return entry && entry.sha256 === sha256(baseline) ? entry : undefined;
}

/** True when the two renderers differ in browser, version or platform. */
export function rendererChanged(a: Renderer | undefined, b: Renderer): boolean {
  return !a || a.browser !== b.browser || a.browserVersion !== b.browserVersion || a.platform !== b.platform;
}

/**
 * The refusal when a folder's manifest names another target than the one whose baselines this
 * target uses: its own, or those `visual.baselinesOf` names (`owner`).
 */
export function ownershipProblem(manifest: Manifest | undefined, target: string, folder: string, owner = target): string | undefined {
  if (!manifest || manifest.target === owner) return undefined;
  if (owner !== target) return `the baselines in ${folder} belong to target "${manifest.target}" (its ${MANIFEST_FILE}), not to "${owner}", whose baselines visual.baselinesOf says they are`;
  return `the baselines in ${folder} belong to target "${manifest.target}" (its ${MANIFEST_FILE}), not to "${target}": give this target its own folder with visual.baselineDir, or compare with them on purpose with visual.baselinesOf: "${manifest.target}"`;
}

/** Why a target that compares with another's baselines (`visual.baselinesOf`) does not write them. */
export function borrowedBaselineMessage(file: string, owner: string, missing: boolean): string {
  return `${missing ? `${file} is missing` : `${file} differs`}: this target compares with the baselines of "${owner}" (visual.baselinesOf) and never writes them; run "${owner}"'s visual gate to ${missing ? 'make' : 'update'} it`;
}

const size = (box: MaskBox) => `${box.width}x${box.height}`;

/**
 * The masked content that changed size since the baseline, one line per mask selector (its first
 * box that differs, in document order), or nothing when the baseline recorded no boxes. A mask
 * hides what is under it, not the layout a longer number or date pushes around.
 */
export function resizedMasks(recorded: MaskBox[] | undefined, current: MaskBox[]): string[] {
  if (!recorded) return [];
  const lines: string[] = [];
  for (const selector of [...new Set([...recorded, ...current].map((box) => box.selector))]) {
    const before = recorded.filter((box) => box.selector === selector);
    const now = current.filter((box) => box.selector === selector);
    const index = before.findIndex((box, i) => !now[i] || size(box) !== size(now[i]));
    const was = before[index];
    const is = now[index];
    if (was) {
      lines.push(is ? `${selector} was ${size(was)} at x=${was.x}, y=${was.y}, now ${size(is)}` : `${selector} had ${before.length} element(s), now ${now.length}`);
    } else if (now.length > before.length) {
      lines.push(`${selector} had ${before.length} element(s), now ${now.length}`);
    }
  }
  return lines;
}
