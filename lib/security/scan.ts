import type { SecurityAllowEntry, SecurityConfig } from '../config/sections/security.ts';
import { SECURITY_RULES } from './rules.ts';
import { isHttps, originOf, pathOf, type ScanContext, type SecurityFinding, type SecurityResult, type SecurityRule, type SeenRequest, type SeenResponse } from './types.ts';

/** What one task saw: its pages' responses and requests, and its API client's responses. */
export interface ScanInput {
  responses: readonly SeenResponse[];
  requests: readonly SeenRequest[];
}

/** The target's own origins: its base and API URLs and the configured extra ones. */
export function ownOrigins(baseUrl: string, apiUrl: string, config: Pick<SecurityConfig, 'origins'>): Set<string> {
  return new Set([baseUrl, apiUrl, ...config.origins].map(originOf).filter(Boolean));
}

function allowEntryFor(entries: readonly SecurityAllowEntry[], check: string, url: string): SecurityAllowEntry | undefined {
  const path = pathOf(url);
  return entries.find((entry) => !entry.cookie && (entry.check === check || entry.check === 'security/*') && (!entry.path || new RegExp(entry.path).test(path)));
}

export function cookieAllowance(entries: readonly SecurityAllowEntry[]): (url: string, cookie: string) => boolean {
  return (url, cookie) => entries.some((entry) => entry.cookie === cookie
    && (entry.check === 'security/cookie-flags' || entry.check === 'security/*')
    && (!entry.path || new RegExp(entry.path).test(pathOf(url))));
}

/** The scope a response is judged in: its page, or the task's API calls. */
function scopeOf(response: SeenResponse): string {
  return response.page ? `page ${pathOf(response.page)}` : 'API responses';
}

/** Polling pages fetch the same URL again and again: judge each distinct answer once. */
function distinct(responses: readonly SeenResponse[]): SeenResponse[] {
  const seen = new Set<string>();
  return responses.filter((response) => {
    // Date and similar headers change on every answer: the cookies and the body tell answers apart.
    const cookies = response.headers.filter((header) => header.name === 'set-cookie').map((header) => header.value);
    const key = JSON.stringify([response.method, response.url, response.status, cookies, response.body?.length ?? -1]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const LISTED = 10;

export function describeFindings(findings: readonly SecurityFinding[]): string {
  const lines = findings.slice(0, LISTED).map((f) => `${f.url}: ${f.subject}: ${f.problem}; expected ${f.expected}`);
  if (findings.length > LISTED) lines.push(`... and ${findings.length - LISTED} more`);
  return lines.join('\n');
}

function result(rule: Pick<SecurityRule, 'check' | 'title'>, scope: string, judged: readonly { url: string }[], allowed: string[], findings: SecurityFinding[]): SecurityResult {
  const failed = new Set(findings.map((f) => f.url)).size;
  return {
    check: rule.check,
    name: `security: ${rule.title} on ${scope}`,
    outcome: findings.length === 0 ? 'pass' : 'fail',
    ...(findings.length > 0 ? { message: `${failed} of ${judged.length} response(s) judged fail:\n${describeFindings(findings)}` } : {}),
    findings,
    judged: judged.length,
    allowed,
    urls: [...new Set(judged.map((r) => r.url))].slice(0, 50),
  };
}

const MIXED = { check: 'security/mixed-content' as const, title: 'no mixed content (http resources on an https page)' };

/** Mixed content, from the requests of each https page (a blocked one has no response to judge). */
function mixedContent(requests: readonly SeenRequest[], entries: readonly SecurityAllowEntry[]): SecurityResult[] {
  const byPage = new Map<string, SeenRequest[]>();
  for (const request of requests) if (isHttps(request.page)) byPage.set(request.page, [...(byPage.get(request.page) ?? []), request]);
  return [...byPage].map(([page, pageRequests]) => {
    const allowed: string[] = [];
    const judged = pageRequests.filter((request) => {
      const entry = allowEntryFor(entries, MIXED.check, request.url);
      if (entry) allowed.push(`${request.url} (${entry.reason})`);
      return !entry;
    });
    const findings = judged.filter((request) => request.url.startsWith('http:')).map((request) => ({
      url: page,
      subject: `${request.kind} ${request.url}`,
      problem: 'is loaded over plain http from an https page',
      expected: 'every resource of an https page over https',
    }));
    return result(MIXED, `page ${pathOf(page)}`, judged, allowed, findings);
  });
}

/**
 * Judges what a task saw: one result per rule and scope that had something to judge. A rule with
 * no applicable response in a scope (HSTS over http, cookie flags without a cookie) gives nothing.
 */
export async function scanResponses(input: ScanInput, context: ScanContext): Promise<SecurityResult[]> {
  const entries = context.config.allow;
  const withCookies: ScanContext = { ...context, allowsCookie: cookieAllowance(entries) };
  const own = distinct(input.responses.filter((response) => context.origins.has(originOf(response.url))));
  const scopes = new Map<string, SeenResponse[]>();
  for (const response of own) scopes.set(scopeOf(response), [...(scopes.get(scopeOf(response)) ?? []), response]);
  const results: SecurityResult[] = [];
  for (const [scope, responses] of scopes) {
    for (const rule of SECURITY_RULES) {
      const allowed: string[] = [];
      const judged = responses.filter((response) => {
        if (!rule.appliesTo(response, withCookies)) return false;
        const entry = allowEntryFor(entries, rule.check, response.url);
        if (entry) allowed.push(`${response.url} (${entry.reason})`);
        return !entry;
      });
      if (judged.length === 0) continue;
      const findings: SecurityFinding[] = [];
      for (const response of judged) findings.push(...(await rule.judge(response, withCookies)));
      results.push(result(rule, scope, judged, allowed, findings));
    }
  }
  results.push(...mixedContent(input.requests.filter((request) => context.origins.has(originOf(request.page))), entries));
  return results;
}
