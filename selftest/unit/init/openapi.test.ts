import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { discoverApi } from '../../../lib/init/openapi.ts';
import { loadOpenApi } from '../../../lib/openapi/load.ts';
import type { OpenApiDocument } from '../../../lib/openapi/types.ts';

const site = new URL('http://app.test');

/** A small document; `security` and `schemes` vary per test. */
function doc(schemes: Record<string, unknown>, security: Array<Record<string, string[]>> = [{ main: [] }], servers = [{ url: '/v1' }]): OpenApiDocument {
  const ok = (schema: unknown) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
  return {
    openapi: '3.0.3',
    info: { title: 'Shop API', version: '1' },
    servers,
    security,
    components: { securitySchemes: schemes },
    paths: {
      '/healthz': { get: { security: [], responses: ok({ type: 'object' }) } },
      '/ready': { get: { security: [], responses: ok({ type: 'object' }) } },
      '/products/{id}': { get: { operationId: 'getProduct', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', example: 7 } }], responses: ok({ type: 'object' }) } },
      '/orders/{orderId}': { get: { operationId: 'getOrder', parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok({ type: 'object' }) } },
      '/search': { get: { operationId: 'search', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: ok({}) } },
      '/report.csv': { get: { operationId: 'report', security: [], responses: { '200': { description: 'csv', content: { 'text/csv': {} } } } } },
      '/auth/login': { post: { security: [], requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string' }, password: { type: 'string' } } } } } }, responses: ok({ type: 'object', properties: { access_token: { type: 'string' } } }) } },
    },
  } as unknown as OpenApiDocument;
}

describe('what init reads from an OpenAPI document', () => {
  test('health, readiness and the GET endpoints it can call, under the server base path', () => {
    const api = discoverApi(doc({ main: { type: 'http', scheme: 'bearer' } }), doc({ main: { type: 'http', scheme: 'bearer' } }), site);
    assert.equal(api.title, 'Shop API');
    assert.equal(api.operations, 7);
    assert.equal(api.health, '/v1/healthz');
    assert.equal(api.readiness, '/v1/ready');
    assert.deepEqual(api.endpoints, [
      { name: 'getProduct', path: '/v1/products/7', auth: true, json: true, expectStatus: 200 },
      { name: 'report', path: '/v1/report.csv', auth: false, json: false, expectStatus: 200 },
    ]);
    // No example for orderId, a required query parameter for search: left for a person.
    assert.deepEqual(api.needValues, ['GET /orders/{orderId}', 'GET /search']);
    assert.equal(api.apiUrl, undefined);
  });

  test('bearer with a login operation: the login body names the fields and takes credentials from the environment', () => {
    const schemes = { main: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } };
    const { auth } = discoverApi(doc(schemes), doc(schemes), site);
    assert.equal(auth.kind, 'bearer');
    assert.equal(auth.header, 'Authorization');
    assert.equal(auth.prefix, 'Bearer');
    assert.deepEqual(auth.login, { method: 'POST', path: '/v1/auth/login', body: { email: '${API_USER}', password: '${API_PASSWORD}' }, tokenPath: 'access_token' });
  });

  test('an API key header, a Token scheme, basic auth, an unsupported scheme, and none', () => {
    const apiKey = { main: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } };
    assert.deepEqual(pick(discoverApi(doc(apiKey), doc(apiKey), site).auth), { kind: 'api-key', header: 'X-Api-Key', prefix: '' });
    const drf = { main: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Send "Token <key>"' } };
    assert.deepEqual(pick(discoverApi(doc(drf), doc(drf), site).auth), { kind: 'token', header: 'Authorization', prefix: 'Token' });
    const basic = { main: { type: 'http', scheme: 'basic' } };
    assert.deepEqual(pick(discoverApi(doc(basic), doc(basic), site).auth), { kind: 'basic', header: 'Authorization', prefix: 'Basic' });
    const cookie = { main: { type: 'apiKey', in: 'cookie', name: 'sid' } };
    const unsupported = discoverApi(doc(cookie), doc(cookie), site).auth;
    assert.equal(unsupported.kind, 'unsupported');
    assert.match(unsupported.note ?? '', /apikey scheme "main" \(in cookie\).*configure auth by hand/);
    assert.equal(discoverApi(doc({}, []), doc({}, []), site).auth.kind, 'none');
  });

  test('an absolute server on another origin is the API URL', () => {
    const document = doc({}, [], [{ url: 'https://api.shop.example/v1' }]);
    assert.equal(discoverApi(document, document, site).apiUrl, 'https://api.shop.example');
  });

  test('the sample target\'s document: its endpoints, health, readiness and login', async () => {
    const loaded = await loadOpenApi(path.join(import.meta.dirname, '../../../demo/openapi.yaml'), '.');
    assert.ok(loaded.ok);
    const api = discoverApi(loaded.document, loaded.dereferenced, new URL('http://127.0.0.1:47310'));
    assert.equal(api.health, '/api/health');
    assert.equal(api.readiness, '/api/health/readiness');
    assert.ok(api.endpoints.some((e) => e.path === '/api/market/quote/SPY'), JSON.stringify(api.endpoints));
    assert.equal(api.auth.kind, 'bearer');
    assert.equal(api.auth.login?.path, '/api/auth/login');
  });
});

function pick(auth: { kind: string; header: string; prefix: string }) {
  return { kind: auth.kind, header: auth.header, prefix: auth.prefix };
}
