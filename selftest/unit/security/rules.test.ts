import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { securitySection } from '../../../lib/config/sections/security.ts';
import {
  judgeClickjacking, judgeCookies, judgeCsp, judgeErrorDisclosure, judgeHsts, judgeNosniff, judgeSecrets, judgeServerVersion, type SeenResponse,
} from '../../../lib/security/index.ts';

const config = securitySection.parse(undefined);
const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function response(headers: Record<string, string | string[]>, extra: Partial<SeenResponse> = {}): SeenResponse {
  const lines = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => ({ name: name.toLowerCase(), value: v })));
  return { url: 'http://app.test/page', method: 'GET', status: 200, kind: 'document', headers: lines, ...extra };
}

describe('security/csp (CSP Evaluator)', () => {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  it('passes a policy with self-only scripts, unsafe-inline only in style-src', () => {
    assert.deepEqual(judgeCsp(response({ ...html, 'content-security-policy': DEMO_CSP }), config.csp.failOn), []);
  });
  it('fails a page without a policy, and says a report-only policy enforces nothing', () => {
    assert.match(judgeCsp(response(html), config.csp.failOn)[0]!.problem, /no Content-Security-Policy header/);
    assert.match(judgeCsp(response({ ...html, 'content-security-policy-report-only': DEMO_CSP }), config.csp.failOn)[0]!.problem, /Report-Only .* nothing is enforced/);
  });
  it('fails unsafe-inline scripts, * and bare scheme sources, naming the directive', () => {
    const inline = judgeCsp(response({ ...html, 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'" }), config.csp.failOn);
    assert.equal(inline.length, 1);
    assert.match(inline[0]!.subject, /script-src 'unsafe-inline'/);
    assert.match(judgeCsp(response({ ...html, 'content-security-policy': 'default-src *' }), config.csp.failOn)[0]!.subject, /default-src \*/);
    assert.match(judgeCsp(response({ ...html, 'content-security-policy': "script-src https:; object-src 'none'" }), config.csp.failOn)[0]!.subject, /script-src https:/);
  });
  it('reads a policy given in <meta http-equiv>', () => {
    const body = `<html><head><meta http-equiv="Content-Security-Policy" content="${DEMO_CSP.replace(/; frame-ancestors 'none'/, '')}"></head></html>`;
    assert.deepEqual(judgeCsp(response(html, { body }), config.csp.failOn), []);
  });
  it('fails only on the configured levels: unsafe-eval is a "medium-maybe" note by default', () => {
    const evalPolicy = { ...html, 'content-security-policy': "script-src 'self' 'unsafe-eval'; object-src 'none'" };
    assert.deepEqual(judgeCsp(response(evalPolicy), config.csp.failOn), []);
    assert.equal(judgeCsp(response(evalPolicy), ['medium-maybe']).length, 2, 'unsafe-eval and the self note');
  });
});

describe('header rules', () => {
  it('clickjacking: frame-ancestors or X-Frame-Options DENY/SAMEORIGIN pass; missing, ALLOW-FROM, doubled and * fail', () => {
    assert.deepEqual(judgeClickjacking(response({ 'content-security-policy': "frame-ancestors 'none'" })), []);
    assert.deepEqual(judgeClickjacking(response({ 'x-frame-options': 'sameorigin' })), []);
    assert.match(judgeClickjacking(response({}))[0]!.problem, /missing, and no CSP frame-ancestors/);
    assert.match(judgeClickjacking(response({ 'x-frame-options': 'ALLOW-FROM https://a.test' }))[0]!.problem, /browsers ignore/);
    assert.match(judgeClickjacking(response({ 'x-frame-options': ['DENY', 'SAMEORIGIN'] }))[0]!.problem, /sent 2 times/);
    assert.match(judgeClickjacking(response({ 'content-security-policy': 'frame-ancestors *' }))[0]!.problem, /any site may frame/);
  });
  it('nosniff: exactly nosniff', () => {
    assert.deepEqual(judgeNosniff(response({ 'x-content-type-options': 'NoSniff' })), []);
    assert.match(judgeNosniff(response({}))[0]!.problem, /missing/);
    assert.match(judgeNosniff(response({ 'x-content-type-options': 'sniff' }))[0]!.problem, /is "sniff"/);
  });
  it('hsts: max-age of six months or more', () => {
    const https = { url: 'https://app.test/' };
    assert.deepEqual(judgeHsts(response({ 'strict-transport-security': 'max-age=31536000; includeSubDomains' }, https), config), []);
    assert.match(judgeHsts(response({ 'strict-transport-security': 'max-age=600' }, https), config)[0]!.problem, /max-age=600 is shorter than 15768000/);
    assert.match(judgeHsts(response({}, https), config)[0]!.problem, /missing on an HTTPS response/);
  });
  it('server version: a version in Server, any X-Powered-By', () => {
    assert.deepEqual(judgeServerVersion(response({ server: 'nginx' }), config), []);
    const found = judgeServerVersion(response({ server: 'nginx/1.25.3', 'x-powered-by': 'Express' }), config);
    assert.deepEqual(found.map((f) => f.subject), ['server', 'x-powered-by']);
  });
  it('a header whose value names nothing (X-Powered-By: hidden, Server: -) discloses nothing', () => {
    assert.deepEqual(judgeServerVersion(response({ 'x-powered-by': 'hidden', server: '-', 'x-aspnet-version': 'n/a' }), config), []);
    assert.deepEqual(judgeServerVersion(response({ 'x-powered-by': 'hidden-cms 2.1' }), config).map((f) => f.subject), ['x-powered-by'], 'a product name that starts like a placeholder still counts');
  });
});

describe('security/cookie-flags (set-cookie-parser)', () => {
  it('a session cookie must be HttpOnly and SameSite; the value is never reported', () => {
    const found = judgeCookies(response({ 'set-cookie': 'session_id=s3cr3tvalue; Path=/' }), config);
    assert.deepEqual(found.map((f) => f.expected), ['HttpOnly', 'SameSite=Lax or SameSite=Strict']);
    assert.ok(found.every((f) => !JSON.stringify(f).includes('s3cr3tvalue')));
  });
  it('a well-flagged session cookie and a plain preference cookie pass over http', () => {
    assert.deepEqual(judgeCookies(response({ 'set-cookie': ['sid=a; HttpOnly; SameSite=Strict; Path=/', 'theme=dark; Path=/'] }), config), []);
  });
  it('over https every cookie is Secure; SameSite=None needs Secure; a deletion is ignored', () => {
    const https = { url: 'https://app.test/login' };
    assert.deepEqual(judgeCookies(response({ 'set-cookie': 'theme=dark' }, https), config).map((f) => f.expected), ['Secure']);
    assert.ok(judgeCookies(response({ 'set-cookie': 'sid=a; HttpOnly; SameSite=None' }), config).some((f) => /SameSite=None without Secure/.test(f.problem)));
    assert.deepEqual(judgeCookies(response({ 'set-cookie': 'sid=; Max-Age=0' }), config), []);
  });
  it('the allow list exempts one cookie by name', () => {
    assert.deepEqual(judgeCookies(response({ 'set-cookie': 'sid=a' }), config, (name) => name === 'sid'), []);
  });
});

describe('security/error-disclosure', () => {
  const error = (body: string) => response({ 'content-type': 'application/json' }, { status: 500, body, kind: 'api' });
  it('finds a Node.js stack trace inside a JSON string', () => {
    const body = JSON.stringify({ error: 'internal_error', stack: 'TypeError: x\n    at expirations (/srv/app/api/market.ts:109:47)\n    at Object.handle (/srv/app/api/router.ts:32:9)' });
    assert.match(judgeErrorDisclosure(error(body), config)[0]!.problem, /a Node\.js stack trace: ".*market\.ts:109:47/);
  });
  it('finds tracebacks and debug pages of other stacks', () => {
    assert.match(judgeErrorDisclosure(error('Traceback (most recent call last):\n  File "app.py"'), config)[0]!.problem, /Python traceback/);
    assert.match(judgeErrorDisclosure(error("<p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings</p>"), config)[0]!.problem, /Django debug page/);
    assert.match(judgeErrorDisclosure(error('at com.acme.Orders.place(Orders.java:42)'), config)[0]!.problem, /Java stack trace/);
  });
  it('passes a generic error body, and uses configured extra patterns', () => {
    assert.deepEqual(judgeErrorDisclosure(error('{"error":"internal_error","message":"Unexpected server error"}'), config), []);
    const custom = securitySection.parse({ errorDisclosure: { extraPatterns: [{ name: 'an internal host name', pattern: '\\.corp\\.internal\\b' }] } });
    assert.match(judgeErrorDisclosure(error('{"upstream":"db1.corp.internal"}'), custom)[0]!.problem, /internal host name/);
  });
});

describe('security/secrets-in-response (secretlint)', () => {
  it('finds a token in page source, with its line, and keeps the value apart for redaction', async () => {
    const token = ['gh', 'p_', 'Q7w3Er9Ty2', 'Ui5Op1As8D', 'f4Gh6Jk0Lz', 'X3c9Vb'].join('');
    const found = await judgeSecrets(response({ 'content-type': 'text/html' }, { body: `<html>\n<!-- token ${token} -->\n</html>` }), []);
    assert.equal(found.length, 1);
    assert.match(found[0]!.subject, /^body line 2:/);
    assert.equal(found[0]!.secret, token);
    assert.ok(!found[0]!.problem.includes(token), 'the message is masked');
  });
  it('passes an ordinary body', async () => {
    assert.deepEqual(await judgeSecrets(response({ 'content-type': 'application/json' }, { body: '{"symbol":"SPY","price":512.3}', kind: 'api' }), []), []);
  });
});
