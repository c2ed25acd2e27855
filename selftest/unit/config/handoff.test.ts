import assert from 'node:assert/strict';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { handConfigToWorkers, handedOff, HANDOFF_VARIABLE, resolveConfig } from '../../../lib/config/index.ts';
import { createPrivateFile } from '../../../lib/secretChannel.ts';

const file = '/x/validation.config.ts';
const config = resolveConfig({ target: { name: 'Shop', baseUrl: 'https://shop.example' }, auth: { defaultPassword: 'config-held-password' }, routes: [{ path: '/', name: 'home' }] }, file, {});

/** The environment a worker forked by this process inherits. */
function runnerEnv(handed = config): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  handConfigToWorkers(handed, env);
  return env;
}

describe('config hand-off from the runner to its workers', () => {
  test('a worker of the runner takes the resolved config, equal to what the runner resolved', () => {
    const env = { ...runnerEnv(), TEST_WORKER_INDEX: '0' };
    assert.deepEqual(handedOff(file, env, process.pid), config);
  });

  test('the environment carries only the name of a file only this user can read, never the config', () => {
    const name = runnerEnv()[HANDOFF_VARIABLE] ?? '';
    assert.ok(!name.includes('config-held-password') && !name.includes('shop.example'), name);
    assert.equal(statSync(name).mode & 0o777, 0o600);
  });

  test('a process that is not a test worker loads for itself (scripts, the runner)', () => {
    assert.equal(handedOff(file, runnerEnv(), process.pid), undefined);
  });

  test('a nested run started from a worker (another parent) loads for itself', () => {
    const env = { ...runnerEnv(), TEST_WORKER_INDEX: '0' };
    assert.equal(handedOff(file, env, process.pid + 1), undefined);
  });

  test('another config file is loaded, not the handed-off one', () => {
    const env = { ...runnerEnv(), TEST_WORKER_INDEX: '0' };
    assert.equal(handedOff('/y/other.config.ts', env, process.pid), undefined);
  });

  test('a damaged or missing hand-off file is ignored, never thrown', () => {
    const damaged = createPrivateFile('mo-config-test', '{"pid":');
    assert.equal(handedOff(file, { [HANDOFF_VARIABLE]: damaged, TEST_WORKER_INDEX: '0' }, process.pid), undefined);
    writeFileSync(damaged, '');
    assert.equal(handedOff(file, { [HANDOFF_VARIABLE]: damaged, TEST_WORKER_INDEX: '0' }, process.pid), undefined);
    rmSync(damaged);
    assert.equal(handedOff(file, { [HANDOFF_VARIABLE]: damaged, TEST_WORKER_INDEX: '0' }, process.pid), undefined);
  });

  test('a worker evaluating the Playwright config hands nothing on', () => {
    const env: Record<string, string | undefined> = { TEST_WORKER_INDEX: '1' };
    handConfigToWorkers(config, env);
    assert.equal(env[HANDOFF_VARIABLE], undefined);
  });

  test('a config of any size is handed off whole (the environment holds only its file name)', () => {
    const large = { ...config, routes: Array.from({ length: 5000 }, (_, index) => ({ ...config.routes[0]!, path: `/page-${index}`, name: `page-${index}` })) };
    const env = { ...runnerEnv(large), TEST_WORKER_INDEX: '0' };
    assert.equal(handedOff(file, env, process.pid)?.routes.length, 5000);
  });
});
