import { allowedDiffPixels, describeBox, sameSize, type Box, type ImageComparison, type Tolerance } from './compare.ts';
import { describeRenderer, rendererChanged, type Renderer } from './manifest.ts';

/** Playwright's `--update-snapshots` modes; `default` (no flag given) acts as `missing`. */
export type UpdateMode = 'all' | 'changed' | 'missing' | 'none' | 'default';

/** Shows changed screens (expected, actual, diff) and writes the accepted ones. */
export const REVIEW_COMMAND = 'npm run visual:update';

/** `CI` as CI services set it ("true", "1"); "false", "0" and empty mean a workstation. */
export function ciIsSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase());
}

export interface Strictness {
  /** CI is set: a missing baseline fails instead of being created. */
  ci: boolean;
  updateMode: UpdateMode;
}

/**
 * A missing baseline: created where a person will look at it (locally, or when asked to write
 * with `all`/`changed`); a failure in CI or with `--update-snapshots=none`, where nothing may be
 * created silently and a run that compared nothing must not pass.
 */
export function missingBaselineAction({ ci, updateMode }: Strictness): 'create' | 'fail' {
  if (updateMode === 'all' || updateMode === 'changed') return 'create';
  return ci || updateMode === 'none' ? 'fail' : 'create';
}

/** A screenshot over tolerance rewrites its baseline only when asked to (`all`, `changed`). */
export function overToleranceAction(updateMode: UpdateMode): 'write' | 'fail' {
  return updateMode === 'all' || updateMode === 'changed' ? 'write' : 'fail';
}

/** `all` rewrites every baseline that differs at all, as Playwright's own mode does. */
export function rewritesWithinTolerance(updateMode: UpdateMode, comparison: ImageComparison): boolean {
  return updateMode === 'all' && comparison.diffPixels > 0;
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '0 %';
  const value = (100 * part) / whole;
  return `${value >= 0.01 ? value.toFixed(2) : value.toPrecision(2)} %`;
}

/** What differs, where, and against which allowance. */
export function describeDifference(comparison: ImageComparison, tolerance: Tolerance): string {
  if (!sameSize(comparison)) {
    const { expectedSize: e, actualSize: a } = comparison;
    return `the size changed from ${e.width}x${e.height} to ${a.width}x${a.height} (${comparison.diffPixels} pixels differ on the larger canvas, in ${describeBox(comparison.region)})`;
  }
  const allowed = allowedDiffPixels(comparison.totalPixels, tolerance);
  const against = comparison.diffPixels > allowed ? `more than the ${allowed} allowed` : `within the ${allowed} allowed`;
  return `${comparison.diffPixels} pixels differ (${percent(comparison.diffPixels, comparison.totalPixels)} of ${comparison.totalPixels}), ${against}, in ${describeBox(comparison.region)}`;
}

/** The two browsers, and what follows from them for the person reading the failure. */
export function describeBrowsers(baseline: Renderer | undefined, current: Renderer): string {
  if (!baseline) return `the baseline was rendered by an unrecorded browser (no manifest entry matches the file), this screenshot by ${describeRenderer(current)}`;
  if (!rendererChanged(baseline, current)) return `baseline and screenshot were both rendered by ${describeRenderer(current)}, so the page itself changed`;
  return `the baseline was rendered by ${describeRenderer(baseline)}, this screenshot by ${describeRenderer(current)}: if only the browser changed, accept the new images`;
}

export interface ChangeContext {
  /** `/ @desktop`: route and viewport, as the task's other checks name them. */
  label: string;
  /** The baseline's path as a person finds it (relative to the working folder). */
  file: string;
  comparison: ImageComparison;
  tolerance: Tolerance;
  baseline: Renderer | undefined;
  current: Renderer;
  /** The smallest element holding the changed region, as a selector. */
  element?: string;
  /** Masked content that changed size since the baseline (resizedMasks). */
  resizedMasks?: string[];
}

/**
 * Masked content that changed size (a number that gained digits, a longer date) moves what is
 * around it; the mask hides the content, not the move. Said when the baseline's recorded mask
 * boxes show it, since the fix is in the page or the mask, not in the baseline.
 */
function maskHint(resized: string[] | undefined): string {
  if (!resized || resized.length === 0) return '';
  const shown = resized.length > 3 ? [...resized.slice(0, 3), `${resized.length - 3} more`] : resized;
  return `; masked content changed size since the baseline (${shown.join('; ')}): a mask hides the content, not the layout it pushes around, so give that content a fixed size or mask its whole container`;
}

export function changedMessage(context: ChangeContext): string {
  const where = context.element ? ` (${context.element})` : '';
  return `${describeDifference(context.comparison, context.tolerance)}${where}; ${describeBrowsers(context.baseline, context.current)}${maskHint(context.resizedMasks)}. Expected, actual and diff images are attached; review and accept with \`${REVIEW_COMMAND}\` (baseline ${context.file})`;
}

export function missingMessage(file: string, strictness: Strictness, current: Renderer): string {
  const why = strictness.ci ? 'CI is set, where baselines are never created' : '--update-snapshots=none forbids creating it';
  return `no baseline at ${file} and ${why}: nothing was compared. Create it with \`${REVIEW_COMMAND}\` where the baselines are made (this screenshot: ${describeRenderer(current)}), look at the images, accept them and commit the folder`;
}

export function createdMessage(file: string, current: Renderer, updateMode: UpdateMode): string {
  const why = updateMode === 'all' || updateMode === 'changed' ? `--update-snapshots=${updateMode}` : 'none existed';
  return `baseline created at ${file} (${why}; rendered by ${describeRenderer(current)}): look at it before committing it`;
}

export function updatedMessage(file: string, difference: string, updateMode: UpdateMode): string {
  return `baseline rewritten at ${file} (--update-snapshots=${updateMode}): ${difference}`;
}

export function unstableMessage(attempts: number, region: Box | undefined, element: string | undefined): string {
  const where = region ? `, last in ${describeBox(region)}${element ? ` (${element})` : ''}` : '';
  return `the page kept changing over ${attempts} screenshots in a row${where}, so it was not compared with its baseline: mask that region (routes[].masks or visual.masks) or let it settle first`;
}
