import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadOpenApi } from '../../../lib/openapi/load.ts';
import { apiSection } from '../../../lib/config/sections/api.ts';

/** A document served behind a token, as Jupyter serves /api/spec.yaml: without it, a redirect to the login page. */
describe('an OpenAPI document behind the login', () => {
  const document = readFileSync(path.join(import.meta.dirname, 'documents', 'swagger2.yaml'), 'utf8');
  let server: Server;
  let url = '';
  before(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/login')) {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html><form>token</form></html>');
        return;
      }
      if (request.headers.authorization !== 'token s3cret') {
        response.writeHead(302, { location: '/login?next=%2Fapi%2Fspec.yaml' }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/x-yaml' }).end(document);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/spec.yaml`;
  });
  after(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

  it('is read with the configured headers, and converted from Swagger 2.0', async () => {
    const loaded = await loadOpenApi(url, '/', 5_000, { Authorization: 'token s3cret' });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
    assert.equal(loaded.convertedFrom, '2.0');
  });

  it('without them, fails and names the key that gives them', async () => {
    const loaded = await loadOpenApi(url, '/', 5_000);
    assert.equal(loaded.ok, false);
    assert.match(loaded.ok ? '' : loaded.message, /behind the application's login, give the headers that open it in api\.openapiHeaders/);
  });

  it('takes the headers from the config, empty by default', () => {
    assert.deepEqual(apiSection.parse(undefined).openapiHeaders, {});
    assert.deepEqual(apiSection.parse({ openapiHeaders: { Authorization: 'token ${NOTEBOOK_TOKEN}' } }).openapiHeaders, { Authorization: 'token ${NOTEBOOK_TOKEN}' });
  });
});
