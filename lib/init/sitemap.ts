import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InitError } from './errors.ts';

/** What a sitemap lists: page URLs (`<urlset>`), or further sitemaps (`<sitemapindex>`). */
export interface SitemapContent {
  pages: string[];
  sitemaps: string[];
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true, isArray: (name) => name === 'url' || name === 'sitemap' });

function locs(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [];
  return entries
    .map((entry) => (entry && typeof entry === 'object' ? (entry as { loc?: unknown }).loc : undefined))
    .filter((loc): loc is string => typeof loc === 'string' && loc.length > 0);
}

/**
 * Parses a sitemap (sitemaps.org protocol) with fast-xml-parser. `source` names it in errors. A
 * document that is not XML, or XML that is neither a `<urlset>` nor a `<sitemapindex>`, is refused.
 */
export function parseSitemap(xml: string, source: string): SitemapContent {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InitError(`${source} is not XML (line ${valid.err.line}: ${valid.err.msg})`);
  const document = parser.parse(xml) as { urlset?: { url?: unknown }; sitemapindex?: { sitemap?: unknown } };
  if (document.urlset !== undefined) return { pages: locs(document.urlset?.url), sitemaps: [] };
  if (document.sitemapindex !== undefined) return { pages: [], sitemaps: locs(document.sitemapindex?.sitemap) };
  throw new InitError(`${source} is XML but not a sitemap: it has neither <urlset> nor <sitemapindex>`);
}

/** `Sitemap:` lines of a robots.txt, as absolute URLs (relative ones resolved against the site). */
export function sitemapsFromRobots(robots: string, site: URL): string[] {
  const found: string[] = [];
  for (const line of robots.split(/\r?\n/)) {
    const match = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    if (!match?.[1]) continue;
    try {
      found.push(new URL(match[1], site).href);
    } catch {
      // not a URL: ignored, as crawlers do
    }
  }
  return found;
}
