import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import YAML from 'yaml';
import { digest, failedChecksOf, ROOT, runSuite, tasksOf, type SuiteRun } from '../helpers/runSuite.ts';

/**
 * The API knobs real applications needed, on the sample target. Each was a false alarm or a config
 * that could not be written: a document that declares `security` on some operations only (the rest
 * got no token and answered 401), a health check behind the login, a login operation whose body
 * uses `${API_USER}` (sent literally: a false 401), and one default probe dropped without copying
 * the list. Here every one of them is configured, and the only failure is the one planted: a probe
 * added to the defaults that the target does serve.
 */
function setup(): string {
  const dir = path.join(ROOT, '.work', 'selftest', 'api-config');
  mkdirSync(dir, { recursive: true });
  // The sample document with security declared on some operations only.
  const document = YAML.parse(readFileSync(path.join(ROOT, 'demo', 'openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, { security?: unknown }>> };
  delete document.paths['/api/account']!.get!.security;
  delete document.paths['/api/positions']!.get!.security;
  writeFileSync(path.join(dir, 'openapi.yaml'), YAML.stringify(document));
  const publicOperations = ['getHealth', 'getReadiness', 'getQuote', 'getBars', 'getOptionExpirations', 'getMarketNews'];
  const file = path.join(dir, 'validation.config.ts');
  writeFileSync(file, [
    `import base from ${JSON.stringify(path.join(ROOT, 'validation.config.ts'))};`,
    'const contracts = base.api.contracts;',
    'export default {',
    '  ...base,',
    // Operations are counted below: the passive scan's own checks of these responses would add to them.
    '  security: { gates: [] },',
    '  api: {',
    '    ...base.api,',
    "    openapi: './openapi.yaml',",
    // The account answers 401 without a token: a health check behind the login.
    "    health: { path: '/api/${HEALTH_RESOURCE}', auth: true, budgetMs: 2_000 },",
    '    contracts: {',
    '      ...contracts,',
    "      defaultAuth: 'token',",
    '      unauthorizedStatus: [401, 403],',
    "      probes: { exclude: ['/api/metrics', '/.env'], add: ['/robots.txt'] },",
    "      probeSeverity: 'low',",
    '      operations: {',
    '        ...contracts.operations,',
    `        ...Object.fromEntries(${JSON.stringify(publicOperations)}.map((id) => [id, { auth: 'none' }])),`,
    // auth.login's own request, so sent unmarked; its body from the environment (the auth section's defaults here).
    "        login: { auth: 'none', body: { username: '${API_USER}', password: '${API_PASSWORD}' } },",
    '      },',
    '    },',
    '  },',
    '};',
    '',
  ].join('\n'));
  return file;
}

describe('api config knobs on the sample target', () => {
  let run: SuiteRun;
  before(async () => {
    run = await runSuite({
      project: 'contracts', noDeps: true, args: ['--project=data-flows'], timeoutMs: 420_000, name: `api-config-${process.pid}`,
      env: { VALIDATION_CONFIG: setup(), HEALTH_RESOURCE: 'account', API_USER: undefined, API_PASSWORD: undefined, API_TOKEN: undefined },
    });
  });

  it('reports no false 401: operations the document leaves unsecured get the default token, health carries auth, the login body is filled in', () => {
    const failed = [...tasksOf(run, 'contracts'), ...tasksOf(run, 'data-flows')].flatMap(failedChecksOf);
    assert.equal(failed.length, 1, digest(run));
    assert.match(failed[0] ?? '', /^undocumented endpoint probe: GET \/robots\.txt is not served: .*answered 200/, digest(run));
    assert.notEqual(run.summary?.verdict, 'CRITICAL', digest(run));
  });

  it('probes the four operations that need credentials, and the default probes less two plus one', () => {
    const auth = tasksOf(run, 'contracts').find((task) => task.task_id.startsWith('contracts/authentication'));
    // Four operations, four attempts each (none, invalid, expired, valid), and the coverage check.
    assert.equal(auth?.metrics.operations, 17, digest(run));
    const probes = tasksOf(run, 'contracts').find((task) => task.task_id.startsWith('contracts/undocumented-endpoints'));
    assert.equal(probes?.metrics.operations, 12, digest(run));
  });
});
