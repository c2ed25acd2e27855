import type { SecurityConfig } from '../config/sections/security.ts';
import type { SecurityFinding, SeenResponse } from './types.ts';

/*
 * Signatures of stack traces, framework debug pages and database errors, in the spirit of ZAP's
 * Application Errors rule (90022). A line break may be a real one or "\n" inside a JSON string.
 */
const NL = '(?:\\n|\\\\n)';

export const DISCLOSURE_SIGNATURES: readonly { name: string; pattern: string }[] = [
  { name: 'a Node.js stack trace', pattern: `${NL}\\s*at [^\\n]*?\\(?(?:file://)?[\\w./\\\\@:-]+\\.(?:[cm]?[jt]sx?):\\d+:\\d+\\)?\\s*${NL}\\s*at ` },
  { name: 'an Express debug error page', pattern: '<br> &nbsp; &nbsp;at ' },
  { name: 'a Python traceback', pattern: 'Traceback \\(most recent call last\\):' },
  { name: 'a Java stack trace', pattern: '\\bat [\\w$.]+\\([\\w$]+\\.(?:java|kt|scala):\\d+\\)' },
  { name: 'a .NET stack trace', pattern: '\\bat [\\w.`<>]+\\([^)\\n]*\\) in [^\\n]+:line \\d+|Server Error in \'[^\']*\' Application' },
  { name: 'a PHP error', pattern: '(?:PHP )?(?:Fatal error|Parse error|Warning)(?:</b>)?:[^\\n]{0,300} on line (?:<b>)?\\d+|Stack trace:\\s*' + NL + '#0 ' },
  { name: 'a Ruby backtrace', pattern: '\\.rb:\\d+:in `' },
  { name: 'a Go panic', pattern: 'goroutine \\d+ \\[running\\]:' },
  { name: 'a Django debug page', pattern: 'You\'re seeing this error because you have <code>DEBUG = True</code>' },
  { name: 'a Werkzeug debugger page', pattern: 'The debugger caught an exception in your WSGI application|Werkzeug Debugger' },
  { name: 'a Rails exception page', pattern: 'Action Controller: Exception caught' },
  { name: 'a Laravel exception page', pattern: 'Illuminate\\\\[A-Z]\\w+\\\\|Whoops, looks like something went wrong' },
  { name: 'a Spring Boot default error page', pattern: 'Whitelabel Error Page' },
  { name: 'a database error', pattern: 'You have an error in your SQL syntax|\\bORA-\\d{5}\\b|\\bPG::\\w+Error\\b|SQLSTATE\\[\\w+\\]|psycopg2\\.errors\\.|org\\.hibernate\\.\\w+Exception' },
];

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    compiled.set(pattern, re);
  }
  return re;
}

/** A short, single-line piece of the body around a match: enough to find it, not the whole trace. */
function excerpt(body: string, index: number): string {
  return body.slice(Math.max(0, index - 40), index + 100).replace(/\\n|\s+/g, ' ').trim();
}

/** security/error-disclosure: one finding per signature the body shows. */
export function judgeErrorDisclosure(response: SeenResponse, config: Pick<SecurityConfig, 'errorDisclosure'>): SecurityFinding[] {
  const body = response.body ?? '';
  if (!body) return [];
  const findings: SecurityFinding[] = [];
  for (const signature of [...DISCLOSURE_SIGNATURES, ...config.errorDisclosure.extraPatterns]) {
    const match = regex(signature.pattern).exec(body);
    if (!match) continue;
    findings.push({
      url: response.url,
      subject: `HTTP ${response.status} body`,
      problem: `shows ${signature.name}: "${excerpt(body, match.index)}"`,
      expected: 'a generic error body (an error code or reference); the details belong in the server log',
    });
  }
  return findings;
}
