import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendText } from './http.ts';

export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a file under demo/public; answers false when there is none, so the caller can 404. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, relativePath: string): Promise<boolean> {
  const target = normalize(join(PUBLIC_DIR, relativePath));
  if (!target.startsWith(PUBLIC_DIR.endsWith(sep) ? PUBLIC_DIR : PUBLIC_DIR + sep)) return false;
  const contentType = CONTENT_TYPES[extname(target)];
  if (!contentType) return false;
  let body: Buffer;
  try {
    body = await readFile(target);
  } catch {
    return false;
  }
  sendText(req, res, 200, contentType, body, { 'Cache-Control': 'public, max-age=300' });
  return true;
}
