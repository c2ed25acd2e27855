import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { operationOverrideSchema, type OperationOverride } from '../../../lib/config/sections/contracts.ts';
import {
  listOperations,
  loadOpenApi,
  operationLabel,
  overrideProblems,
  planAuthProbes,
  redirectsAway,
  planExercise,
  requestBasePath,
  type Decision,
  type ExerciseSettings,
  type OperationInfo,
} from '../../../lib/openapi/index.ts';

/**
 * Which operations the contracts gate sends, and why not the others. Read-only by default: before,
 * every POST, PUT, PATCH and DELETE was sent unless marked, anywhere but production, and the auth
 * probes sent state-changing operations without credentials (an auth bypass placed real orders).
 */
const root = path.resolve(import.meta.dirname, '../../..');
let client: OperationInfo[];
let demo: OperationInfo[];

const overrides = (raw: Record<string, unknown>): Record<string, OperationOverride> =>
  Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, operationOverrideSchema.parse(value)]));
const settings = (raw: Record<string, unknown> = {}, more: Partial<ExerciseSettings> = {}): ExerciseSettings =>
  ({ overrides: overrides(raw), context: { environment: 'local', dryRun: false }, maxVariants: 1, ...more });
const skipped = (decisions: Decision[]) => Object.fromEntries(decisions.flatMap((d) => ('skipped' in d ? [[d.operation.id, d.skipped]] : [])));
const sent = (decisions: Decision[]) => decisions.flatMap((d) => ('requests' in d ? [d.operation.id] : []));

before(async () => {
  const loaded = await loadOpenApi('selftest/unit/openapi/documents/client-requests.yaml', root);
  const sample = await loadOpenApi('demo/openapi.yaml', root);
  assert.ok(loaded.ok && sample.ok);
  client = listOperations(loaded.document);
  demo = listOperations(sample.document);
});

describe('read-only by default', () => {
  it('sends no POST, PUT, PATCH, DELETE or x-mutating operation unless marked, and says why for each', () => {
    const decisions = planExercise(client, settings());
    const reasons = skipped(decisions);
    assert.match(reasons.createThing ?? '', /^changes state \(POST\) and is not allowed in local: list local in api\.contracts\.operations\["createThing"\]\.allowStateChangeIn to send it there$/);
    assert.match(reasons.listThings ?? '', /^changes state \(x-mutating in the document\)/);
    assert.match(reasons.deleteThings ?? '', /^changes state \(DELETE\)/);
    assert.ok(!sent(decisions).some((id) => ['createThing', 'listThings', 'deleteThings'].includes(id)));
  });

  it('sends a marked operation only in the environments it names, never under DRY_RUN=1', () => {
    const marked = { createThing: { allowStateChangeIn: ['staging'], body: { name: 'box', size: 2 } } };
    assert.match(skipped(planExercise(client, settings(marked))).createThing ?? '', /not allowed in local: api\.contracts\.operations\["createThing"\]\.allowStateChangeIn names staging/);
    assert.ok(sent(planExercise(client, settings(marked, { context: { environment: 'staging', dryRun: false } }))).includes('createThing'));
    assert.match(skipped(planExercise(client, settings(marked, { context: { environment: 'staging', dryRun: true } }))).createThing ?? '', /DRY_RUN=1 forbids that/);
  });

  it('orders writes first and deletions last', () => {
    const all = { createThing: { allowStateChangeIn: ['local'] }, listThings: { allowStateChangeIn: ['local'] }, deleteThings: { allowStateChangeIn: ['local'] } };
    const order = planExercise(client, settings(all)).map((d) => operationLabel(d.operation));
    assert.deepEqual(order.slice(0, 2).sort(), ['GET /things', 'POST /things']);
    assert.equal(order.at(-1), 'DELETE /things');
  });

  it('sends the configured login (auth.login) without a mark: the config names it as the way in', () => {
    const context = { environment: 'production' as const, dryRun: false, login: { method: 'POST', path: '/api/auth/login' } };
    const decisions = planExercise(demo, settings({}, { context }));
    assert.ok(sent(decisions).includes('login'));
    assert.match(skipped(decisions).placeOrder ?? '', /changes state \(POST\) and is not allowed in production/);
  });
});

describe('auth probes', () => {
  it('probe what needs credentials by the document, and never a state-changing operation without a mark', () => {
    const probes = planAuthProbes(demo, settings());
    assert.deepEqual(probes.map((d) => d.operation.id).sort(), ['getAccount', 'listOrders', 'listPositions', 'placeOrder']);
    assert.match(skipped(probes).placeOrder ?? '', /changes state \(POST\)/);
    assert.deepEqual(sent(planAuthProbes(demo, settings({ placeOrder: { allowStateChangeIn: ['local'] } }))).sort(), ['getAccount', 'listOrders', 'listPositions', 'placeOrder']);
  });

  it('take api.contracts.defaultAuth for operations the document gives no security, and the per-operation auth over both', () => {
    assert.deepEqual(planAuthProbes(client, settings()), [], 'the document declares no security');
    const all = planAuthProbes(client, settings({}, { defaultAuth: 'token' }));
    assert.equal(all.length, client.length);
    const publicSearch = planAuthProbes(client, settings({ search: { auth: 'none' } }, { defaultAuth: 'token' }));
    assert.ok(!publicSearch.some((d) => d.operation.id === 'search'));
    // An operation whose own security is an empty list is public: the default does not apply to it.
    const declaredPublic = client.map((operation) => (operation.id === 'search' ? { ...operation, securityFrom: 'operation' as const } : operation));
    assert.ok(!planAuthProbes(declaredPublic, settings({}, { defaultAuth: 'token' })).some((d) => d.operation.id === 'search'));
  });
});

describe('override problems and base paths', () => {
  it('name parameters an operation does not have, omitted required ones, and marks on operations that change nothing', () => {
    const problems = overrideProblems(client, overrides({
      search: { params: { query: { nope: 1 } }, omit: ['q'] },
      getItems: { omit: ['missing'], allowStateChangeIn: ['local'] },
    }));
    assert.deepEqual(problems, [
      'api.contracts.operations["search"].params.query.nope names no query parameter of GET /search',
      'api.contracts.operations["search"].omit names "q", a required query parameter: a client cannot leave it out',
      'api.contracts.operations["getItems"].omit names "missing", which is no parameter of GET /items/{ids}',
      'api.contracts.operations["getItems"].allowStateChangeIn is set, but GET /items/{ids} does not change state (it is sent anyway)',
    ]);
  });

  it('put the server path before operation paths unless the API URL ends with it', () => {
    assert.equal(requestBasePath([{ url: '/v2' }], 'http://127.0.0.1:3000'), '/v2');
    assert.equal(requestBasePath([{ url: 'https://api.example/v2/' }], 'http://127.0.0.1:3000/v2'), '');
    assert.equal(requestBasePath([{ url: 'http://127.0.0.1:47310' }], 'http://127.0.0.1:5000'), '');
    assert.equal(requestBasePath(undefined, 'http://127.0.0.1:5000'), '');
  });
});

describe('a probe redirected away', () => {
  const answer = (status: number, location?: string) => ({ status, url: 'http://127.0.0.1:8888/api/spec.yaml', headers: (location ? { location } : {}) as Record<string, string> });
  it('to a login page is a refusal: the resource was not served', () => {
    assert.equal(redirectsAway(answer(302, '/login?next=%2Fapi%2Fspec.yaml')), true);
    assert.equal(redirectsAway(answer(303, 'https://sso.example/authorize?client=x')), true);
  });
  it('to the same path, without a Location, or not a redirect at all, is not', () => {
    assert.equal(redirectsAway(answer(301, '/api/spec.yaml/')), false);
    assert.equal(redirectsAway(answer(302)), false);
    assert.equal(redirectsAway(answer(200, '/login')), false);
  });
});
