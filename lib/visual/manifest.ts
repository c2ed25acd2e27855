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
});

const manifestSchema = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  /** The target these baselines belong to: another target's run refuses them. */
  target: z.string().min(1),
  screens: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a screen name'), entrySchema),
});

export type ManifestEntry = z.output<typeof entrySchema>;
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
  return `${JSON.stringify({ version: manifest.version, target: manifest.target, screens }, null, 2)}\n`;
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

/** The refusal when a folder's manifest names another target. */
export function ownershipProblem(manifest: Manifest | undefined, target: string, folder: string): string | undefined {
  if (!manifest || manifest.target === target) return undefined;
  return `the baselines in ${folder} belong to target "${manifest.target}" (its ${MANIFEST_FILE}), not to "${target}": give this target its own folder with visual.baselineDir`;
}
