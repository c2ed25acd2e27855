import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** A rectangle in image pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface ImageComparison {
  expectedSize: Size;
  actualSize: Size;
  /** Pixels that differ beyond the per-pixel threshold (anti-aliasing excluded, as Playwright does). */
  diffPixels: number;
  /** Pixels compared: the larger of the two sizes when they differ. */
  totalPixels: number;
  /** Where the differing pixels are: their bounding box, or undefined when none differ. */
  region?: Box;
  /** The diff image (differing pixels red over a faded copy); only when some differ. */
  diffPng?: Buffer;
}

export interface Tolerance {
  /** Per-pixel colour distance (0..1) under which two pixels count as equal: pixelmatch's and Playwright's `threshold`. */
  threshold: number;
  maxDiffPixels: number;
  maxDiffPixelRatio: number;
}

const DIFF_COLOUR: [number, number, number] = [255, 0, 0];

export function decodePng(buffer: Buffer, what: string): PNG {
  try {
    return PNG.sync.read(buffer);
  } catch (error) {
    throw new Error(`${what} is not a readable PNG image (${(error as Error).message})`);
  }
}

/** The image's pixels on a canvas of the given size; the area it does not cover stays transparent. */
function onCanvas(image: PNG, size: Size): Buffer {
  if (image.width === size.width && image.height === size.height) return image.data;
  const canvas = Buffer.alloc(size.width * size.height * 4);
  for (let y = 0; y < image.height; y += 1) {
    image.data.copy(canvas, y * size.width * 4, y * image.width * 4, (y + 1) * image.width * 4);
  }
  return canvas;
}

/**
 * Compares two PNG screenshots with pixelmatch (what Playwright's own comparator is built on, so
 * `threshold` means the same). Images of different sizes are compared on the larger canvas.
 */
export function compareImages(expected: Buffer, actual: Buffer, threshold: number): ImageComparison {
  const before = decodePng(expected, 'the baseline');
  const after = decodePng(actual, 'the screenshot');
  const size = { width: Math.max(before.width, after.width), height: Math.max(before.height, after.height) };
  const diff = new PNG(size);
  const diffPixels = pixelmatch(onCanvas(before, size), onCanvas(after, size), diff.data, size.width, size.height, { threshold, diffColor: DIFF_COLOUR });
  const comparison: ImageComparison = {
    expectedSize: { width: before.width, height: before.height },
    actualSize: { width: after.width, height: after.height },
    diffPixels,
    totalPixels: size.width * size.height,
  };
  if (diffPixels > 0) {
    comparison.region = diffRegion(diff.data, size);
    comparison.diffPng = PNG.sync.write(diff);
  }
  return comparison;
}

/** Bounding box of the pixels pixelmatch painted in the diff colour (faded copies are grey, never pure red). */
export function diffRegion(data: Buffer, size: Size): Box | undefined {
  let left = size.width;
  let top = size.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < size.height; y += 1) {
    for (let x = 0; x < size.width; x += 1) {
      const i = (y * size.width + x) * 4;
      if (data[i] !== DIFF_COLOUR[0] || data[i + 1] !== DIFF_COLOUR[1] || data[i + 2] !== DIFF_COLOUR[2]) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? undefined : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** Playwright's rule: the smaller of the absolute and the relative allowance. */
export function allowedDiffPixels(totalPixels: number, tolerance: Pick<Tolerance, 'maxDiffPixels' | 'maxDiffPixelRatio'>): number {
  return Math.min(tolerance.maxDiffPixels, Math.floor(totalPixels * tolerance.maxDiffPixelRatio));
}

export function sameSize(comparison: ImageComparison): boolean {
  return comparison.expectedSize.width === comparison.actualSize.width && comparison.expectedSize.height === comparison.actualSize.height;
}

/** Within tolerance: same size and no more differing pixels than allowed. */
export function withinTolerance(comparison: ImageComparison, tolerance: Tolerance): boolean {
  return sameSize(comparison) && comparison.diffPixels <= allowedDiffPixels(comparison.totalPixels, tolerance);
}

export function describeBox(box: Box | undefined): string {
  return box ? `${box.width}x${box.height} at x=${box.x}, y=${box.y}` : 'nowhere';
}
