import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { hasFault, type DemoContext } from './context.ts';
import { sendText } from './http.ts';

/**
 * What a site offers to tools that discover it: a sitemap of its pages and its OpenAPI document by
 * URL (as many APIs publish theirs). `meta-orchestrator init --url ... --openapi .../openapi.yaml` reads both.
 */
const OPENAPI_FILE = fileURLToPath(new URL('./openapi.yaml', import.meta.url));
const OPENAPI_2MX_FILE = fileURLToPath(new URL('./2mx/openapi.yaml', import.meta.url));

/**
 * The document a platform publishes. PaπD 2mx's with the fault 2mx-account-breaking drops
 * Account.buyingPower, as its API then does: consistent with itself, incompatible with PaiiD's.
 */
export async function openapiDocument(ctx: DemoContext): Promise<string> {
  if (ctx.config.variant !== '2mx') return readFile(OPENAPI_FILE, 'utf8');
  const text = await readFile(OPENAPI_2MX_FILE, 'utf8');
  if (!hasFault(ctx, '2mx-account-breaking')) return text;
  return text.replace('required: [accountId, cash, equity, buyingPower, ', 'required: [accountId, cash, equity, ').replace(/\n {8}buyingPower: \{ type: number \}/, '');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The sitemap lists the pages under the address the request came to (the port is chosen at start). */
export function sitemapXml(origin: string, paths: readonly string[]): string {
  const urls = paths.map((path) => `  <url><loc>${escapeXml(`${origin}${path}`)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** Answers /sitemap.xml and /openapi.yaml; false for any other path. */
export async function serveDiscovery(ctx: DemoContext, req: IncomingMessage, res: ServerResponse, path: string, pages: readonly string[]): Promise<boolean> {
  if (path === '/sitemap.xml') {
    const host = req.headers.host ?? '127.0.0.1';
    sendText(req, res, 200, 'application/xml; charset=utf-8', sitemapXml(`http://${host}`, pages), { 'Cache-Control': 'no-cache' });
    return true;
  }
  if (path === '/openapi.yaml') {
    sendText(req, res, 200, 'application/yaml; charset=utf-8', await openapiDocument(ctx), { 'Cache-Control': 'no-cache' });
    return true;
  }
  return false;
}
