import type { SecurityCheckId, SecurityConfig } from '../config/sections/security.ts';

export type { SecurityCheckId, SecurityConfig } from '../config/sections/security.ts';

/** One header line as received: names lower-case; Set-Cookie appears once per cookie. */
export interface HeaderLine {
  name: string;
  value: string;
}

/** A response the run received, as the passive scan judges it. Built by the fixtures, judged here. */
export interface SeenResponse {
  url: string;
  method: string;
  status: number;
  headers: readonly HeaderLine[];
  /**
   * What asked for it: `document` (a page's main frame), the browser's resource type (`script`,
   * `stylesheet`, `image`, `fetch`...), or `api` (the suite's API client).
   */
  kind: string;
  /** The page (its document URL) a browser response belongs to; undefined for the API client. */
  page?: string;
  /** The body as text when it was read (text types only), cut at the configured size. */
  body?: string;
}

/** A request a page made: mixed content is judged on requests, since browsers block some before any response. */
export interface SeenRequest {
  url: string;
  kind: string;
  page: string;
}

/** One thing wrong: where, what, what was expected. */
export interface SecurityFinding {
  url: string;
  /** The header, cookie or body part concerned, e.g. `Set-Cookie session`, `Content-Security-Policy`. */
  subject: string;
  problem: string;
  expected: string;
  /** A secret's exact text: added to the redactor, never written. */
  secret?: string;
}

/** What every rule may read besides the response. */
export interface ScanContext {
  config: SecurityConfig;
  /** Origins whose responses are the target's own (base URL, API URL, security.origins). */
  origins: ReadonlySet<string>;
  /** The allow list's cookie entries: true when this cookie of this URL is exempt. */
  allowsCookie?: (url: string, cookie: string) => boolean;
}

/** One rule of the scan: which responses it reads and what it finds in one of them. */
export interface SecurityRule {
  check: SecurityCheckId;
  /** Names the operation: "<title> on <scope>". */
  title: string;
  appliesTo: (response: SeenResponse, context: ScanContext) => boolean;
  judge: (response: SeenResponse, context: ScanContext) => SecurityFinding[] | Promise<SecurityFinding[]>;
}

/** One operation to record: a rule over the responses of one scope (a page, or the task's API calls). */
export interface SecurityResult {
  check: SecurityCheckId;
  name: string;
  outcome: 'pass' | 'fail';
  message?: string;
  findings: SecurityFinding[];
  /** Responses judged, and those the allow list exempted (with the reason). */
  judged: number;
  allowed: string[];
  urls: string[];
}

export function headerValues(response: Pick<SeenResponse, 'headers'>, name: string): string[] {
  const lower = name.toLowerCase();
  return response.headers.filter((header) => header.name.toLowerCase() === lower).map((header) => header.value);
}

export function contentType(response: Pick<SeenResponse, 'headers'>): string {
  return (headerValues(response, 'content-type')[0] ?? '').toLowerCase();
}

export function isHtml(response: Pick<SeenResponse, 'headers'>): boolean {
  return /\btext\/html\b|\bapplication\/xhtml\+xml\b/.test(contentType(response));
}

export function isRedirect(response: Pick<SeenResponse, 'status'>): boolean {
  return response.status >= 300 && response.status < 400;
}

export function hasBody(response: Pick<SeenResponse, 'status' | 'method'>): boolean {
  return response.method !== 'HEAD' && response.status !== 204 && response.status !== 304 && !isRedirect(response) && response.status >= 200;
}

export function isHttps(url: string): boolean {
  return url.startsWith('https:');
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** The path and query of a URL, as allow-list patterns and scopes see it. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
