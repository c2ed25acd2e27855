import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { compareContracts } from '../../../lib/crossPlatform/contractCompat.ts';
import { loadOpenApi } from '../../../lib/openapi/index.ts';

/** Contract compatibility between two documents: what a client of one meets in the other. */
const root = path.resolve(import.meta.dirname, '../../..');

const doc = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths });
const account = (properties: Record<string, unknown>, required: string[]) => ({
  get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', required, properties } } } } } },
});

describe('compareContracts', () => {
  test('identical documents: every operation shared, no change', () => {
    const a = doc({ '/api/account': account({ cash: { type: 'number' } }, ['cash']) });
    const result = compareContracts(a, structuredClone(a));
    assert.deepEqual(result.shared, ['GET /api/account']);
    assert.deepEqual(result.changes, []);
  });

  test('a required response field missing from the other document is a high break, naming the operation and the field', () => {
    const result = compareContracts(
      doc({ '/api/account': account({ cash: { type: 'number' }, buyingPower: { type: 'number' } }, ['cash', 'buyingPower']) }),
      doc({ '/api/account': account({ cash: { type: 'number' } }, ['cash']) }),
    );
    assert.equal(result.changes.length, 1);
    assert.deepEqual({ ...result.changes[0], message: undefined }, { operation: 'GET /api/account', location: 'response 200 body.buyingPower', kind: 'response-property-removed', severity: 'high', message: undefined });
  });

  test('a new optional field, and a new operation, are compatible additions', () => {
    const result = compareContracts(
      doc({ '/q/{symbol}': account({ price: { type: 'number' } }, ['price']) }),
      doc({ '/q/{ticker}': account({ price: { type: 'number' }, exchange: { type: 'string' } }, ['price']), '/new': account({}, []) }),
    );
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.shared, ['GET /q/{symbol}'], 'path templates match whatever their parameters are called');
    assert.ok(result.additions.some((line) => /exchange is new \(optional\)/.test(line)));
    assert.deepEqual(result.onlyTo, ['GET /new']);
  });

  test('a removed operation, a newly required parameter, a narrowed enum and a changed type are breaks', () => {
    const query = (required: boolean, schema: unknown) => ({ get: { parameters: [{ name: 'timeframe', in: 'query', required, schema }], responses: { 200: { description: 'ok' } } } });
    const result = compareContracts(
      doc({ '/bars': query(false, { type: 'string', enum: ['1D', '1W'] }), '/gone': account({}, []) }),
      doc({ '/bars': query(true, { type: 'integer', enum: ['1D'] }) }),
    );
    const kinds = result.changes.map((c) => `${c.operation} ${c.kind} ${c.severity}`).sort();
    assert.deepEqual(kinds, ['GET /bars parameter-enum-narrowed high', 'GET /bars parameter-required high', 'GET /bars parameter-type high', 'GET /gone operation-removed high']);
  });

  test('a response field that becomes a string breaks clients; an integer that becomes a number in a request does not', () => {
    const result = compareContracts(
      doc({ '/a': account({ price: { type: 'number' } }, ['price']) }),
      doc({ '/a': account({ price: { type: 'string' } }, ['price']) }),
    );
    assert.equal(result.changes[0]?.kind, 'response-type');
  });

  test('the sample platforms: PaπD 2mx is compatible with PaiiD, until its breaking change', async () => {
    const paiid = await loadOpenApi('demo/openapi.yaml', root, 10_000);
    const next = await loadOpenApi('demo/2mx/openapi.yaml', root, 10_000);
    assert.ok(paiid.ok && next.ok);
    const clean = compareContracts(paiid.dereferenced, next.dereferenced);
    assert.deepEqual(clean.changes, []);
    assert.ok(clean.additions.some((line) => line.includes('exchange')));
    // The fault's document, as the 2mx server publishes it (demo/discovery.ts).
    const text = readFileSync(path.join(root, 'demo/2mx/openapi.yaml'), 'utf8');
    const { openapiDocument } = await import('../../../demo/discovery.ts');
    const broken = await openapiDocument({ config: { variant: '2mx' }, faults: new Set(['2mx-account-breaking']) } as never);
    assert.notEqual(broken, text);
    const { parse } = await import('yaml');
    const SwaggerParser = (await import('@apidevtools/swagger-parser')).default;
    const dereferenced = await SwaggerParser.dereference(parse(broken) as never);
    const changes = compareContracts(paiid.dereferenced, dereferenced).changes;
    assert.deepEqual(changes.map((c) => `${c.operation} ${c.location}`), ['GET /api/account response 200 body.buyingPower']);
  });
});
