import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { handConfigToWorkers, handedOff, HANDOFF_VARIABLE, resolveConfig } from '../../../lib/config/index.ts';

const file = '/x/validation.config.ts';
const config = resolveConfig({ target: { name: 'Shop', baseUrl: 'https://shop.example' }, routes: [{ path: '/', name: 'home' }] }, file, {});

/** The environment a worker forked by this process inherits. */
function runnerEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  handConfigToWorkers(config, env);
  return env;
}

describe('config hand-off from the runner to its workers', () => {
  test('a worker of the runner takes the resolved config, equal to what the runner resolved', () => {
    const env = { ...runnerEnv(), TEST_WORKER_INDEX: '0' };
    assert.deepEqual(handedOff(file, env, process.pid), config);
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

  test('a damaged hand-off is ignored, never thrown', () => {
    assert.equal(handedOff(file, { [HANDOFF_VARIABLE]: '{"pid":', TEST_WORKER_INDEX: '0' }, process.pid), undefined);
  });

  test('a worker evaluating the Playwright config hands nothing on', () => {
    const env: Record<string, string | undefined> = { TEST_WORKER_INDEX: '1' };
    handConfigToWorkers(config, env);
    assert.equal(env[HANDOFF_VARIABLE], undefined);
  });

  test('a config too large for one environment string is not handed off (each worker loads it)', () => {
    const large = { ...config, routes: Array.from({ length: 5000 }, (_, index) => ({ ...config.routes[0]!, path: `/page-${index}`, name: `page-${index}` })) };
    const env: Record<string, string | undefined> = { [HANDOFF_VARIABLE]: 'stale' };
    handConfigToWorkers(large, env);
    assert.equal(env[HANDOFF_VARIABLE], undefined);
  });
});
