import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasFault, type DemoContext } from '../context.ts';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type';

function isAllowedOrigin(ctx: DemoContext, origin: string): boolean {
  if (hasFault(ctx, 'cors-reflect')) return true;
  return ctx.config.corsOrigins.includes(origin) || ctx.selfOrigins.has(origin);
}

/** Adds CORS headers for an allowed Origin; a disallowed one gets none at all. */
export function applyCors(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !isAllowedOrigin(ctx, origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'X-Cache');
}

/** Preflight: always 204; the allow-* headers only for an allowed Origin. */
export function answerPreflight(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): void {
  applyCors(ctx, req, res);
  if (res.hasHeader('Access-Control-Allow-Origin')) {
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(204);
  res.end();
}
