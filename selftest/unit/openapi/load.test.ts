import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { describeLoadFailure, listOperations, loadOpenApi, planRequests, requestBasePath, requestTarget } from '../../../lib/openapi/index.ts';

const documents = path.join(import.meta.dirname, 'documents');
const root = path.resolve(import.meta.dirname, '../../..');

describe('loadOpenApi', () => {
  it('loads the demo 3.1 document relative to a base folder', async () => {
    const result = await loadOpenApi('demo/openapi.yaml', root);
    assert.ok(result.ok, result.ok ? '' : describeLoadFailure(result));
    assert.equal(result.version, '3.1');
    assert.ok(result.document.paths?.['/api/orders']);
  });

  it('loads a 3.0 YAML document and keeps internal $refs (recursive schemas stay finite)', async () => {
    const result = await loadOpenApi('petstore30.yaml', documents);
    assert.ok(result.ok);
    assert.equal(result.version, '3.0');
    const owner = (result.document.components as { schemas: Record<string, { properties: { friends: { items: unknown } } }> }).schemas.Owner;
    assert.deepEqual(owner?.properties.friends.items, { $ref: '#/components/schemas/Owner' });
    const dereferenced = (result.dereferenced.components as { schemas: Record<string, { properties: { friends: { items: unknown } } }> }).schemas.Owner;
    assert.equal(dereferenced?.properties.friends.items, dereferenced, 'the recursive ref becomes a cycle');
  });

  it('loads a document from a URL', async () => {
    const body = readFileSync(path.join(documents, 'minimal31.json'));
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await loadOpenApi(`http://127.0.0.1:${port}/openapi.json`, '/nowhere');
      assert.ok(result.ok, result.ok ? '' : describeLoadFailure(result));
      assert.equal(result.version, '3.1');
    } finally {
      server.close();
    }
  });

  it('reports a missing file as unreadable, without throwing', async () => {
    const result = await loadOpenApi('nope.yaml', documents);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.stage, 'read');
    assert.match(describeLoadFailure(result), /nope\.yaml cannot be read: .*ENOENT/);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const result = await loadOpenApi('unparsable.yaml', documents);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.stage, 'parse');
    assert.match(result.message, /\(3:\d+\)/);
  });

  it('names the pointer of a broken $ref and where it is used', async () => {
    const result = await loadOpenApi('broken-ref.yaml', documents);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.stage, 'resolve');
    assert.match(result.message, /#\/components\/schemas\/Missing/);
    assert.match(result.message, /referenced at #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema/);
  });

  it('names the path of an invalid document', async () => {
    const result = await loadOpenApi('invalid.json', documents);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.stage, 'validate');
    assert.match(describeLoadFailure(result), /is not a valid OpenAPI document: .*#\/paths\/~1a\/get\/responses\/200/s);
  });

  it('accepts Swagger 2.0, converted to OpenAPI 3.0: security, styles, examples and the base path carried over', async () => {
    const result = await loadOpenApi('swagger2.yaml', documents);
    assert.ok(result.ok, result.ok ? '' : describeLoadFailure(result));
    assert.equal(result.version, '3.0');
    assert.equal(result.convertedFrom, '2.0');
    const operations = listOperations(result.document);
    const byId = (id: string) => operations.find((operation) => operation.id === id);
    assert.deepEqual([byId('getStatus')?.secured, byId('getStatus')?.securityFrom], [false, 'operation']);
    assert.deepEqual([byId('listKernels')?.secured, byId('listKernels')?.securityFrom], [true, 'document']);
    assert.equal(byId('startKernel')?.changesState, 'POST');
    const plan = planRequests(byId('listKernels')!, undefined, { maxVariants: 1, basePath: requestBasePath(result.document.servers, 'http://127.0.0.1:8888') });
    assert.ok('requests' in plan);
    assert.equal(requestTarget(plan.requests[0]!), '/api/kernels?names=python3&names=ir', 'collectionFormat multi became form + explode; the optional csv list has no example');
    const deleteKernel = planRequests(byId('deleteKernel')!, undefined, { maxVariants: 1 });
    assert.ok('skipped' in deleteKernel, 'the kernel id has no example and no sampler was given');
  });

  it('names where a Swagger 2.0 document is invalid, in its own terms', async () => {
    const dir = path.join(root, '.work', 'selftest-openapi');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'swagger2-invalid.json'), JSON.stringify({
      swagger: '2.0', info: { title: 's', version: '1' },
      paths: { '/a': { get: { parameters: [{ name: 'q', in: 'query', type: 'strng' }], responses: { 200: { description: 'ok' } } } } },
    }));
    const result = await loadOpenApi('swagger2-invalid.json', dir);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.stage, 'validate');
    assert.match(describeLoadFailure(result), /is not a valid OpenAPI document: \(Swagger 2\.0\) Swagger schema validation failed.*#\/paths\/~1a\/get\/parameters\/0/s);
  });
});
