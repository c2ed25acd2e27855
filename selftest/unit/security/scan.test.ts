import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECURITY_CHECK_IDS, securitySection } from '../../../lib/config/sections/security.ts';
import { checkDefinition } from '../../../lib/risk/checks/index.ts';
import { SECURITY_RULES } from '../../../lib/security/index.ts';
import { ownOrigins, scanResponses, type SeenResponse } from '../../../lib/security/index.ts';

const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'";

function seen(url: string, headers: Record<string, string>, extra: Partial<SeenResponse> = {}): SeenResponse {
  return { url, method: 'GET', status: 200, kind: 'document', headers: Object.entries(headers).map(([name, value]) => ({ name, value })), ...extra };
}
const page = (url: string, extra: Record<string, string> = {}) => seen(url, { 'content-type': 'text/html', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', ...extra }, { page: url, body: '<html></html>' });

function context(input: unknown = {}, base = 'http://app.test') {
  const config = securitySection.parse(input);
  return { config, origins: ownOrigins(base, `${base}/api`, config) };
}

describe('passive scan', () => {
  it('gives one operation per rule and scope, and none where a rule cannot apply (HSTS and mixed content over http, no cookie)', async () => {
    const results = await scanResponses({
      responses: [page('http://app.test/'), seen('http://app.test/app.js', { 'content-type': 'text/javascript', 'x-content-type-options': 'nosniff' }, { kind: 'script', page: 'http://app.test/', body: 'let a = 1;' })],
      requests: [{ url: 'http://app.test/app.js', kind: 'script', page: 'http://app.test/' }],
    }, context());
    assert.deepEqual(results.map((r) => `${r.check} ${r.outcome} ${r.judged}`), [
      'security/csp pass 1', 'security/clickjacking pass 1', 'security/nosniff pass 2', 'security/server-version pass 2', 'security/secrets-in-response pass 2',
    ]);
    assert.equal(results[0]!.name, 'security: Content-Security-Policy blocks injected scripts on page /');
  });

  it('judges only the target\'s origins: a third-party script is not the target\'s to fix', async () => {
    const results = await scanResponses({ responses: [seen('https://cdn.other.test/lib.js', {}, { kind: 'script', page: 'http://app.test/' })], requests: [] }, context());
    assert.deepEqual(results, []);
  });

  it('names the URL, the header and what was expected on a failure', async () => {
    const [csp] = await scanResponses({ responses: [seen('http://app.test/a', { 'content-type': 'text/html' }, { page: 'http://app.test/a' })], requests: [] }, context());
    assert.equal(csp?.outcome, 'fail');
    assert.match(csp?.message ?? '', /^1 of 1 response\(s\) judged fail:\nhttp:\/\/app\.test\/a: Content-Security-Policy: no Content-Security-Policy header .*; expected a Content-Security-Policy whose script sources/);
  });

  it('over https: HSTS and mixed content apply, from the page\'s requests', async () => {
    const results = await scanResponses({
      responses: [page('https://app.test/', { 'strict-transport-security': 'max-age=63072000' })],
      requests: [{ url: 'http://images.other.test/a.png', kind: 'image', page: 'https://app.test/' }],
    }, context({}, 'https://app.test'));
    assert.equal(results.find((r) => r.check === 'security/hsts')?.outcome, 'pass');
    const mixed = results.find((r) => r.check === 'security/mixed-content');
    assert.equal(mixed?.outcome, 'fail');
    assert.match(mixed?.message ?? '', /image http:\/\/images\.other\.test\/a\.png: is loaded over plain http from an https page/);
  });

  it('the allow list exempts a route from a check, and says so in the result', async () => {
    const input = { responses: [seen('http://app.test/embed/widget', { 'content-type': 'text/html', 'content-security-policy': CSP }, { page: 'http://app.test/embed/widget' })], requests: [] };
    const strict = await scanResponses(input, context());
    assert.equal(strict.find((r) => r.check === 'security/nosniff')?.outcome, 'fail');
    const allowed = await scanResponses(input, context({ allow: [{ check: 'security/nosniff', path: '^/embed/', reason: 'served by the partner CDN' }] }));
    assert.equal(allowed.find((r) => r.check === 'security/nosniff'), undefined, 'nothing left to judge: no operation');
    const all = await scanResponses(input, context({ allow: [{ check: 'security/*', path: '^/other/', reason: 'x' }] }));
    assert.equal(all.find((r) => r.check === 'security/nosniff')?.outcome, 'fail', 'a pattern that does not match exempts nothing');
  });

  it('groups API client responses in one scope and judges each distinct answer once', async () => {
    const api = (status: number, body: string) => seen('http://app.test/api/x', { 'content-type': 'application/json', 'x-content-type-options': 'nosniff', date: String(Math.random()) }, { kind: 'api', status, body });
    const results = await scanResponses({ responses: [api(200, '{"a":1}'), api(200, '{"a":1}'), api(500, '{"error":"internal"}')], requests: [] }, context());
    assert.deepEqual(results.map((r) => `${r.name} ${r.judged}`), [
      'security: X-Content-Type-Options nosniff on API responses 2',
      'security: no server version banner (Server, X-Powered-By) on API responses 2',
      'security: no error disclosure (stack trace, debug page) in error responses on API responses 1',
      'security: no secret in responses or page source on API responses 2',
    ]);
  });

  it('every rule and every id the config accepts is a registered check with its severity', () => {
    assert.deepEqual(SECURITY_CHECK_IDS.filter((id) => !checkDefinition(id)), []);
    assert.deepEqual([...SECURITY_RULES.map((rule) => rule.check), 'security/mixed-content'].sort(), [...SECURITY_CHECK_IDS].sort());
  });

  it('rejects a config with an unknown check or gate, naming the key', () => {
    assert.throws(() => securitySection.parse({ allow: [{ check: 'security/nope', reason: 'x' }] }), /check/);
    assert.throws(() => securitySection.parse({ gates: ['nope'] }), /gates/);
  });
});
