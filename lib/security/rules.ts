import { judgeCookies } from './cookies.ts';
import { judgeCsp } from './csp.ts';
import { judgeErrorDisclosure } from './disclosure.ts';
import { judgeClickjacking, judgeHsts, judgeNosniff, judgeServerVersion } from './headers.ts';
import { judgeSecrets } from './secrets.ts';
import { contentType, hasBody, headerValues, isHtml, isHttps, type SecurityRule, type SeenResponse } from './types.ts';

/*
 * The scan's rules as data: which responses each reads (as ZAP's passive rules do at their
 * default threshold) and the judge that reads one. Only the target's own origins are judged.
 */

const topLevel = (response: SeenResponse) => response.kind === 'document' || response.kind === 'api';
const successfulHtml = (response: SeenResponse) => topLevel(response) && isHtml(response) && response.status >= 200 && response.status < 300;
const TEXT = /^(text\/|application\/(json|javascript|ecmascript|xml|xhtml\+xml|problem\+json|ld\+json|x-www-form-urlencoded)|[^;]*\+json|[^;]*\+xml)/;
const textual = (response: SeenResponse) => response.body !== undefined && (TEXT.test(contentType(response)) || contentType(response) === '');

export const SECURITY_RULES: readonly SecurityRule[] = [
  {
    check: 'security/csp',
    title: 'Content-Security-Policy blocks injected scripts',
    appliesTo: successfulHtml,
    judge: (response, { config }) => judgeCsp(response, config.csp.failOn),
  },
  {
    check: 'security/clickjacking',
    title: 'clickjacking protection (frame-ancestors or X-Frame-Options)',
    appliesTo: successfulHtml,
    judge: (response) => judgeClickjacking(response),
  },
  {
    check: 'security/nosniff',
    title: 'X-Content-Type-Options nosniff',
    appliesTo: (response) => hasBody(response),
    judge: (response) => judgeNosniff(response),
  },
  {
    check: 'security/hsts',
    title: 'HSTS (Strict-Transport-Security) on HTTPS',
    appliesTo: (response) => isHttps(response.url) && topLevel(response),
    judge: (response, { config }) => judgeHsts(response, config),
  },
  {
    check: 'security/cookie-flags',
    title: 'cookie flags (HttpOnly, SameSite, Secure)',
    appliesTo: (response) => headerValues(response, 'set-cookie').length > 0,
    judge: (response, context) => judgeCookies(response, context.config, (cookie) => context.allowsCookie?.(response.url, cookie) ?? false),
  },
  {
    check: 'security/server-version',
    title: 'no server version banner (Server, X-Powered-By)',
    appliesTo: () => true,
    judge: (response, { config }) => judgeServerVersion(response, config),
  },
  {
    check: 'security/error-disclosure',
    title: 'no error disclosure (stack trace, debug page) in error responses',
    appliesTo: (response, { config }) => textual(response) && (config.errorDisclosure.statuses === 'all' || response.status >= 400),
    judge: (response, { config }) => judgeErrorDisclosure(response, config),
  },
  {
    check: 'security/secrets-in-response',
    title: 'no secret in responses or page source',
    appliesTo: (response) => textual(response) && hasBody(response),
    judge: (response, { config }) => judgeSecrets(response, config.secrets.disabledRules),
  },
];
