import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodePng } from './compare.ts';
import { emptyManifest, MANIFEST_FILE, ManifestError, MAX_MASK_BOXES, ownershipProblem, parseManifest, serialiseManifest, sha256, type Manifest, type ManifestEntry, type MaskBox, type Renderer } from './manifest.ts';
import { baselineFileName } from './names.ts';

/** The manifest of a baselines folder, or undefined when the folder has none yet. */
export function readManifest(dir: string): Manifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  return parseManifest(readFileSync(file, 'utf8'), file);
}

const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 15_000;

/**
 * Read, change and write the manifest under a lock file: the workers of one run create or accept
 * baselines at the same time, and each must keep the others' entries.
 */
export async function updateManifest(dir: string, target: string, change: (manifest: Manifest) => void): Promise<Manifest> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, MANIFEST_FILE);
  const release = await lock(`${file}.lock`);
  try {
    const manifest = readManifest(dir) ?? emptyManifest(target);
    const problem = ownershipProblem(manifest, target, dir);
    if (problem) throw new ManifestError(file, [problem]);
    change(manifest);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialiseManifest(manifest));
    renameSync(temporary, file);
    return manifest;
  } finally {
    release();
  }
}

async function lock(file: string): Promise<() => void> {
  const started = Date.now();
  for (;;) {
    try {
      closeSync(openSync(file, 'wx'));
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock left by a killed worker would block every later run: past its age it is taken over.
    try {
      if (Date.now() - statSync(file).mtimeMs > LOCK_STALE_MS) rmSync(file, { force: true });
    } catch {
      // released meanwhile
    }
    if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`could not lock ${file} within ${LOCK_WAIT_MS} ms: another run is writing these baselines`);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
}

/** Where a baseline came from: the screen it shows and the browser that rendered it. */
export interface BaselineOrigin extends Renderer {
  route: string;
  viewport: string;
  /** The masked elements' boxes when the image was taken. */
  masks?: MaskBox[];
}

/**
 * Writes a baseline image and its manifest entry (the image first, atomically, so an entry never
 * describes a half-written file).
 */
export async function writeBaseline(dir: string, target: string, screen: string, image: Buffer, origin: BaselineOrigin, now = new Date()): Promise<string> {
  const { width, height } = decodePng(image, `the new baseline of ${screen}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, baselineFileName(screen));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, image);
  renameSync(temporary, file);
  const entry: ManifestEntry = { route: origin.route, viewport: origin.viewport, width, height, browser: origin.browser, browserVersion: origin.browserVersion, platform: origin.platform, sha256: sha256(image), acceptedAt: now.toISOString(), ...(origin.masks ? { masks: origin.masks.slice(0, MAX_MASK_BOXES) } : {}) };
  await updateManifest(dir, target, (manifest) => {
    manifest.screens[screen] = entry;
  });
  return file;
}
