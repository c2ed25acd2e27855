import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small application behind a login, as real ones are: a login form that sets a session cookie
 * and redirects, pages the server redirects to /login without that cookie, a page that its own script sends
 * to /login when local storage holds no token, a public page, a page open only to an `Authorization` header, an
 * API login that answers a token, and a page reached with a token in its URL (as Jupyter's
 * `/tree?token=`). Every answer says `noindex`, as a staging server should.
 */
export interface LoginApp {
  url: string;
  user: string;
  password: string;
  /** A session id the app accepts as its `sid` cookie, as a team would export it for the suite. */
  fixedSession: string;
  /** The token `/tree?token=` accepts. */
  urlToken: string;
  close(): Promise<void>;
}

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${title} of the notes application"><title>${title} - Notes</title><link rel="icon" href="data:,">
<style>body{font-family:sans-serif;margin:2rem;color:#111;background:#fff}nav a{margin-right:1rem;color:#0645ad}</style></head>
<body><nav aria-label="Main"><a href="/dashboard">Home</a><a href="/reports">Reports</a><a href="/about">About</a></nav><main><h1>${title}</h1>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

const LOGIN_FORM = (next: string, error = '') => page('Log in', `${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/login"><input type="hidden" name="next" value="${next.replace(/[^\w/?=&%-]/g, '')}">
<p><label for="username">User name</label> <input id="username" name="username" autocomplete="username"></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Log in</button></p></form>`);

// The page's own guard, as single-page applications do it: no token, back to the login page.
const APP_SCRIPT = `const token = localStorage.getItem('app.token');
if (!token) location.replace('/login?next=/app');
else fetch('/api/me', { headers: { Authorization: 'Bearer ' + token } }).then(async (r) => {
  if (r.status !== 200) return location.replace('/login?next=/app');
  document.querySelector('[data-user]').textContent = (await r.json()).user;
});`;

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

export async function startLoginApp(): Promise<LoginApp> {
  const user = 'ada';
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const fixedSession = `fixed-${randomBytes(12).toString('hex')}`;
  const urlToken = `urltok${randomBytes(12).toString('hex')}`;
  const sessions = new Set<string>([fixedSession]);
  const tokens = new Set<string>();

  const cookieSession = (req: IncomingMessage) => /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const bearer = (req: IncomingMessage) => /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  // Each way in is checked on its own page, so a session that only half works cannot pass.
  const signedIn = (req: IncomingMessage) => sessions.has(cookieSession(req) ?? '');

  const send = (res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'x-robots-tag': 'noindex', 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const toLogin = (res: ServerResponse, path: string) => send(res, 302, '', 'text/plain', { location: `/login?next=${encodeURIComponent(path)}` });

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://app');
      const path = url.pathname;
      if (path === '/robots.txt') return send(res, 200, 'User-agent: *\nDisallow:\n', 'text/plain');
      if (path === '/login' && req.method === 'GET') return send(res, 200, LOGIN_FORM(url.searchParams.get('next') ?? '/dashboard'));
      if (path === '/login' && req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        if (form.get('username') !== user || form.get('password') !== password) return send(res, 401, LOGIN_FORM(form.get('next') ?? '/dashboard', 'Wrong user name or password.'));
        const sid = randomBytes(16).toString('hex');
        sessions.add(sid);
        const next = form.get('next') ?? '';
        return send(res, 303, '', 'text/plain', { location: next.startsWith('/') ? next : '/dashboard', 'set-cookie': `sid=${sid}; HttpOnly; Path=/; SameSite=Lax` });
      }
      if (path === '/api/login' && req.method === 'POST') {
        let body: { username?: string; password?: string } = {};
        try {
          body = JSON.parse(await readBody(req)) as typeof body;
        } catch {
          return send(res, 400, '{"error":"not JSON"}', 'application/json');
        }
        if (body.username !== user || body.password !== password) return send(res, 401, '{"error":"wrong credentials"}', 'application/json');
        const token = randomBytes(20).toString('hex');
        tokens.add(token);
        return send(res, 200, JSON.stringify({ token }), 'application/json');
      }
      if (path === '/api/me') return tokens.has(bearer(req) ?? '') ? send(res, 200, JSON.stringify({ user }), 'application/json') : send(res, 401, '{"error":"no token"}', 'application/json');
      // A third-party-like beacon that is down: teams list such URLs in browser.ignoreRequests.
      if (path === '/beacon') return send(res, 503, '', 'text/plain');
      if (path === '/about') return send(res, 200, page('About', '<p>Notes keeps your notes.</p>'));
      if (path === '/app') return send(res, 200, page('Notes app', '<p>Signed in as <span data-user>...</span></p>', APP_SCRIPT));
      if (path === '/private') return tokens.has(bearer(req) ?? '') ? send(res, 200, page('Private', '<p>Only with a token header.</p>')) : toLogin(res, path);
      if (path === '/tree') {
        if (url.searchParams.get('token') !== urlToken) return toLogin(res, path);
        return send(res, 200, page('Files', '<p>Your files.</p>', `console.error('tree view failed to list files');`));
      }
      if (path === '/dashboard' || path === '/reports') {
        if (!signedIn(req)) return toLogin(res, path);
        const beacon = path === '/reports' ? `fetch('/beacon', { method: 'POST' }).catch(() => undefined);` : '';
        return send(res, 200, page(path === '/dashboard' ? 'Dashboard' : 'Reports', `<p>Welcome back, ${user}.</p>`, beacon));
      }
      if (path === '/') return send(res, 302, '', 'text/plain', { location: '/dashboard' });
      return send(res, 404, page('Not found', '<p>No such page.</p>'));
    })().catch((error: unknown) => send(res, 500, String(error), 'text/plain'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    user,
    password,
    fixedSession,
    urlToken,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
