import { converter, differenceCiede2000, formatHex, parse } from 'culori';

/** A colour reduced to what the palette check compares: opaque sRGB plus its alpha. */
export interface ParsedColour {
  hex: string;
  alpha: number;
}

export interface PaletteMatch {
  colour: ParsedColour;
  /** Nearest palette entry (as written in the config) and its CIEDE2000 distance. */
  nearest: string;
  distance: number;
  withinTolerance: boolean;
}

const toRgb = converter('rgb');
const ciede2000 = differenceCiede2000();

/**
 * Parses any CSS colour a browser computes (rgb(), rgba(), color(srgb ...), hex, named).
 * Returns undefined for what is not a colour, and for fully transparent colours: a transparent
 * fill paints nothing, so it can never be off-palette.
 */
export function parseCssColour(value: string): ParsedColour | undefined {
  const parsed = parse(value.trim());
  if (!parsed) return undefined;
  const rgb = toRgb(parsed);
  const alpha = rgb.alpha ?? 1;
  if (alpha <= 0) return undefined;
  return { hex: formatHex({ ...rgb, alpha: undefined }), alpha };
}

/**
 * The nearest palette colour by CIEDE2000 (perceptual distance: about 1 is the smallest difference
 * people notice, so a tolerance of 2-3 forgives rounding while catching a different colour).
 * Alpha is ignored: translucent fills reuse a palette colour with an alpha channel.
 */
export function nearestPaletteColour(colour: ParsedColour, palette: readonly string[], tolerance: number): PaletteMatch {
  let nearest = '';
  let distance = Number.POSITIVE_INFINITY;
  for (const entry of palette) {
    const parsed = parse(entry);
    if (!parsed) continue;
    const candidate = ciede2000(toRgb(parsed), colour.hex);
    if (candidate < distance) {
      distance = candidate;
      nearest = entry;
    }
  }
  return { colour, nearest, distance: Math.round(distance * 100) / 100, withinTolerance: distance <= tolerance };
}

/** Palette entries that are not valid CSS colours (a config mistake worth naming). */
export function invalidPaletteEntries(palette: readonly string[]): string[] {
  return palette.filter((entry) => parse(entry) === undefined);
}

/** One computed colour seen on a page: which element, which property, which value. */
export interface ColourSample {
  /** A short CSS path of the element, for the report. */
  element: string;
  property: 'color' | 'background-color';
  value: string;
}

export interface OffPaletteColour {
  hex: string;
  nearest: string;
  distance: number;
  property: ColourSample['property'];
  /** How many elements use it, and the first few of them. */
  count: number;
  elements: string[];
}

/** Groups the samples whose colour lies outside the palette, worst first. */
export function offPaletteColours(samples: readonly ColourSample[], palette: readonly string[], tolerance: number, maxElements = 5): OffPaletteColour[] {
  const groups = new Map<string, OffPaletteColour>();
  const verdicts = new Map<string, PaletteMatch | undefined>();
  for (const sample of samples) {
    const colour = parseCssColour(sample.value);
    if (!colour) continue;
    if (!verdicts.has(colour.hex)) {
      const match = nearestPaletteColour(colour, palette, tolerance);
      verdicts.set(colour.hex, match.withinTolerance ? undefined : match);
    }
    const verdict = verdicts.get(colour.hex);
    if (!verdict) continue;
    const key = `${sample.property} ${colour.hex}`;
    const group = groups.get(key) ?? { hex: colour.hex, nearest: verdict.nearest, distance: verdict.distance, property: sample.property, count: 0, elements: [] };
    group.count += 1;
    if (group.elements.length < maxElements) group.elements.push(sample.element);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.distance - a.distance || b.count - a.count);
}
