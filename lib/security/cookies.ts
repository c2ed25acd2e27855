import { parseSetCookie, type Cookie } from 'set-cookie-parser';
import type { SecurityConfig } from '../config/sections/security.ts';
import { headerValues, isHttps, type SecurityFinding, type SeenResponse } from './types.ts';

/** The cookies a response sets, parsed by set-cookie-parser (one Set-Cookie line each). */
export function cookiesOf(response: Pick<SeenResponse, 'headers'>): Cookie[] {
  return parseSetCookie(headerValues(response, 'set-cookie'), { decodeValues: false, split: true });
}

/** A cookie being deleted (expired, or max-age 0) carries nothing to protect. */
function isDeletion(cookie: Cookie): boolean {
  return (cookie.maxAge !== undefined && cookie.maxAge <= 0) || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
}

/**
 * security/cookie-flags: what the Observatory and ZAP ask of a cookie. Session cookies (by name)
 * are HttpOnly and SameSite Lax/Strict (or as configured, all cookies); on an HTTPS origin every
 * cookie is Secure, and SameSite=None is only valid with Secure. The value is never reported.
 */
export function judgeCookies(response: SeenResponse, config: Pick<SecurityConfig, 'cookies'>, allowed: (cookie: string) => boolean = () => false): SecurityFinding[] {
  const session = new RegExp(config.cookies.sessionNames, 'i');
  const findings: SecurityFinding[] = [];
  for (const cookie of cookiesOf(response)) {
    if (isDeletion(cookie) || allowed(cookie.name)) continue;
    const isSession = session.test(cookie.name);
    const subject = `Set-Cookie ${cookie.name}${isSession ? ' (a session cookie)' : ''}`;
    const add = (problem: string, expected: string) => findings.push({ url: response.url, subject, problem, expected });
    if (!cookie.httpOnly && (config.cookies.httpOnly === 'all' || isSession)) add('lacks HttpOnly: page scripts (and an injected one) can read it', 'HttpOnly');
    const sameSite = cookie.sameSite?.toLowerCase();
    if (config.cookies.sameSite === 'all' || isSession) {
      if (sameSite === undefined) add('has no SameSite attribute', 'SameSite=Lax or SameSite=Strict');
      else if (!['lax', 'strict', 'none'].includes(sameSite)) add(`has SameSite=${cookie.sameSite}, which browsers do not know`, 'SameSite=Lax or SameSite=Strict');
    }
    if (sameSite === 'none' && !cookie.secure) add('has SameSite=None without Secure: browsers reject it', 'Secure with SameSite=None');
    if (isHttps(response.url) && !cookie.secure) add('lacks Secure on an HTTPS origin: it can leak over plain http', 'Secure');
  }
  return findings;
}
