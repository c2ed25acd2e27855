import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, resolveConfig } from '../../../lib/config/index.ts';
import { DEFAULT_PROBES } from '../../../lib/config/sections/contracts.ts';
import { fillConfigValue, interpolate, secretValues, templateVariables } from '../../../lib/http.ts';

/** The API half of the config: probes without copying the defaults, refusal sets, read-only marks, one `${VAR}` grammar. */
const minimal = { target: { name: 'Shop', baseUrl: 'https://shop.example' }, routes: [{ path: '/', name: 'home' }] };
const withApi = (api: unknown, smoke?: unknown) => ({ ...minimal, api, ...(smoke ? { smoke } : {}) });

function problemsOf(raw: unknown): string[] {
  try {
    resolveConfig(raw, '/x/validation.config.ts', {});
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.problems;
  }
  return [];
}

describe('api.contracts keys', () => {
  test('probes: the defaults, a whole list, or the defaults less exclude plus add', () => {
    assert.deepEqual(resolveConfig(minimal, '/x/c.ts', {}).api.contracts.probes, DEFAULT_PROBES);
    assert.deepEqual(resolveConfig(withApi({ contracts: { probes: ['/x'] } }), '/x/c.ts', {}).api.contracts.probes, ['/x']);
    const edited = resolveConfig(withApi({ contracts: { probes: { exclude: ['/api/metrics', '/.env'], add: ['/api/_internal'] } } }), '/x/c.ts', {}).api.contracts.probes;
    assert.equal(edited.length, DEFAULT_PROBES.length - 1);
    assert.ok(!edited.includes('/api/metrics') && !edited.includes('/.env') && edited.includes('/api/_internal'));
    assert.match(problemsOf(withApi({ contracts: { probes: { exclude: ['/nope'] } } })).join('\n'), /api\.contracts\.probes\.exclude\[0\] must name a default probe \(.*\/api\/internal\/debug.*\), got "\/nope"/);
  });

  test('unauthorizedStatus: a set of refusals, 401 and 403 by default; one number still works', () => {
    assert.deepEqual(resolveConfig(minimal, '/x/c.ts', {}).api.contracts.unauthorizedStatus, [401, 403]);
    assert.deepEqual(resolveConfig(withApi({ contracts: { unauthorizedStatus: 401 } }), '/x/c.ts', {}).api.contracts.unauthorizedStatus, [401]);
    assert.deepEqual(resolveConfig(withApi({ contracts: { unauthorizedStatus: [401, 403, 404] } }), '/x/c.ts', {}).api.contracts.unauthorizedStatus, [401, 403, 404]);
  });

  test('the removed mutation keys stop the run and say what replaced them', () => {
    const problems = problemsOf(withApi({ contracts: { mutations: 'always', operations: { placeOrder: { mutating: true } } } }, {
      criticalPath: { api: [{ name: 'order', method: 'POST', path: '/o', mutating: true }], ui: [{ action: 'click', selector: '#buy', mutating: true }] },
    })).join('\n');
    assert.match(problems, /api\.contracts\.mutations was removed: state-changing operations are never sent unless api\.contracts\.operations\[\.\.\.\]\.allowStateChangeIn names the environment/);
    assert.match(problems, /api\.contracts\.operations\.placeOrder\.mutating was removed: .*allowStateChangeIn: \['local'\]/);
    assert.match(problems, /smoke\.criticalPath\.api\[0\]\.mutating was removed/);
    assert.match(problems, /smoke\.criticalPath\.ui\[0\]\.mutating was removed/);
  });

  test('allowStateChangeIn names known environments; health and readiness may carry auth', () => {
    assert.match(problemsOf(withApi({ contracts: { operations: { x: { allowStateChangeIn: ['prod'] } } } })).join('\n'), /api\.contracts\.operations\.x\.allowStateChangeIn\[0\] must be one of "local", "staging", "production"/);
    assert.match(problemsOf(withApi({ contracts: { operations: { x: { allowStateChangeIn: [] } } } })).join('\n'), /allowStateChangeIn must name at least one environment/);
    const api = resolveConfig(withApi({ health: { path: '/health', auth: true }, readiness: { path: '/ready' } }), '/x/c.ts', {}).api;
    assert.deepEqual([api.health?.auth, api.readiness?.auth], [true, false]);
  });
});

describe('one ${VAR} grammar', () => {
  const { variables, secrets } = templateVariables({ API_TOKEN: 'tok-123456', TENANT: 'acme' }, { defaultUser: 'demo', defaultPassword: 'pw-123456' });

  test('the environment, with the auth section default credentials', () => {
    assert.deepEqual(interpolate({ user: '${API_USER}', pass: '${API_PASSWORD}', path: '/t/${TENANT}/x' }, variables), { user: 'demo', pass: 'pw-123456', path: '/t/acme/x' });
    assert.deepEqual(secrets, ['pw-123456', 'tok-123456']);
  });

  test('a variable the environment does not set is named with its key, never sent empty', () => {
    assert.deepEqual(fillConfigValue('/health?key=${HEALTH_KEY}', variables, 'api.health.path'), { problem: 'api.health.path uses ${HEALTH_KEY}, which the environment does not set' });
    assert.deepEqual(fillConfigValue('/t/${TENANT}', variables, 'api.health.path'), { value: '/t/acme' });
  });

  test('values of secret-looking variables a template uses are handed to the redactor', () => {
    assert.deepEqual(secretValues({ headers: { 'X-Key': '${API_TOKEN}', 'X-Tenant': '${TENANT}' } }, variables), ['tok-123456']);
  });
});
