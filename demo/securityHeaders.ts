import { hasFault, type DemoContext } from './context.ts';

/*
 * The headers every answer carries, and the pages' policy. The security faults take one away or
 * add what a careless deployment sends, so the passive scan has something real to catch.
 */

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
  "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
];

/** On every response: API answers and pages alike. */
export function baseHeaders(ctx: DemoContext, isApi: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
  if (!isApi && hasFault(ctx, 'missing-nosniff')) delete headers['X-Content-Type-Options'];
  if (hasFault(ctx, 'version-banner')) {
    headers.Server = `PaiiD/2.3.1 Node.js/${process.versions.node}`;
    headers['X-Powered-By'] = 'PaiiD API 2.3.1';
  }
  return headers;
}

/** On HTML pages: no caching, and the content security policy. */
export function pageHeaders(ctx: DemoContext): Record<string, string> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
  if (hasFault(ctx, 'missing-csp')) return headers;
  const policy = hasFault(ctx, 'csp-unsafe-inline')
    ? CONTENT_SECURITY_POLICY.map((directive) => (directive === "script-src 'self'" ? "script-src 'self' 'unsafe-inline'" : directive))
    : CONTENT_SECURITY_POLICY;
  headers['Content-Security-Policy'] = policy.join('; ');
  return headers;
}
