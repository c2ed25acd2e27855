import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { operationOverrideSchema } from '../../../lib/config/sections/contracts.ts';
import { ContractValidator, createSampler, loadOpenApi, planRequests, requestTarget, type OperationInfo, type PlannedRequest, type SchemaSampler } from '../../../lib/openapi/index.ts';

/**
 * Requests as a client of the document would send them (documents/client-requests.yaml): optional
 * parameters only when a value is given, schema-valid values where none is, every parameter
 * serialised by its style. Before this, the gate filled every optional parameter (the first enum
 * member, the default) and sent arrays and objects as JSON text: false failures by the hundred.
 */
const documents = path.join(import.meta.dirname, 'documents');
let operations: OperationInfo[];
let sample: SchemaSampler;
let validator: ContractValidator;
const byId = (id: string): OperationInfo => operations.find((operation) => operation.id === id) ?? assert.fail(`no operation ${id}`);
const override = (raw: unknown) => operationOverrideSchema.parse(raw);

function only(id: string, options: Partial<Parameters<typeof planRequests>[2]> = {}, raw?: unknown): PlannedRequest {
  const plan = planRequests(byId(id), raw === undefined ? undefined : override(raw), { maxVariants: 1, sample, ...options });
  assert.ok('requests' in plan, 'skipped' in plan ? plan.skipped : '');
  return plan.requests[0]!;
}

before(async () => {
  const loaded = await loadOpenApi('client-requests.yaml', documents);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
  validator = new ContractValidator(loaded.document, loaded.version);
  operations = validator.operations;
  sample = createSampler(loaded.document, (pointer, value) => validator.problemWith(pointer, value));
});

describe('request building', () => {
  it('leaves out optional parameters nobody gave a value for, and sends the others by their style', () => {
    const request = only('search');
    assert.equal(request.query, 'q=shoes&tags=red&tags=blue&ids=3,0,5&colors=blue%7Cblack&words=hot%20dog&filter[size]=L&filter[inStock]=true');
    assert.doesNotMatch(request.query, /limit=|sort=|pageSize=|%5B%22/, 'no first enum member, no default, no JSON text');
    assert.deepEqual(request.sampled, []);
  });

  it('serialises path, header and cookie parameters: simple, label, matrix; arrays never as JSON', () => {
    const items = only('getItems');
    assert.equal(items.path, '/items/1,2');
    assert.equal(items.headers['X-Trace'], 'a,b');
    assert.equal(items.headers.Cookie, 'session=abc');
    assert.equal(only('getLabel').path, '/label/.x,1,y,2');
    assert.equal(only('getMatrix').path, '/matrix/;list=a;list=b');
  });

  it('puts the document server path before every path', () => {
    assert.equal(requestTarget(only('getItems', { basePath: '/v2' })), '/v2/items/1,2');
  });

  it('makes schema-valid values for required parameters without an example, and prefers an example to the first enum member', () => {
    const request = only('madeUp');
    const [, kind, id] = /^\/made-up\/([^/]+)\/([^/]+)$/.exec(request.path) ?? [];
    assert.equal(kind, 'book');
    assert.match(id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(request.query, 'count=5&mode=slow');
    assert.deepEqual(request.sampled, ['kind', 'id', 'count'], 'the request says what it made up');
  });

  it('reports an operation whose required value cannot be made valid, naming the key that would fix it', () => {
    const plan = planRequests(byId('patterned'), undefined, { maxVariants: 1, sample });
    assert.ok('skipped' in plan);
    assert.match(plan.skipped, /required query parameter "code" has no example and the value made from the schema at .* is not valid: value must match pattern.*api\.contracts\.operations\["patterned"\]\.params\.query/);
  });

  it('makes a required body from its schema: required properties only, never read-only ones', () => {
    const request = only('createThing');
    assert.deepEqual(request.body, { name: 'string', size: 2 });
    assert.equal(request.headers['Content-Type'], 'application/json');
    assert.deepEqual(request.sampled, ['body']);
  });

  it('lets the config set, add and omit parameters per operation, with ${VAR} from the environment', () => {
    const request = only('search', { variables: { TERM: 'boots', TRACE: 't-1' } }, {
      params: { query: { q: '${TERM}', limit: 10, sort: 'desc' } },
      omit: ['tags', 'filter'],
      headers: { 'X-Request-Id': '${TRACE}' },
    });
    assert.equal(request.query, 'q=boots&limit=10&sort=desc&ids=3,0,5&colors=blue%7Cblack&words=hot%20dog');
    assert.equal(request.headers['X-Request-Id'], 't-1');
    const body = only('createThing', { variables: { SIZE: '7' } }, { body: { name: 'box', size: '${SIZE}' } });
    assert.deepEqual(body.body, { name: 'box', size: '7' });
    assert.deepEqual(body.sampled, []);
    const missing = planRequests(byId('search'), override({ params: { query: { q: '${NOPE}' } } }), { maxVariants: 1, sample, variables: {} });
    assert.deepEqual(missing, { skipped: 'api.contracts.operations["search"] uses ${NOPE}, which the environment does not set' });
  });
});
