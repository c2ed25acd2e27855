import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js';
import { Severity } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';
import type { CspLevel } from '../config/sections/security.ts';
import { headerValues, type SecurityFinding, type SeenResponse } from './types.ts';

/*
 * Content-Security-Policy judged by Google's CSP Evaluator (csp_evaluator): its checks for
 * unsafe-inline, wildcard and scheme sources, missing object-src and allowlist bypasses are
 * the ones a reviewer would run by hand, kept up to date by the people who wrote them.
 */

const LEVEL_OF: Record<number, CspLevel> = {
  [Severity.HIGH]: 'high',
  [Severity.SYNTAX]: 'syntax',
  [Severity.MEDIUM]: 'medium',
  [Severity.HIGH_MAYBE]: 'high-maybe',
  [Severity.STRICT_CSP]: 'strict-csp',
  [Severity.MEDIUM_MAYBE]: 'medium-maybe',
  [Severity.INFO]: 'info',
};

export interface CspNote {
  level: CspLevel;
  directive: string;
  value: string;
  description: string;
}

/** The policies a page enforces: every Content-Security-Policy header, and <meta http-equiv> in HTML. */
export function enforcedPolicies(response: Pick<SeenResponse, 'headers' | 'body'>): { source: string; policy: string }[] {
  const policies = headerValues(response, 'content-security-policy').map((policy) => ({ source: 'Content-Security-Policy header', policy }));
  const head = response.body?.slice(0, 200_000) ?? '';
  for (const match of head.matchAll(/<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi)) {
    const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(match[0]);
    const policy = content?.[1] ?? content?.[2];
    if (policy) policies.push({ source: '<meta http-equiv="Content-Security-Policy">', policy });
  }
  return policies;
}

/** csp_evaluator's findings for one policy, with its levels named. */
export function evaluatePolicy(policy: string): CspNote[] {
  const parsed = new CspParser(policy).csp;
  return new CspEvaluator(parsed).evaluate().map((finding) => ({
    level: LEVEL_OF[finding.severity] ?? 'info',
    directive: finding.directive,
    value: finding.value ?? '',
    description: finding.description,
  }));
}

/** The directives of a policy (names lower-case, sources as written). */
export function directivesOf(policy: string): Record<string, string[]> {
  const parsed = new CspParser(policy).csp;
  return Object.fromEntries(Object.entries(parsed.directives).map(([name, values]) => [name.toLowerCase(), values ?? []]));
}

const EXPECTED = 'a Content-Security-Policy whose script sources allow no \'unsafe-inline\' (without a nonce or hash), no * and no bare scheme';

/** security/csp on one HTML response: present, and without a finding at a failing level. */
export function judgeCsp(response: SeenResponse, failOn: readonly CspLevel[]): SecurityFinding[] {
  const policies = enforcedPolicies(response);
  if (policies.length === 0) {
    const reportOnly = headerValues(response, 'content-security-policy-report-only').length > 0;
    return [{
      url: response.url,
      subject: 'Content-Security-Policy',
      problem: reportOnly ? 'only Content-Security-Policy-Report-Only is sent: nothing is enforced' : 'no Content-Security-Policy header or <meta http-equiv>',
      expected: EXPECTED,
    }];
  }
  const findings: SecurityFinding[] = [];
  for (const { source, policy } of policies) {
    for (const note of evaluatePolicy(policy)) {
      if (!failOn.includes(note.level)) continue;
      findings.push({
        url: response.url,
        subject: `${source} ${note.directive}${note.value ? ` ${note.value}` : ''}`.trim(),
        problem: `${note.description} (CSP Evaluator: ${note.level})`,
        expected: EXPECTED,
      });
    }
  }
  return findings;
}
