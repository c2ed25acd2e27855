import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveConfig } from '../../../lib/config/index.ts';
import { mergeConfig, suiteConfig } from '../../../projects/suiteConfig.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// Outputs under the project, as a team runs it.
delete process.env.OUTPUT_ROOT;
const config = resolveConfig({ target: { name: 'Shop', baseUrl: 'https://shop.example' }, routes: [{ path: '/', name: 'home' }] }, '/x/validation.config.ts', {});
const paths = { suiteRoot: ROOT, projectRoot: '/team' };

/** The reporters of a run under these environment variables (restored afterwards). */
function reportersWith(env: Record<string, string | undefined>): [string, Record<string, unknown>?][] {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    return suiteConfig(config, paths).reporter as unknown as [string, Record<string, unknown>?][];
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const names = (reporters: [string, unknown?][]) => reporters.map(([name]) => (name.endsWith(`riskReporter${path.extname(name)}`) ? 'risk' : name));

describe('the reporters of a run', () => {
  test('on GitHub Actions, Playwright\'s github reporter annotates the pull request', () => {
    assert.ok(names(reportersWith({ GITHUB_ACTIONS: 'true', BLOB_REPORT: undefined })).includes('github'));
    assert.ok(!names(reportersWith({ GITHUB_ACTIONS: undefined, BLOB_REPORT: undefined })).includes('github'));
  });

  test('a shard writes its blob before the risk reporter, which scrubs it', () => {
    const reporters = reportersWith({ BLOB_REPORT: '1', OUTPUT_ROOT: undefined });
    const order = names(reporters);
    assert.ok(order.indexOf('blob') >= 0 && order.indexOf('blob') < order.indexOf('risk'), order.join(', '));
    const risk = reporters[order.indexOf('risk')]![1] as { scrub: { blobDir?: string } };
    assert.equal(risk.scrub.blobDir, path.join('/team', 'blob-report'));
  });

  test('merge-reports scrubs the merged HTML report and the gathered Allure results', () => {
    const reporters = mergeConfig(config, paths).reporter as unknown as [string, Record<string, unknown>?][];
    const risk = reporters[names(reporters).indexOf('risk')]![1] as { scrub: { htmlDir?: string; allureDir?: string } };
    assert.deepEqual(risk.scrub, { htmlDir: path.join('/team', 'playwright-report'), allureDir: path.join('/team', 'allure-results') });
  });
});
