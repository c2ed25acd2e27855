import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { describeLoadFailure, loadOpenApi } from '../../../lib/openapi/index.ts';

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

  it('refuses Swagger 2.0 by name', async () => {
    const dir = path.join(root, '.work', 'selftest-openapi');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'swagger2.json'), JSON.stringify({ swagger: '2.0', info: { title: 's', version: '1' }, paths: {} }));
    const result = await loadOpenApi('swagger2.json', dir);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /Only OpenAPI 3\.0 and 3\.1.*"2\.0"/);
  });
});
