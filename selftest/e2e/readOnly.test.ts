import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { digest, ROOT, runSuite, tasksOf, type SuiteRun } from '../helpers/runSuite.ts';
import { startDemo } from '../helpers/services.ts';

/**
 * Read-only by default: a staging target gets no state-changing request from the contracts gate
 * (its auth probes included, against an API whose orders endpoint accepts requests without a
 * token) nor from the smoke critical path, and every operation left out is reported with why.
 * What the target received is read back from the target itself: its paper account's orders.
 */
function stagingConfig(): string {
  const dir = path.join(ROOT, '.work', 'selftest', 'read-only');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'validation.config.ts');
  // The sample config with no operation of the contracts gate marked: what a newcomer starts from.
  writeFileSync(file, [
    `import base from ${JSON.stringify(path.join(ROOT, 'validation.config.ts'))};`,
    `export default { ...base, api: { ...base.api, openapi: ${JSON.stringify(path.join(ROOT, 'demo', 'openapi.yaml'))}, contracts: { ...base.api.contracts, operations: {} } } };`,
    '',
  ].join('\n'));
  return file;
}

async function ordersOf(baseUrl: string): Promise<unknown[]> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo', password: 'paper-trading' }) });
  const { token } = (await login.json()) as { token: string };
  const orders = await fetch(`${baseUrl}/api/orders`, { headers: { authorization: `Bearer ${token}` } });
  return (await orders.json()) as unknown[];
}

describe('read-only by default', () => {
  let demo: { baseUrl: string; stop: () => Promise<void> };
  let contracts: SuiteRun;
  let smoke: SuiteRun;
  before(async () => {
    demo = await startDemo(['auth-bypass-orders']);
    const env = { BASE_URL: demo.baseUrl, TARGET_ENV: 'staging', VALIDATION_CONFIG: stagingConfig(), REDIS_URL: undefined, DATABASE_URL: undefined, DOCKER_HOST: undefined };
    contracts = await runSuite({ project: 'contracts', noDeps: true, env, timeoutMs: 300_000, name: `read-only-contracts-${process.pid}` });
    smoke = await runSuite({ project: 'smoke', noDeps: true, env, args: ['--grep', 'critical path'], timeoutMs: 300_000, name: `read-only-smoke-${process.pid}` });
  });
  after(async () => demo?.stop());

  it('the target received no order from the contracts gate, its auth probes or the smoke critical path', async () => {
    assert.deepEqual(await ordersOf(demo.baseUrl), [], `${digest(contracts)}\n${digest(smoke)}`);
  });

  it('reports every operation it left out, with the reason', () => {
    const coverage = tasksOf(contracts, 'contracts').find((task) => task.task_id.startsWith('contracts/documented-operations'));
    assert.match(coverage?.warnings.join('\n') ?? '', /POST \/api\/orders \(changes state \(POST\).*not allowed in staging.*allowStateChangeIn/, digest(contracts));
    const auth = tasksOf(contracts, 'contracts').find((task) => task.task_id.startsWith('contracts/authentication'));
    assert.match(auth?.warnings.join('\n') ?? '', /not probed: POST \/api\/orders \(changes state/, digest(contracts));
    const path = tasksOf(smoke, 'smoke').find((task) => task.task_id === 'smoke/critical-path-through-the-api');
    assert.match(path?.warnings.join('\n') ?? '', /place a paper order: changes state \(POST\).*not allowed in staging/, digest(smoke));
  });
});
