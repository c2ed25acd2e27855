import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  CoverageTracker,
  expiredForeignToken,
  fillPath,
  listOperations,
  loadOpenApi,
  overrideProblems,
  planRequests,
  requestTarget,
  type OperationInfo,
} from '../../../lib/openapi/index.ts';
import { operationOverrideSchema } from '../../../lib/config/sections/contracts.ts';

const override = (raw: unknown) => operationOverrideSchema.parse(raw);

const root = path.resolve(import.meta.dirname, '../../..');
let operations: OperationInfo[];
const byId = (id: string): OperationInfo => {
  const found = operations.find((operation) => operation.id === id);
  assert.ok(found, `operation ${id}`);
  return found;
};

before(async () => {
  const loaded = await loadOpenApi('demo/openapi.yaml', root);
  assert.ok(loaded.ok);
  operations = listOperations(loaded.document);
});

describe('listOperations', () => {
  it('reads ids, security, parameters through $refs, and responses', () => {
    assert.equal(operations.length, 11);
    assert.deepEqual(operations.filter((o) => o.secured).map((o) => o.id).sort(), ['getAccount', 'listOrders', 'listPositions', 'placeOrder']);
    assert.deepEqual(byId('getQuote').parameters[0]?.examples, ['SPY', 'UPSTREAM401', 'UPSTREAM500']);
    assert.deepEqual(byId('getQuote').responses.map((r) => r.status), ['200', '400', '404', '502', '503']);
    assert.deepEqual(byId('getQuote').responses[0]?.headers.map((h) => [h.name, h.required]), [['X-Cache', true]]);
  });
});

describe('planRequests', () => {
  it('sends every documented example once: the base request, then one variant per further example', () => {
    const plan = planRequests(byId('getQuote'), undefined, { maxVariants: 5 });
    assert.ok('requests' in plan);
    assert.deepEqual(plan.requests.map((r) => [r.variant, r.path]), [
      ['example', '/api/market/quote/SPY'],
      ['symbol=UPSTREAM401', '/api/market/quote/UPSTREAM401'],
      ['symbol=UPSTREAM500', '/api/market/quote/UPSTREAM500'],
    ]);
    const bars = planRequests(byId('getBars'), undefined, { maxVariants: 2 });
    assert.ok('requests' in bars);
    assert.equal(bars.requests.length, 2, 'bounded by maxVariants');
    assert.equal(bars.requests[0]?.query, 'timeframe=1D&limit=30');
  });

  it('takes bodies from examples, sends credentials to secured operations, and lets config override', () => {
    const order = planRequests(byId('placeOrder'), undefined, { maxVariants: 5 });
    assert.ok('requests' in order);
    assert.equal(order.requests[0]?.auth, 'token');
    assert.deepEqual(order.requests[0]?.body, { symbol: 'SPY', side: 'buy', quantity: 10, type: 'market' });
    assert.equal(order.requests[0]?.headers['Content-Type'], 'application/json');
    const overridden = planRequests(byId('placeOrder'), override({ body: { symbol: 'QQQ', side: 'buy', quantity: 1 }, auth: 'none' }), { maxVariants: 5 });
    assert.ok('requests' in overridden);
    assert.deepEqual(overridden.requests.map((r) => [r.auth, r.body]), [['none', { symbol: 'QQQ', side: 'buy', quantity: 1 }]]);
    const pinned = planRequests(byId('getQuote'), override({ params: { path: { symbol: 'aapl' } } }), { maxVariants: 5 });
    assert.ok('requests' in pinned);
    assert.deepEqual(pinned.requests.map((r) => requestTarget(r)), ['/api/market/quote/aapl']);
  });

  it('skips with a reason when config says so or an example is missing', () => {
    assert.deepEqual(planRequests(byId('getQuote'), override({ skip: 'flaky upstream' }), { maxVariants: 5 }), { skipped: 'flaky upstream' });
    const bare: OperationInfo = {
      id: 'get', method: 'get', path: '/x/{id}', secured: false, securityFrom: 'none', responses: [],
      parameters: [{ name: 'id', in: 'path', required: true, style: 'simple', explode: false, allowReserved: false, examples: [] }],
    };
    const plan = planRequests(bare, undefined, { maxVariants: 5 });
    assert.ok('skipped' in plan);
    assert.match(plan.skipped, /required path parameter "id" has no example and it has no schema: give one in the document or in api\.contracts\.operations\["get"\]\.params\.path/);
  });

  it('fills and encodes path templates', () => {
    assert.equal(fillPath('/a/{x}/b/{y}', { x: 'a b', y: 7 }), '/a/a%20b/b/7');
  });
});

describe('override problems', () => {
  it('names override keys that match no operation', () => {
    assert.deepEqual(overrideProblems(operations, { placeOrder: override({}), 'GET /api/account': override({}), placeOrders: override({}) }), [
      'api.contracts.operations["placeOrders"] matches no operationId or "METHOD /path" of the document',
    ]);
  });
});

describe('CoverageTracker', () => {
  it('counts exercised operations, statuses seen, and why others were not', () => {
    const coverage = new CoverageTracker(operations);
    for (const operation of operations.slice(1)) coverage.record(operation, 200);
    coverage.record(byId('getQuote'), 503);
    coverage.notExercised(operations[0]!, 'skipped by config');
    const report = coverage.report();
    assert.equal(report.documented, 11);
    assert.equal(report.exercised, 10);
    assert.equal(report.percent, 90.9);
    assert.deepEqual(report.statuses['GET /api/market/quote/{symbol}'], [200, 503]);
    assert.deepEqual(report.missing, [{ operation: 'GET /api/health', reason: 'skipped by config' }]);
  });
});

describe('expiredForeignToken', () => {
  it('is a well-formed HS256 JWT that expired an hour ago', async () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const token = await expiredForeignToken(now);
    assert.equal(decodeProtectedHeader(token).alg, 'HS256');
    assert.equal(decodeJwt(token).exp, Math.floor(now.getTime() / 1000) - 3600);
    assert.notEqual(token, await expiredForeignToken(now), 'signed with a fresh random key each time');
  });
});
