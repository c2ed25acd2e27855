import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import { ApiClient } from '../../../fixtures/api.ts';
import { resolveConfig } from '../../../lib/config/index.ts';
import { RiskRecorder } from '../../../lib/risk/recorder.ts';

/**
 * An API that, like Jupyter, sets a session cookie on the first request with a valid token and
 * then takes the cookie alone: a request sent "without credentials" from the same context would
 * carry it, and an API that refuses correctly would look open.
 */
describe('a request that must be refused carries no cookie', () => {
  let server: Server;
  let context: APIRequestContext;
  let client: ApiClient;
  before(async () => {
    server = createServer((request, response) => {
      const byToken = request.headers.authorization === 'Bearer good';
      const byCookie = /(^|;\s*)sid=1(;|$)/.test(request.headers.cookie ?? '');
      if (byToken) response.setHeader('set-cookie', 'sid=1; Path=/; HttpOnly');
      response.writeHead(byToken || byCookie ? 200 : 403, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = resolveConfig({ target: { name: 'cookies', baseUrl: url }, routes: [{ path: '/', name: 'home' }] }, '/x/validation.config.json', {});
    context = await playwrightRequest.newContext();
    client = new ApiClient(context, config, new RiskRecorder('unit/cookies', 'contracts'), { API_TOKEN: 'good' }, () => undefined, () => playwrightRequest.newContext());
  });
  after(async () => {
    await context.dispose();
    await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  });

  it('is refused from a context of its own, while the shared one has the session cookie', async () => {
    assert.equal((await client.request('GET', '/api/status', { auth: 'token' })).status, 200);
    assert.equal((await client.request('GET', '/api/status')).status, 200, 'the shared context sends the cookie the token earned');
    assert.equal((await client.request('GET', '/api/status', { withoutCookies: true })).status, 403);
    assert.equal((await client.request('GET', '/api/status', { auth: 'invalid', withoutCookies: true })).status, 403);
  });
});
