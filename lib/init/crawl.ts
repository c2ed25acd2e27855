import { extractLinks } from './links.ts';

/** One fetched page, as the crawler needs it; undefined when the request failed. */
export interface FetchedPage {
  status: number;
  contentType: string;
  body: string;
  /** After redirects. */
  url: string;
}

export type FetchPage = (url: string) => Promise<FetchedPage | undefined>;

export interface CrawlOptions {
  /** Pages fetched at most (the start page included). */
  maxPages: number;
  /** Links followed from the start page at most this many clicks deep. */
  maxDepth: number;
}

export interface CrawlResult {
  /** Same-origin HTML pages that answered 2xx, in the order found. */
  pages: string[];
  /** Links not followed and why (logout-like, not a page), for the report. */
  skipped: Array<{ url: string; reason: string }>;
  /** True when the page or depth bound stopped the crawl with links left. */
  truncated: boolean;
}

/** Following one of these would end the session or change state: never visited. */
const LOGOUT_LIKE = /(^|[/_.-])(log[-_]?out|log[-_]?off|sign[-_]?out|sign[-_]?off|exit|end[-_]?session|disconnect|unsubscribe|delete|destroy|remove)([/_.?-]|$)/i;

/** Files, not pages: the browser gates visit pages. */
const ASSET = /\.(png|jpe?g|gif|svg|webp|avif|ico|css|js|mjs|map|json|xml|txt|pdf|zip|gz|tgz|mp4|webm|mp3|wav|woff2?|ttf|eot|csv|ya?ml|wasm)$/i;

export function isLogoutLike(url: URL): boolean {
  return LOGOUT_LIKE.test(url.pathname) || /(^|&)(action|do)=(log[-_]?out|sign[-_]?out)/i.test(url.search.slice(1));
}

/** The URL a page is known by: no fragment, so `/a#x` and `/a` are one page. */
export function pageKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/**
 * Breadth-first, same-origin crawl from `start`, bounded in pages and depth, skipping logout-like
 * links and assets. The fetching is passed in, so the walk itself is tested with hand-built pages.
 */
export async function crawl(start: URL, fetchPage: FetchPage, options: CrawlOptions): Promise<CrawlResult> {
  const seen = new Set<string>([pageKey(start)]);
  const queue: Array<{ url: string; depth: number }> = [{ url: pageKey(start), depth: 0 }];
  const pages: string[] = [];
  const skipped: CrawlResult['skipped'] = [];
  let fetched = 0;
  let truncated = false;
  while (queue.length > 0) {
    if (fetched >= options.maxPages) {
      truncated = true;
      break;
    }
    const { url, depth } = queue.shift()!;
    fetched += 1;
    const page = await fetchPage(url);
    if (!page || page.status < 200 || page.status >= 300 || !/html/i.test(page.contentType)) continue;
    const landed = new URL(page.url);
    // A redirect off the site (a login provider, another domain) is not one of its pages.
    if (landed.origin !== start.origin) continue;
    const key = pageKey(landed);
    if (key !== url && seen.has(key) && pages.includes(key)) continue;
    seen.add(key);
    pages.push(key);
    for (const link of extractLinks(page.body, page.url)) {
      const target = new URL(link);
      const linkKey = pageKey(target);
      if (target.origin !== start.origin || seen.has(linkKey)) continue;
      seen.add(linkKey);
      if (isLogoutLike(target)) {
        skipped.push({ url: linkKey, reason: 'logout-like' });
      } else if (ASSET.test(target.pathname)) {
        skipped.push({ url: linkKey, reason: 'not a page' });
      } else if (depth + 1 > options.maxDepth) {
        truncated = true;
      } else {
        queue.push({ url: linkKey, depth: depth + 1 });
      }
    }
  }
  return { pages, skipped, truncated };
}
