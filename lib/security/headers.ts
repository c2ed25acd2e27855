import type { SecurityConfig } from '../config/sections/security.ts';
import { directivesOf } from './csp.ts';
import { headerValues, type SecurityFinding, type SeenResponse } from './types.ts';

/** security/nosniff: X-Content-Type-Options is exactly `nosniff` (ZAP 10021). */
export function judgeNosniff(response: SeenResponse): SecurityFinding[] {
  const values = headerValues(response, 'x-content-type-options');
  if (values.length > 0 && values.every((value) => value.trim().toLowerCase() === 'nosniff')) return [];
  return [{
    url: response.url,
    subject: 'X-Content-Type-Options',
    problem: values.length === 0 ? 'missing' : `is "${values.join(', ')}"`,
    expected: 'X-Content-Type-Options: nosniff',
  }];
}

/**
 * security/clickjacking: CSP frame-ancestors (which browsers prefer), else one X-Frame-Options of
 * DENY or SAMEORIGIN (ZAP 10020; ALLOW-FROM is ignored by current browsers).
 */
export function judgeClickjacking(response: SeenResponse): SecurityFinding[] {
  const expected = 'Content-Security-Policy frame-ancestors (\'none\' or \'self\' or named origins), or X-Frame-Options: DENY or SAMEORIGIN';
  for (const policy of headerValues(response, 'content-security-policy')) {
    const ancestors = directivesOf(policy)['frame-ancestors'];
    if (!ancestors) continue;
    if (ancestors.some((source) => source === '*' || /^(https?:|\*)$/i.test(source))) {
      return [{ url: response.url, subject: 'Content-Security-Policy frame-ancestors', problem: `allows ${ancestors.join(' ')}: any site may frame the page`, expected }];
    }
    return [];
  }
  const frameOptions = headerValues(response, 'x-frame-options');
  if (frameOptions.length === 0) return [{ url: response.url, subject: 'X-Frame-Options', problem: 'missing, and no CSP frame-ancestors', expected }];
  if (frameOptions.length > 1) return [{ url: response.url, subject: 'X-Frame-Options', problem: `sent ${frameOptions.length} times (${frameOptions.join(', ')}): browsers may ignore it`, expected }];
  const value = frameOptions[0]!.trim().toUpperCase();
  if (value === 'DENY' || value === 'SAMEORIGIN') return [];
  return [{ url: response.url, subject: 'X-Frame-Options', problem: `is "${frameOptions[0]}", which current browsers ignore`, expected }];
}

/** security/hsts: an HTTPS response carries Strict-Transport-Security with a long enough max-age. */
export function judgeHsts(response: SeenResponse, config: Pick<SecurityConfig, 'hsts'>): SecurityFinding[] {
  const minimum = config.hsts.minMaxAgeSeconds;
  const expected = `Strict-Transport-Security: max-age=${minimum} or more`;
  const values = headerValues(response, 'strict-transport-security');
  if (values.length === 0) return [{ url: response.url, subject: 'Strict-Transport-Security', problem: 'missing on an HTTPS response', expected }];
  const maxAge = /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?/i.exec(values[0]!);
  if (!maxAge) return [{ url: response.url, subject: 'Strict-Transport-Security', problem: `"${values[0]}" has no max-age`, expected }];
  const seconds = Number(maxAge[1]);
  if (seconds < minimum) return [{ url: response.url, subject: 'Strict-Transport-Security', problem: `max-age=${seconds} is shorter than ${minimum} s`, expected }];
  return [];
}

const VERSION = /\d+\.\d+/;
/**
 * A value put there to name nothing (Verdaccio's `X-Powered-By: hidden`, a proxy's `Server: -`):
 * the header is present but discloses no software, so there is nothing to point an attacker at.
 */
const NAMES_NOTHING = /^(?:hidden|none|null|off|private|redacted|undisclosed|unknown|n\/a|[-*x.]*)$/i;

/** security/server-version: no header of `versionHeaders` names the software (and version). */
export function judgeServerVersion(response: SeenResponse, config: Pick<SecurityConfig, 'versionHeaders'>): SecurityFinding[] {
  const findings: SecurityFinding[] = [];
  for (const rule of config.versionHeaders) {
    for (const value of headerValues(response, rule.header)) {
      if (NAMES_NOTHING.test(value.trim())) continue;
      if (rule.leaks === 'version' && !VERSION.test(value)) continue;
      findings.push({
        url: response.url,
        subject: rule.header,
        problem: `is "${value.slice(0, 80)}"${rule.leaks === 'version' ? ', naming a version' : ''}`,
        expected: rule.leaks === 'version' ? `no version number in ${rule.header}` : `no ${rule.header} header`,
      });
    }
  }
  return findings;
}
