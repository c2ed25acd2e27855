import path from 'node:path';
import { crawl, type FetchedPage } from '../../lib/init/crawl.ts';
import { InitError } from '../../lib/init/errors.ts';
import { discoverApi, type ApiDiscovery } from '../../lib/init/openapi.ts';
import type { Discovery } from '../../lib/init/render.ts';
import { routesFromPages } from '../../lib/init/routes.ts';
import { parseSitemap, sitemapsFromRobots } from '../../lib/init/sitemap.ts';
import { loadOpenApi } from '../../lib/openapi/load.ts';
import { fetchText } from './fetchText.ts';

export interface DiscoverOptions {
  url: string;
  openapi?: string;
  /** Where the API is, when not where the document's server says. */
  apiUrl?: string;
  /** An explicit sitemap: it must parse. */
  sitemap?: string;
  repo: string;
  /** The folder the config goes to (relative paths in it are from there). */
  dir: string;
  name?: string;
  maxPages: number;
  maxDepth: number;
  maxRoutes: number;
  timeoutMs: number;
}

/** Bounds the sitemap index walk: a site's index of indexes must not run away. */
const MAX_SITEMAPS = 10;

async function get(url: string, timeoutMs: number): Promise<FetchedPage | undefined> {
  const result = await fetchText(url, timeoutMs);
  return 'error' in result ? undefined : result;
}

/** Pages listed by the site's sitemaps (robots.txt `Sitemap:` lines, else /sitemap.xml); undefined when it has none. */
async function sitemapPages(site: URL, options: DiscoverOptions, notes: string[]): Promise<{ pages: string[]; from: string } | undefined> {
  const explicit = options.sitemap !== undefined;
  let queue: string[];
  if (explicit) {
    queue = [new URL(options.sitemap!, site).href];
  } else {
    const robots = await get(new URL('/robots.txt', site).href, options.timeoutMs);
    const listed = robots && robots.status === 200 ? sitemapsFromRobots(robots.body, site) : [];
    queue = listed.length > 0 ? listed : [new URL('/sitemap.xml', site).href];
  }
  const first = queue[0]!;
  const pages: string[] = [];
  const read = new Set<string>();
  while (queue.length > 0 && read.size < MAX_SITEMAPS) {
    const url = queue.shift()!;
    if (read.has(url)) continue;
    read.add(url);
    const fetched = await fetchText(url, options.timeoutMs);
    if ('error' in fetched || fetched.status !== 200) {
      if (explicit || read.size > 1) throw new InitError(`the sitemap ${url} could not be read: ${'error' in fetched ? fetched.error : `HTTP ${fetched.status}`}`);
      return undefined;
    }
    // Single-page apps answer every path with their HTML page: that is no sitemap, so crawl instead.
    if (!explicit && read.size === 1 && /html/i.test(fetched.contentType)) {
      notes.push(`${url} answered with an HTML page, not a sitemap: crawled instead`);
      return undefined;
    }
    const content = parseSitemap(fetched.body, url);
    pages.push(...content.pages);
    queue.push(...content.sitemaps);
  }
  if (queue.length > 0) notes.push(`read ${MAX_SITEMAPS} sitemaps of the index; ${queue.length} more were left`);
  return { pages, from: first };
}

async function readApi(options: DiscoverOptions, site: URL): Promise<{ api: ApiDiscovery; openapi: string } | undefined> {
  if (options.openapi === undefined) return undefined;
  const isUrl = /^https?:\/\//i.test(options.openapi);
  const loaded = await loadOpenApi(options.openapi, process.cwd(), options.timeoutMs);
  if (!loaded.ok) {
    const verb = { read: 'could not be read', parse: 'does not parse', resolve: 'has a $ref that does not resolve', validate: 'is not valid OpenAPI', convert: 'is Swagger 2.0 that does not convert to OpenAPI 3' }[loaded.stage];
    throw new InitError(`the OpenAPI document ${options.openapi} ${verb}: ${loaded.message.split('\n')[0]}`);
  }
  // A file is named relative to the config, as the config's own paths are.
  const openapi = isUrl ? options.openapi : path.relative(options.dir, path.resolve(options.openapi)) || path.basename(options.openapi);
  return { api: discoverApi(loaded.document, loaded.dereferenced, site), openapi };
}

/** Does the API answer at this origin? A documented path that comes back as JSON (any status but 404) says so. */
async function answersApi(origin: string, probePath: string, timeoutMs: number): Promise<boolean> {
  const fetched = await fetchText(`${origin}${probePath}`, timeoutMs);
  return !('error' in fetched) && fetched.status !== 404 && fetched.status < 500 && /json/i.test(fetched.contentType);
}

/**
 * Where the API is: --api-url when given; else the document's absolute server when the API answers
 * there and not on the site (a document often names the developer's default port, not this one).
 */
async function placeApi(api: ApiDiscovery, site: URL, options: DiscoverOptions, notes: string[]): Promise<void> {
  if (options.apiUrl !== undefined) {
    if (!URL.canParse(options.apiUrl) || !/^https?:$/.test(new URL(options.apiUrl).protocol)) throw new InitError(`--api-url must be an absolute http(s) URL, got ${JSON.stringify(options.apiUrl)}`);
    api.apiUrl = options.apiUrl.replace(/\/+$/, '');
    return;
  }
  if (api.apiUrl === undefined) return;
  const probePath = api.health ?? api.endpoints.find((e) => !e.auth)?.path ?? api.endpoints[0]?.path;
  if (probePath === undefined) return;
  if (await answersApi(site.origin, probePath, options.timeoutMs)) {
    notes.push(`the document's server ${api.apiUrl} was not used: the API answers on ${site.origin} (--api-url sets it)`);
    api.apiUrl = undefined;
  } else if (!(await answersApi(api.apiUrl, probePath, options.timeoutMs))) {
    notes.push(`the API answered neither on ${site.origin} nor on the document's server ${api.apiUrl} (GET ${probePath}): check target.apiUrl`);
  }
}

/** Everything init needs from the running application and its document; `notes` say what was left out. */
export async function discover(options: DiscoverOptions): Promise<{ discovery: Discovery; notes: string[] }> {
  let site: URL;
  try {
    site = new URL(options.url);
  } catch {
    throw new InitError(`--url must be an absolute http(s) URL, got ${JSON.stringify(options.url)}`);
  }
  if (site.protocol !== 'http:' && site.protocol !== 'https:') throw new InitError(`--url must be an http(s) URL, got ${JSON.stringify(options.url)}`);
  const start = await fetchText(site.href, options.timeoutMs);
  if ('error' in start) throw new InitError(`${site.href} could not be reached: ${start.error}`);
  if (start.status >= 400) throw new InitError(`${site.href} answered HTTP ${start.status}: give the URL of a page that loads`);

  const notes: string[] = [];
  const listed = await sitemapPages(site, options, notes);
  let routeSource: string;
  let urls: string[];
  if (listed && listed.pages.length > 0) {
    const sameOrigin = listed.pages.filter((page) => URL.canParse(page) && new URL(page).origin === site.origin);
    if (sameOrigin.length < listed.pages.length) notes.push(`${listed.pages.length - sameOrigin.length} sitemap entries on another origin were left out`);
    urls = sameOrigin.length > 0 ? sameOrigin : [site.href];
    routeSource = `Found in the sitemap ${listed.from} (${listed.pages.length} entries)`;
  } else {
    const crawled = await crawl(site, (url) => get(url, options.timeoutMs), { maxPages: options.maxPages, maxDepth: options.maxDepth });
    urls = crawled.pages.length > 0 ? crawled.pages : [site.href];
    const logout = crawled.skipped.filter((s) => s.reason === 'logout-like').length;
    routeSource = `Found by crawling ${site.origin} (${crawled.pages.length} pages, at most ${options.maxPages} pages and ${options.maxDepth} links deep)`;
    if (crawled.truncated) notes.push(`the crawl stopped at its bounds (--max-pages ${options.maxPages}, --max-depth ${options.maxDepth}): add the pages it missed to routes`);
    if (logout > 0) notes.push(`${logout} logout-like link(s) were not followed`);
  }
  const { routes, leftOut } = routesFromPages(urls, site, options.maxRoutes);
  if (leftOut > 0) notes.push(`${leftOut} more page(s) were left out (--max-routes ${options.maxRoutes}): every route costs a visit per viewport in three gates`);

  const api = await readApi(options, site);
  if (api) await placeApi(api.api, site, options, notes);
  const hostname = site.hostname.replace(/^www\./, '');
  const discovery: Discovery = {
    name: options.name ?? api?.api.title ?? hostname,
    baseUrl: site.href.replace(/\/$/, ''),
    routes,
    routeSource,
    openapi: api?.openapi,
    api: api?.api,
    repository: path.relative(options.dir, path.resolve(options.repo)) || '.',
  };
  return { discovery, notes };
}
