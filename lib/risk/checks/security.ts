import type { CheckDefinition } from './types.ts';

/*
 * The passive security scan. Levels weigh ZAP's baseline (passive) rules against the HTTP
 * Observatory's score modifiers: where ZAP says Low for what the Observatory takes 20-40 points
 * for (HSTS, session cookies), the Observatory's weight of the harm wins. Checks that cannot apply
 * (HSTS or mixed content on an http origin, cookie flags with no cookie) record no operation.
 */
export const SECURITY_CHECKS: readonly CheckDefinition[] = [
  { id: 'security/csp', severity: 'medium', why: 'no Content-Security-Policy, or one an injected script walks through (unsafe-inline script, * or scheme sources): ZAP 10038/10055 Medium, Observatory -20 to -25' },
  { id: 'security/clickjacking', severity: 'medium', why: 'any site may frame the page (no frame-ancestors, no X-Frame-Options): ZAP 10020 Medium, Observatory -20' },
  { id: 'security/nosniff', severity: 'low', why: 'without X-Content-Type-Options: nosniff a browser may sniff a response into script: ZAP 10021 Low, Observatory -5' },
  { id: 'security/hsts', severity: 'medium', why: 'an HTTPS origin without a long HSTS lets a first plain request be downgraded: Observatory -20 (ZAP 10035 Low); not applicable over http' },
  { id: 'security/cookie-flags', severity: 'high', why: 'a session cookie script can read, sent cross-site or over http is a session away from theft: Observatory -30/-40 (ZAP 10010/10011/10054 Low each)' },
  { id: 'security/server-version', severity: 'low', why: 'Server / X-Powered-By naming software and version points attackers at its advisories: ZAP 10036/10037 Low, not scored by the Observatory' },
  { id: 'security/mixed-content', severity: 'medium', why: 'an https page loading http resources: browsers block scripts (a broken page) and expose the rest (ZAP 10040 Low, Observatory -50 for scripts)' },
  { id: 'security/error-disclosure', severity: 'high', why: 'a stack trace or framework debug page in an error response maps the code for an attacker (ZAP 90022 Medium; a debug page can show settings and keys)' },
  { id: 'security/secrets-in-response', severity: 'critical', why: 'a credential in a response or the page source is public the moment it is served' },
];
