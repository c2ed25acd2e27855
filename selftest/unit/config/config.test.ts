import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, resolveConfig } from '../../../lib/config/index.ts';

const minimal = {
  target: { name: 'Shop', baseUrl: 'https://shop.example' },
  routes: [{ path: '/', name: 'home' }],
};

function problemsOf(raw: unknown, env: Record<string, string> = {}): string[] {
  try {
    resolveConfig(raw, '/x/validation.config.ts', env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.problems;
  }
  return [];
}

describe('config validation', () => {
  test('a minimal config resolves with defaults filled in', () => {
    const config = resolveConfig(minimal, '/x/validation.config.ts', {});
    assert.equal(config.meta.baseUrl, 'https://shop.example');
    assert.equal(config.meta.apiUrl, 'https://shop.example');
    assert.equal(config.thresholds.riskTarget, 0.5);
    assert.equal(config.browser.viewports.length, 2);
    assert.equal(config.meta.environment, 'local');
    assert.equal(config.meta.startsTarget, false);
  });

  test('every problem is reported at once, each naming its key path, what was expected and what was found', () => {
    const problems = problemsOf({
      target: { name: 'Shop', baseUrl: 'not a url' },
      routes: [{ path: 'no-slash', name: 'Home Page' }],
      api: { endpoints: [{ name: 'q', path: '/q', budgetMs: 'fast' }] },
      thresholds: { riskTarget: -1 },
      colour: 'blue',
    });
    const text = problems.join('\n');
    assert.match(text, /target\.baseUrl must be a valid url, got "not a url"/);
    assert.match(text, /routes\[0\]\.path must start with "\/", got "no-slash"/);
    assert.match(text, /routes\[0\]\.name must be lowercase words joined by hyphens, got "Home Page"/);
    assert.match(text, /api\.endpoints\[0\]\.budgetMs must be a number, got "fast"/);
    assert.match(text, /thresholds\.riskTarget must be >= 0, got -1/);
    assert.match(text, /colour is not a known key/);
    assert.ok(problems.length >= 6, text);
  });

  test('a missing required value is named', () => {
    assert.match(problemsOf({ routes: [{ path: '/', name: 'home' }] }).join('\n'), /target must be an object, got nothing/);
  });

  test('an empty route list is refused', () => {
    assert.match(problemsOf({ ...minimal, routes: [] }).join('\n'), /routes must list at least one route/);
  });

  test('BASE_URL and API_URL override the config; bad values are named', () => {
    const config = resolveConfig(minimal, '/x/c.ts', { BASE_URL: 'http://127.0.0.1:9/', API_URL: 'http://127.0.0.1:8' });
    assert.equal(config.meta.baseUrl, 'http://127.0.0.1:9');
    assert.equal(config.meta.apiUrl, 'http://127.0.0.1:8');
    assert.match(problemsOf(minimal, { BASE_URL: 'ftp:/x' }).join('\n'), /BASE_URL must be an absolute http\(s\) URL/);
  });

  test('TARGET_ENV picks the environment URLs, and an unknown or unconfigured environment is refused', () => {
    const withStaging = { ...minimal, target: { ...minimal.target, environments: { staging: { baseUrl: 'https://staging.shop.example', apiUrl: 'https://api.staging.shop.example' } } } };
    const config = resolveConfig(withStaging, '/x/c.ts', { TARGET_ENV: 'staging' });
    assert.equal(config.meta.baseUrl, 'https://staging.shop.example');
    assert.equal(config.meta.apiUrl, 'https://api.staging.shop.example');
    assert.match(problemsOf(minimal, { TARGET_ENV: 'production' }).join('\n'), /target\.environments\.production must give the URLs/);
    assert.match(problemsOf(minimal, { TARGET_ENV: 'qa' }).join('\n'), /TARGET_ENV must be one of/);
  });

  test('risk thresholds come from the environment when set, validated', () => {
    const config = resolveConfig(minimal, '/x/c.ts', { RISK_TARGET: '1.5', MAX_WARNINGS: '7' });
    assert.equal(config.thresholds.riskTarget, 1.5);
    assert.equal(config.thresholds.maxWarnings, 7);
    assert.match(problemsOf(minimal, { RISK_TARGET: 'low' }).join('\n'), /RISK_TARGET must be a non-negative number, got "low"/);
    assert.match(problemsOf(minimal, { MIN_OPERATIONS: '2.5' }).join('\n'), /MIN_OPERATIONS must be a non-negative integer/);
  });

  test('passed checks shown as steps: 200 by default, the config or STEPS_PER_TEST (a count or "all"), validated', () => {
    assert.equal(resolveConfig(minimal, '/x/c.ts', {}).report.passedStepsPerTest, 200);
    assert.equal(resolveConfig({ ...minimal, report: { passedStepsPerTest: 'all' } }, '/x/c.ts', {}).report.passedStepsPerTest, 'all');
    assert.equal(resolveConfig(minimal, '/x/c.ts', { STEPS_PER_TEST: '0' }).report.passedStepsPerTest, 0);
    assert.equal(resolveConfig({ ...minimal, report: { passedStepsPerTest: 10 } }, '/x/c.ts', { STEPS_PER_TEST: 'all' }).report.passedStepsPerTest, 'all');
    assert.match(problemsOf(minimal, { STEPS_PER_TEST: 'many' }).join('\n'), /STEPS_PER_TEST must be a non-negative integer or "all", got "many"/);
    assert.match(problemsOf({ ...minimal, report: { passedStepsPerTest: -1 } }).join('\n'), /report\.passedStepsPerTest/);
  });

  test('hidden selectors are CSS, without braces (they become the screenshot\'s style sheet)', () => {
    const withHide = { ...minimal, visual: { hide: ['#notification_area'] } };
    assert.deepEqual(resolveConfig(withHide, '/x/c.ts', {}).visual.hide, ['#notification_area']);
    assert.match(problemsOf({ ...minimal, visual: { hide: ['x } body { display: none'] } }).join('\n'), /visual\.hide\[0\].*must be a CSS selector \(no braces\)/);
  });

  test('TARGET_REPO overrides the audited repository', () => {
    assert.equal(resolveConfig(minimal, '/x/c.ts', { TARGET_REPO: '/srv/app' }).meta.repository, '/srv/app');
  });

  test('the message of a ConfigError lists every problem under the file name', () => {
    try {
      resolveConfig({ target: 1 }, '/x/bad.config.ts', {});
      assert.fail('expected an error');
    } catch (error) {
      assert.match((error as Error).message, /^Invalid validation config \/x\/bad\.config\.ts:\n {2}- /);
    }
  });
});
