import type { Finding } from '../findings.ts';
import { lineStartsOf, positionAt } from '../findings.ts';
import { scalarEntries } from '../yamlWalk.ts';

export interface PaletteColour {
  hex: string;
  /** The design token that names it (e.g. --color-teal), when known. */
  token?: string;
  rgb: [number, number, number];
}

/** One triage entry of reports/design-dna-triage.json. */
export interface TriageEntry {
  file: string;
  line: number;
  column?: number;
  finding: string;
  colour?: string;
  suggestedToken?: string;
}

export function hexToRgb(hex: string): [number, number, number] | undefined {
  let digits = hex.replace(/^#/, '');
  if (digits.length === 3 || digits.length === 4) digits = [...digits.slice(0, 3)].map((d) => d + d).join('');
  if (digits.length !== 6 && digits.length !== 8) return undefined;
  const value = Number.parseInt(digits.slice(0, 6), 16);
  return Number.isNaN(value) ? undefined : [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function paletteFrom(hexes: readonly string[]): PaletteColour[] {
  return hexes.flatMap((hex) => {
    const rgb = hexToRgb(hex);
    return rgb ? [{ hex: hex.toLowerCase(), rgb }] : [];
  });
}

/** Every "#hex" string of a tokens file; a sibling "token" (or "name") key names it. */
export function paletteFromTokens(text: string): PaletteColour[] {
  const entries = scalarEntries(text);
  const out: PaletteColour[] = [];
  for (const entry of entries) {
    if (typeof entry.value !== 'string' || !/^#[0-9a-f]{3,8}$/i.test(entry.value)) continue;
    const rgb = hexToRgb(entry.value);
    if (!rgb) continue;
    const parent = JSON.stringify(entry.path.slice(0, -1));
    const sibling = (key: string) => entries.find((other) => JSON.stringify(other.path.slice(0, -1)) === parent && other.path[other.path.length - 1] === key)?.value;
    const token = sibling('token') ?? sibling('name');
    out.push({ hex: entry.value.toLowerCase(), rgb, ...(typeof token === 'string' ? { token } : {}) });
  }
  return out;
}

const COLOUR = /(?<![\w&#-])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])|\b(?:rgba?|hsla?)\(\s*[^()]*\)/g;

/** A CSS colour as RGB (alpha ignored: a translucent palette colour is still the palette). */
export function colourToRgb(text: string): [number, number, number] | undefined {
  if (text.startsWith('#')) return hexToRgb(text);
  const fn = /^(rgba?|hsla?)\(\s*([^)]*)\)$/i.exec(text);
  if (!fn) return undefined;
  const parts = fn[2]!.split(/[\s,/]+/).filter(Boolean);
  const number = (part: string | undefined, scale: number) => (part === undefined ? Number.NaN : part.endsWith('%') ? (Number.parseFloat(part) / 100) * scale : Number.parseFloat(part));
  if (fn[1]!.toLowerCase().startsWith('rgb')) {
    const rgb = [number(parts[0], 255), number(parts[1], 255), number(parts[2], 255)].map(Math.round);
    return rgb.some(Number.isNaN) ? undefined : (rgb as [number, number, number]);
  }
  const h = Number.parseFloat(parts[0] ?? '');
  const s = number(parts[1], 1);
  const l = number(parts[2], 1);
  if ([h, s, l].some(Number.isNaN)) return undefined;
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/** Colours outside the palette (within 2 units per channel counts as the same colour: rounding). */
export function offPaletteColours(file: string, text: string, palette: readonly PaletteColour[]): Array<Finding & { colour: string; suggestedToken?: string }> {
  const out: Array<Finding & { colour: string; suggestedToken?: string }> = [];
  if (palette.length === 0) return out;
  let lineStarts: number[] | undefined;
  for (const match of text.matchAll(COLOUR)) {
    const rgb = colourToRgb(match[0]);
    if (!rgb) continue;
    let nearest = palette[0]!;
    for (const colour of palette) if (distance(colour.rgb, rgb) < distance(nearest.rgb, rgb)) nearest = colour;
    if (distance(nearest.rgb, rgb) <= 2) continue;
    lineStarts ??= lineStartsOf(text);
    const suggestion = nearest.token ?? nearest.hex;
    out.push({
      file,
      ...positionAt(lineStarts, match.index ?? 0),
      rule: 'design-off-palette',
      message: `colour ${match[0]} is outside the palette (nearest: ${suggestion} ${nearest.hex})`,
      severity: 'low',
      colour: match[0],
      suggestedToken: suggestion,
    });
  }
  return out;
}

/** One CSS rule: its selectors, the line it starts on, and its backdrop-filter (if any). */
export interface CssRule {
  selectors: string[];
  line: number;
  backdropFilter: string | undefined;
}

/** The rules of a stylesheet, flat (nested @media blocks included); comments blanked first. */
export function cssRules(text: string): CssRule[] {
  const blanked = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lineStarts = lineStartsOf(blanked);
  const rules: CssRule[] = [];
  for (const match of blanked.matchAll(/([^{};]+)\{([^{}]*)\}/g)) {
    const prelude = match[1]!;
    const start = (match.index ?? 0) + prelude.search(/\S/);
    const body = match[2]!;
    const filters = [...body.matchAll(/(?:^|[;\s])backdrop-filter\s*:\s*([^;]+)/g)].map((m) => m[1]!.trim());
    rules.push({
      selectors: prelude.split(',').map((selector) => selector.trim()).filter(Boolean),
      line: positionAt(lineStarts, start).line,
      backdropFilter: filters[filters.length - 1],
    });
  }
  return rules;
}

export interface GlassUse {
  file: string;
  rule: CssRule;
}

/**
 * A glass component needs a rule with a real backdrop-filter; a rule that sets it to `none` is a
 * finding too. Nothing found at all is a finding about the repository.
 */
export function checkGlass(selector: string, uses: readonly GlassUse[]): Finding[] {
  const own = uses.filter((use) => use.rule.selectors.includes(selector));
  const findings: Finding[] = [];
  for (const use of own) {
    if (use.rule.backdropFilter !== undefined && /^none\b/i.test(use.rule.backdropFilter)) {
      findings.push({ file: use.file, line: use.rule.line, rule: 'design-glass', message: `${selector} switches backdrop-filter off`, severity: 'medium' });
    }
  }
  const withFilter = own.some((use) => use.rule.backdropFilter !== undefined && !/^none\b/i.test(use.rule.backdropFilter));
  if (!withFilter) {
    const first = own[0];
    findings.push(first
      ? { file: first.file, line: first.rule.line, rule: 'design-glass', message: `${selector} is a glass component but no rule gives it a backdrop-filter`, severity: 'medium' }
      : { file: '(stylesheets)', rule: 'design-glass', message: `${selector} is a glass component but no stylesheet has a rule for it`, severity: 'medium' });
  }
  return findings;
}
