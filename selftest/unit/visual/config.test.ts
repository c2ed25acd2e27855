import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, resolveConfig } from '../../../lib/config/index.ts';

const minimal = { target: { name: 'My Shop', baseUrl: 'https://shop.example' }, routes: [{ path: '/', name: 'home' }] };
const file = '/repo/app/validation.config.ts';

function problemsOf(raw: unknown): string[] {
  try {
    resolveConfig(raw, file, {});
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return [];
}

describe('visual config', () => {
  it('keeps a target\'s baselines beside its config, in a folder named for the target', () => {
    const config = resolveConfig(minimal, file, {});
    assert.equal(config.meta.baselineDir, path.resolve('/repo/app/baselines/my-shop'));
    assert.deepEqual({ threshold: config.visual.threshold, maxDiffPixels: config.visual.maxDiffPixels, maxDiffPixelRatio: config.visual.maxDiffPixelRatio }, { threshold: 0.2, maxDiffPixels: 50, maxDiffPixelRatio: 0.001 });
    assert.deepEqual(config.visual.stability, { attempts: 5, intervalMs: 100, screenshotTimeoutMs: 30_000 });
  });

  it('takes another folder relative to the config file', () => {
    const config = resolveConfig({ ...minimal, visual: { baselineDir: '../shared/screens' } }, file, {});
    assert.equal(config.meta.baselineDir, path.resolve('/repo/shared/screens'));
  });

  it('reports bad values with their key paths', () => {
    const problems = problemsOf({ ...minimal, visual: { maxDiffPixels: -1, baselineDir: '', stability: { attempts: 1, wait: 3 } } });
    const text = problems.join('\n');
    assert.match(text, /visual\.maxDiffPixels must be >= 0, got -1/);
    assert.match(text, /visual\.baselineDir must not be empty, got ""/);
    assert.match(text, /visual\.stability\.attempts must be >= 2, got 1/);
    assert.match(text, /visual\.stability\.wait is not a known key/);
  });

  it('refuses route or viewport names that would share a baseline', () => {
    const problems = problemsOf({ ...minimal, routes: [{ path: '/', name: 'home' }, { path: '/start', name: 'home' }], browser: { viewports: [{ name: 'Desktop', width: 10, height: 10 }, { name: 'desktop', width: 20, height: 20 }] } });
    assert.ok(problems.some((p) => /^routes\[1\]\.name "home" names the same screens as routes\[0\]\.name "home"/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /^browser\.viewports\[1\]\.name "desktop" names the same screens/.test(p)), problems.join('\n'));
  });
});
