import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';
const MAX_BODY_BYTES = 16 * 1024;

export type Headers = Record<string, string | number>;

export interface ApiError {
  error: string;
  message: string;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, status: number, error: string, message: string, headers: Headers = {}): void {
  const body: ApiError = { error, message };
  sendJson(res, status, body, headers);
}

/** Text bodies are gzipped when the client accepts it (Lighthouse audits text compression). */
export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Headers = {},
): void {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const payload = acceptsGzip && raw.length > 1024 ? gzipSync(raw) : raw;
  res.writeHead(status, {
    ...headers,
    'Content-Type': contentType,
    'Content-Length': payload.length,
    Vary: 'Accept-Encoding',
    ...(payload === raw ? {} : { 'Content-Encoding': 'gzip' }),
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export class BodyError extends Error {}

/** Reads and parses a JSON request body; malformed or oversized bodies raise BodyError. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new BodyError('Request body is empty; expected a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError('Request body is not valid JSON');
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
