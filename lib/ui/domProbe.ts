/*
 * Functions that run inside the page (passed to page.evaluate): they must be self-contained,
 * with no reference to anything outside their own body.
 */
import type { ColourSample } from './colour.ts';

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
