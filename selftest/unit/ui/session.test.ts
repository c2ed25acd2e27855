import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, resolveConfig } from '../../../lib/config/index.ts';
import { sessionSchema } from '../../../lib/config/sections/browser.ts';
import { Redactor } from '../../../lib/redact.ts';
import { pageShownProblem } from '../../../lib/ui/pageShown.ts';
import { attachmentSlug } from '../../../lib/ui/problems.ts';
import { credentialValues, emptySession, needsLoginToken, originPattern, placeValues } from '../../../lib/ui/session.ts';
import { linksToCurrentPage } from '../../../lib/ui/steps.ts';

const place = (placements: unknown) => sessionSchema.parse({ place: placements }).place;

describe('browser session: values placed where the application looks', () => {
  it('puts a cookie on the target host, a local and a session storage entry on its origin, and a header', () => {
    const state = placeValues(emptySession(), place([
      { in: 'cookie', name: 'sid', value: '${APP_SESSION}' },
      { in: 'localStorage', name: 'app.token' },
      { in: 'sessionStorage', name: 'app.user', value: 'ada' },
      { in: 'header', name: 'Authorization', value: 'token ${token}' },
    ]), { APP_SESSION: 'session-0123456789', token: 'tok-abcdef123456' }, 'https://notes.example:8443/base');
    assert.deepEqual(state.storageState.cookies, [{ name: 'sid', value: 'session-0123456789', domain: 'notes.example', path: '/', expires: -1, httpOnly: false, secure: true, sameSite: 'Lax' }]);
    assert.deepEqual(state.storageState.origins, [{ origin: 'https://notes.example:8443', localStorage: [{ name: 'app.token', value: 'tok-abcdef123456' }] }]);
    assert.deepEqual(state.sessionStorage, [{ origin: 'https://notes.example:8443', entries: [{ name: 'app.user', value: 'ada' }] }]);
    assert.deepEqual(state.headers, { Authorization: 'token tok-abcdef123456' });
    assert.deepEqual(state.secrets, ['session-0123456789', 'tok-abcdef123456', 'ada', 'token tok-abcdef123456']);
  });

  it('replaces what login steps left under the same name, and keeps the rest', () => {
    const steps = emptySession();
    steps.storageState.cookies.push({ name: 'sid', value: 'old', domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' });
    steps.storageState.cookies.push({ name: 'lang', value: 'en', domain: '127.0.0.1', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' });
    const state = placeValues(steps, place([{ in: 'cookie', name: 'sid', value: 'new-session-value' }]), {}, 'http://127.0.0.1:4000');
    assert.deepEqual(state.storageState.cookies.map((c) => `${c.name}=${c.value}`), ['lang=en', 'sid=new-session-value']);
    assert.equal(steps.storageState.cookies[0]?.value, 'old', 'the steps\' state is not changed in place');
  });

  it('names the key and the variable when a value cannot be filled, instead of placing an empty string', () => {
    assert.throws(() => placeValues(emptySession(), place([{ in: 'cookie', name: 'sid', value: '${APP_SESSION}' }]), {}, 'http://h'),
      /^Error: browser\.session\.place\[0\]\.value uses \$\{APP_SESSION\}, which the environment does not set$/);
    assert.throws(() => placeValues(emptySession(), place([{ in: 'localStorage', name: 't' }]), {}, 'http://h'), /uses \$\{token\}, which the API login did not give/);
  });

  it('logs in through the API only when a placed value uses ${token}', () => {
    assert.equal(needsLoginToken(sessionSchema.parse({ place: [{ in: 'header', name: 'X-Token', value: 'Bearer ${token}' }] })), true);
    assert.equal(needsLoginToken(sessionSchema.parse({ place: [{ in: 'cookie', name: 'sid', value: '${SID}' }] })), false);
  });

  it('treats every cookie and token-like storage values as credentials, not ordinary settings', () => {
    const state = emptySession();
    state.storageState.cookies.push({ name: 'sid', value: 'abc', domain: 'h', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' });
    state.storageState.origins.push({ origin: 'http://h', localStorage: [{ name: 'theme', value: 'dark' }, { name: 'jwt', value: 'eyJhbGciOiJIUzI1NiJ9.e30.sig0123456789' }] });
    state.sessionStorage.push({ origin: 'http://h', entries: [{ name: 'note', value: 'a long sentence with spaces in it' }] });
    assert.deepEqual(credentialValues(state), ['abc', 'eyJhbGciOiJIUzI1NiJ9.e30.sig0123456789']);
  });

  it('sends headers to the target\'s own origins only, never to a look-alike host or port', () => {
    const pattern = originPattern(['http://127.0.0.1:4000', 'https://api.notes.example']);
    assert.ok(pattern.test('http://127.0.0.1:4000/dashboard?x=1'));
    assert.ok(pattern.test('https://api.notes.example'));
    assert.ok(!pattern.test('http://127.0.0.1:40001/'));
    assert.ok(!pattern.test('https://api.notes.example.evil.test/'));
    assert.ok(!pattern.test('https://cdn.example/lib.js'));
  });
});

describe('browser session config', () => {
  const base = { target: { name: 'Notes', baseUrl: 'http://127.0.0.1:4000' }, routes: [{ path: '/', name: 'home' }, { path: '/dashboard', name: 'dashboard', requiresAuth: true }] };
  const problemsOf = (raw: unknown, env: Record<string, string> = {}): string[] => {
    try {
      resolveConfig(raw, '/x/c.ts', env);
      return [];
    } catch (error) {
      assert.ok(error instanceof ConfigError, String(error));
      return error.problems;
    }
  };

  it('refuses a route behind a login when no session says how to log in, naming the route', () => {
    assert.deepEqual(problemsOf(base), ['routes[1].requiresAuth needs browser.session (login steps through the pages, or a token placed in the browser): without one /dashboard would be visited logged out']);
  });

  it('refuses ${token} without an API login or API_TOKEN, and accepts it with either', () => {
    const withToken = { ...base, browser: { session: { place: [{ in: 'localStorage', name: 'app.token' }] } } };
    assert.match(problemsOf(withToken).join('\n'), /browser\.session\.place\[0\]\.value uses \$\{token\}, the API login's token: configure auth\.login or set API_TOKEN/);
    assert.deepEqual(problemsOf(withToken, { API_TOKEN: 'abc' }), []);
    assert.deepEqual(problemsOf({ ...withToken, auth: { login: { path: '/api/login', body: {} } } }), []);
  });

  it('refuses an empty session, login steps that do not end by proving the login, and mutating steps', () => {
    const text = (session: unknown) => problemsOf({ ...base, browser: { session } }).join('\n');
    assert.match(text({}), /browser\.session must give login steps, values to place, or both/);
    assert.match(text({ steps: [{ action: 'goto', path: '/login' }, { action: 'click', selector: 'button' }] }), /browser\.session\.steps\[1\] must be an expectText or expectVisible step that proves the login worked .*got \{"action":"click"/);
    assert.match(text({ steps: [{ action: 'click', selector: 'b', mutating: true }, { action: 'expectVisible', selector: 'h1' }] }), /browser\.session\.steps\[0\] must not set mutating or needs/);
    assert.match(text({ place: [{ in: 'body', name: 'x' }] }), /browser\.session\.place\[0\]\.in/);
  });

  it('checks that a route\'s finalUrl is a regular expression', () => {
    assert.match(problemsOf({ ...base, routes: [{ path: '/', name: 'home', finalUrl: '([' }] }).join('\n'), /routes\[0\]\.finalUrl must be a valid regular expression, got "\(\["/);
  });
});

describe('page shown', () => {
  const asked = 'http://127.0.0.1:4000/dashboard';

  it('is the route when the path is the same, whatever query, hash or trailing slash the application adds', () => {
    assert.equal(pageShownProblem(asked, 'http://127.0.0.1:4000/dashboard?tab=1#top'), undefined);
    assert.equal(pageShownProblem('http://h/tree?token=abc', 'http://h/tree/'), undefined);
  });

  it('names the URL asked, the URL shown and what to configure when a route lands on the login page', () => {
    assert.equal(pageShownProblem(asked, 'http://127.0.0.1:4000/login?next=%2Fdashboard'),
      'asked for /dashboard, the page shown is /login?next=%2Fdashboard: if the route is behind a login, set routes[].requiresAuth and configure browser.session; if it redirects on purpose, set routes[].finalUrl to where it lands');
    assert.match(pageShownProblem(asked, 'https://sso.example/authorize?client=x') ?? '', /^asked for \/dashboard, the page shown is https:\/\/sso\.example\/authorize\?client=x: /);
  });

  it('blames the session when the route was opened with one', () => {
    assert.match(pageShownProblem(asked, 'http://127.0.0.1:4000/login', { requiresAuth: true }, true) ?? '', /the browser session did not open it .*check browser\.session$/);
  });

  it('takes the landing pattern of a route that redirects on purpose, and fails anywhere else', () => {
    assert.equal(pageShownProblem('http://h/', 'http://h/dashboard', { finalUrl: '^/dashboard$' }), undefined);
    assert.equal(pageShownProblem('http://h/', 'http://h/login', { finalUrl: '^/dashboard$' }), 'asked for /, the page shown is /login, expected one matching routes[].finalUrl ^/dashboard$');
  });
});

describe('a link to the page it is on', () => {
  it('is recognised by its target, a hash aside, so clicking it may reload the page or do nothing', () => {
    assert.equal(linksToCurrentPage('http://h/dashboard', 'http://h/dashboard'), true);
    assert.equal(linksToCurrentPage('/dashboard#main', 'http://h/dashboard'), true);
    assert.equal(linksToCurrentPage('http://h/reports', 'http://h/dashboard'), false);
    assert.equal(linksToCurrentPage('http://h/dashboard?page=2', 'http://h/dashboard'), false);
    assert.equal(linksToCurrentPage(undefined, 'http://h/dashboard'), false);
  });
});

describe('failure attachment names', () => {
  it('are built from the redacted label: a token in a route\'s query never reaches the terminal', () => {
    const redactor = new Redactor(['s3cr3t-session-value']);
    const slug = attachmentSlug('/tree?token=abc123def456 @desktop', (text) => redactor.text(text));
    assert.equal(slug, 'tree-token-redacted-desktop');
    assert.equal(attachmentSlug('/files/s3cr3t-session-value/x', (text) => redactor.text(text)), 'files-redacted-x');
  });
});
