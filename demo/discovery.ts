import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sendText } from './http.ts';

/**
 * What a site offers to tools that discover it: a sitemap of its pages and its OpenAPI document by
 * URL (as many APIs publish theirs). `meta-orchestrator init --url ... --openapi .../openapi.yaml` reads both.
 */
const OPENAPI_FILE = fileURLToPath(new URL('./openapi.yaml', import.meta.url));

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The sitemap lists the pages under the address the request came to (the port is chosen at start). */
export function sitemapXml(origin: string, paths: readonly string[]): string {
  const urls = paths.map((path) => `  <url><loc>${escapeXml(`${origin}${path}`)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** Answers /sitemap.xml and /openapi.yaml; false for any other path. */
export async function serveDiscovery(req: IncomingMessage, res: ServerResponse, path: string, pages: readonly string[]): Promise<boolean> {
  if (path === '/sitemap.xml') {
    const host = req.headers.host ?? '127.0.0.1';
    sendText(req, res, 200, 'application/xml; charset=utf-8', sitemapXml(`http://${host}`, pages), { 'Cache-Control': 'no-cache' });
    return true;
  }
  if (path === '/openapi.yaml') {
    sendText(req, res, 200, 'application/yaml; charset=utf-8', await readFile(OPENAPI_FILE), { 'Cache-Control': 'no-cache' });
    return true;
  }
  return false;
}
