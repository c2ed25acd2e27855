/*
 * Functions that run inside the page (passed to page.evaluate): they must be self-contained,
 * with no reference to anything outside their own body.
 */
import type { ColourSample } from './colour.ts';
import type { MaskBox } from '../visual/manifest.ts';

export interface ColourProbeOptions {
  /** Elements (and their descendants) not sampled. */
  ignore: string[];
  /** Bound on the samples returned, so a huge page cannot flood the report. */
  max: number;
}

export interface GlassSample {
  selector: string;
  element: string;
  backdropFilter: string;
}

/**
 * Computed text colour of visible elements that hold text of their own, and computed background
 * colour of every visible element (transparent ones are dropped later, by the palette check).
 */
export function collectColourSamples(options: ColourProbeOptions): ColourSample[] {
  const describe = (element: Element): string => {
    const testId = element.getAttribute('data-testid');
    if (testId) return `${element.tagName.toLowerCase()}[data-testid="${testId}"]`;
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList].slice(0, 2).map((c) => `.${c}`).join('');
    const parent = element.parentElement ? `${element.parentElement.tagName.toLowerCase()} > ` : '';
    return `${parent}${element.tagName.toLowerCase()}${id}${classes}`;
  };
  const skipTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'META', 'LINK', 'HEAD', 'TITLE', 'BR']);
  const ignored = options.ignore.length > 0 ? options.ignore.join(', ') : '';
  const samples: ColourSample[] = [];
  for (const element of [document.documentElement, ...document.body.querySelectorAll('*')]) {
    if (samples.length >= options.max) break;
    if (skipTags.has(element.tagName)) continue;
    if (ignored && element.closest(ignored)) continue;
    const style = getComputedStyle(element);
    if (style.visibility !== 'visible' || style.display === 'none' || Number(style.opacity) === 0) continue;
    const box = element.getBoundingClientRect();
    if (element !== document.documentElement && (box.width === 0 || box.height === 0)) continue;
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
    if (ownText) samples.push({ element: describe(element), property: 'color', value: style.color });
    samples.push({ element: describe(element), property: 'background-color', value: style.backgroundColor });
  }
  return samples;
}

/** The computed backdrop-filter of every visible element matching the glass selectors. */
export function collectGlassSamples(selectors: string[]): GlassSample[] {
  const samples: GlassSample[] = [];
  for (const selector of selectors) {
    for (const element of document.querySelectorAll(selector)) {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.display === 'none' || style.visibility !== 'visible' || box.width === 0 || box.height === 0) continue;
      const value = style.backdropFilter || style.getPropertyValue('-webkit-backdrop-filter') || '';
      const testId = element.getAttribute('data-testid');
      const name = testId ? `[data-testid="${testId}"]` : `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].slice(0, 3).map((c) => `.${c}`).join('')}`;
      samples.push({ selector, element: name, backdropFilter: value.trim() });
    }
  }
  return samples;
}

/** A backdrop-filter that actually filters: not empty and not "none". */
export function hasBackdrop(value: string): boolean {
  const normalised = value.trim().toLowerCase();
  return normalised !== '' && normalised !== 'none';
}

export interface RegionProbe {
  /** The region in screenshot pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** A full-page screenshot counts from the top of the document, a viewport one from the viewport's. */
  fullPage: boolean;
}

/** The smallest element whose box holds the whole region, described as a selector, to name what moved. */
export function elementAroundRegion(probe: RegionProbe): string | undefined {
  const dx = probe.fullPage ? window.scrollX : 0;
  const dy = probe.fullPage ? window.scrollY : 0;
  const { x, y, width, height } = probe.box;
  let best: Element | undefined;
  let bestArea = Infinity;
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const left = rect.left + dx;
    const top = rect.top + dy;
    // One pixel of slack: anti-aliased edges spill over the box by a pixel.
    if (left > x + 1 || top > y + 1 || left + rect.width < x + width - 1 || top + rect.height < y + height - 1) continue;
    const area = rect.width * rect.height;
    if (area < bestArea) {
      best = element;
      bestArea = area;
    }
  }
  if (!best) return undefined;
  const testId = best.getAttribute('data-testid');
  const tag = best.tagName.toLowerCase();
  if (testId) return `${tag}[data-testid="${testId}"]`;
  const id = best.id ? `#${best.id}` : '';
  const classes = [...best.classList].slice(0, 2).map((c) => `.${c}`).join('');
  const parent = best.parentElement ? `${best.parentElement.tagName.toLowerCase()} > ` : '';
  return `${parent}${tag}${id}${classes}`;
}

export interface MaskProbe {
  /** The screenshot's mask selectors (CSS, as routes[].masks and visual.masks hold them). */
  selectors: string[];
  /** A full-page screenshot counts from the top of the document, a viewport one from the viewport's. */
  fullPage: boolean;
  /** At most this many boxes in all. */
  limit: number;
}

/**
 * The visible masked elements' boxes in screenshot pixels, per selector in document order, so a
 * baseline can record them and a later change can say which masked content changed size.
 * Selectors the page cannot parse as CSS (Playwright-only syntax) are skipped.
 */
export function maskBoxes(probe: MaskProbe): MaskBox[] {
  const dx = probe.fullPage ? window.scrollX : 0;
  const dy = probe.fullPage ? window.scrollY : 0;
  const boxes: MaskBox[] = [];
  for (const selector of probe.selectors) {
    let elements: NodeListOf<Element>;
    try {
      elements = document.querySelectorAll(selector);
    } catch {
      continue;
    }
    for (const element of elements) {
      if (boxes.length >= probe.limit) return boxes;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      boxes.push({ selector, x: Math.round(rect.left + dx), y: Math.round(rect.top + dy), width: Math.round(rect.width), height: Math.round(rect.height) });
    }
  }
  return boxes;
}
