import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ContractValidator, loadOpenApi, type AspectResult, type ResponseVerdict } from '../../../lib/openapi/index.ts';

const documents = path.join(import.meta.dirname, 'documents');
const json = { 'content-type': 'application/json; charset=utf-8' };

function failed(verdict: ResponseVerdict): AspectResult[] {
  return verdict.results.filter((r) => !r.ok);
}

describe('ContractValidator on a 3.0 document', () => {
  let validator: ContractValidator;
  before(async () => {
    const loaded = await loadOpenApi('petstore30.yaml', documents);
    assert.ok(loaded.ok);
    validator = new ContractValidator(loaded.document, loaded.version);
    assert.deepEqual(validator.compileAll(), []);
  });

  it('passes a conforming response, nullable fields included', () => {
    const verdict = validator.check({ method: 'GET', path: '/v1/pets', status: 200, headers: { ...json, 'x-total': '1' }, body: [{ id: 1, name: 'Rex', tag: null, owner: null }] });
    assert.deepEqual(failed(verdict), []);
    assert.deepEqual(verdict.results.map((r) => r.aspect), ['endpoint', 'status', 'headers', 'content-type', 'schema']);
  });

  it('names the array item and property of a schema violation', () => {
    const verdict = validator.check({ method: 'GET', path: '/v1/pets', status: 200, headers: { ...json, 'x-total': '2' }, body: [{ id: 1, name: 'Rex' }, { id: 2, name: 7 }] });
    const [schema] = failed(verdict);
    assert.equal(schema?.aspect, 'schema');
    assert.match(schema?.message ?? '', /body\/1\/name must be string/);
  });

  it('converts 3.0 boolean exclusiveMinimum', () => {
    const verdict = validator.check({ method: 'GET', path: '/v1/pets', status: 200, headers: { ...json, 'x-total': '1' }, body: [{ id: 0, name: 'Zero' }] });
    assert.match(failed(verdict)[0]?.message ?? '', /body\/0\/id must be > 0/);
  });

  it('validates recursive schemas', () => {
    const body = [{ id: 1, name: 'Rex', owner: { name: 'Ann', friends: [{ name: 'Bo', friends: [{ name: 5 }] }] } }];
    const verdict = validator.check({ method: 'GET', path: '/v1/pets', status: 200, headers: { ...json, 'x-total': '1' }, body });
    assert.match(failed(verdict)[0]?.message ?? '', /friends\/0\/friends\/0\/name must be string/);
  });

  it('flags a missing required header and a header of the wrong type', () => {
    const missing = validator.check({ method: 'GET', path: '/v1/pets', status: 200, headers: json, body: [] });
    assert.match(failed(missing)[0]?.message ?? '', /required header X-Total is missing/);
    const wrong = validator.check({ method: 'GET', path: '/v1/pets', status: 200, headers: { ...json, 'x-total': 'many' }, body: [] });
    assert.match(failed(wrong)[0]?.message ?? '', /header X-Total must be integer/);
  });

  it('flags an undocumented content-type', () => {
    const verdict = validator.check({ method: 'GET', path: '/v1/pets', status: 200, headers: { 'content-type': 'text/html', 'x-total': '1' }, text: '<html>' });
    assert.deepEqual(failed(verdict).map((r) => r.aspect), ['content-type']);
    assert.match(failed(verdict)[0]?.message ?? '', /content-type "text\/html", expected application\/json/);
  });

  it('falls back to default, and to a 2XX range', () => {
    const error = validator.check({ method: 'GET', path: '/v1/pets', status: 500, headers: json, body: { message: 'boom' } });
    assert.equal(error.documentedStatus, 'default');
    assert.ok(error.ok);
    const ranged = validator.check({ method: 'GET', path: '/v1/pets/2', status: 203, headers: json, body: { id: 2, name: 'Two' } });
    assert.equal(ranged.documentedStatus, '2XX');
    assert.ok(ranged.ok);
  });

  it('flags an undocumented status of an operation without default', () => {
    const verdict = validator.check({ method: 'GET', path: '/v1/pets/1', status: 500, headers: json, body: {} });
    assert.equal(failed(verdict)[0]?.aspect, 'status');
    assert.match(failed(verdict)[0]?.message ?? '', /answered 500, a status not documented for it \(documented: 2XX\)/);
  });

  it('flags undocumented paths and methods as critical endpoint failures', () => {
    const path = validator.check({ method: 'GET', path: '/v1/admin', status: 200, headers: json, body: {} });
    assert.deepEqual(path.results.map((r) => [r.aspect, r.ok, r.severity]), [['endpoint', false, 'critical']]);
    const method = validator.check({ method: 'DELETE', path: '/v1/pets', status: 204, headers: {} });
    assert.match(method.results[0]?.message ?? '', /documents only GET \/pets, POST \/pets/);
  });

  it('prefers a literal path over a template, and reads path parameters', () => {
    const literal = validator.match('GET', '/v1/pets/mine');
    assert.equal(literal.kind === 'operation' && literal.operation.id, 'myPets');
    const templated = validator.match('GET', '/v1/pets/42?x=1');
    assert.ok(templated.kind === 'operation');
    assert.deepEqual(templated.params, { petId: '42' });
  });

  it('parses a JSON text body itself and reports one that is not JSON', () => {
    const ok = validator.check({ method: 'GET', path: '/v1/pets/1', status: 200, headers: json, text: '{"id":1,"name":"One"}' });
    assert.ok(ok.ok);
    const broken = validator.check({ method: 'GET', path: '/v1/pets/1', status: 200, headers: json, text: '{"id":' });
    assert.match(failed(broken)[0]?.message ?? '', /body is not JSON/);
  });

  it('validates a body of another media type as its text (a YAML document described as a string)', () => {
    const document = {
      openapi: '3.0.3', info: { title: 'text', version: '1' },
      paths: { '/api/spec.yaml': { get: { responses: { 200: { description: 'the document', content: { 'text/x-yaml': { schema: { type: 'string', maxLength: 40 } } } } } } } },
    };
    const text = new ContractValidator(document as never, '3.0');
    const yaml = { 'content-type': 'text/x-yaml' };
    assert.deepEqual(failed(text.check({ method: 'GET', path: '/api/spec.yaml', status: 200, headers: yaml, text: 'swagger: "2.0"\n' })), []);
    assert.match(failed(text.check({ method: 'GET', path: '/api/spec.yaml', status: 200, headers: yaml, text: 'x'.repeat(41) }))[0]?.message ?? '', /body does not match the schema/);
  });

  it('compiles each schema once and reuses it', () => {
    const pointer = '#/paths/~1pets/get/responses/200/content/application~1json/schema';
    assert.equal(validator.validatorFor(pointer), validator.validatorFor(pointer));
  });
});

describe('ContractValidator on a 3.1 document', () => {
  it('uses JSON Schema 2020-12 type arrays', async () => {
    const loaded = await loadOpenApi('minimal31.json', documents);
    assert.ok(loaded.ok);
    const validator = new ContractValidator(loaded.document, loaded.version);
    assert.ok(validator.check({ method: 'GET', path: '/items', status: 200, headers: json, body: ['a', null] }).ok);
    const bad = validator.check({ method: 'GET', path: '/items', status: 200, headers: json, body: ['a', 3] });
    assert.match(failed(bad)[0]?.message ?? '', /body\/1 must be string,null/);
  });

  it('checks the demo contract: a drifted type and a missing required field are named', async () => {
    const loaded = await loadOpenApi('demo/openapi.yaml', path.resolve(import.meta.dirname, '../../..'));
    assert.ok(loaded.ok);
    const validator = new ContractValidator(loaded.document, loaded.version);
    const quote = { symbol: 'SPY', price: '500.1', change: 1, changePercent: 0.2, bid: 500, ask: 500.2, volume: 10, timestamp: '2026-11-22T10:00:00Z' };
    const drift = validator.check({ method: 'GET', path: '/api/market/quote/SPY', status: 200, headers: { ...json, 'x-cache': 'HIT' }, body: quote });
    assert.match(failed(drift)[0]?.message ?? '', /body\/price must be number/);
    const position = { symbol: 'SPY', quantity: 1, marketPrice: 1, marketValue: 1, unrealizedPnl: 0 };
    const missing = validator.check({ method: 'GET', path: '/api/positions', status: 200, headers: json, body: [position] });
    assert.match(failed(missing)[0]?.message ?? '', /body\/0 must have required property 'averagePrice'/);
  });
});
