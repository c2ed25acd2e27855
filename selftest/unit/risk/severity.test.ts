import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, resolveConfig } from '../../../lib/config/index.ts';
import { CHECKS, RiskRecorder, SeverityResolver, severityKeyProblems } from '../../../lib/risk/index.ts';

const minimal = { target: { name: 'Shop', baseUrl: 'https://shop.example' }, routes: [{ path: '/', name: 'home' }] };
const axeRules = () => ['color-contrast', 'image-alt', 'label'];

function problemsOf(raw: Record<string, unknown>, env: Record<string, string> = {}): string[] {
  try {
    resolveConfig({ ...minimal, ...raw }, '/x/validation.config.ts', env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  return [];
}

describe('the check registry', () => {
  test('every check has a unique area/name id, a severity and a reason', () => {
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate check ids');
    for (const check of CHECKS) {
      assert.match(check.id, /^[a-z0-9-]+\/[a-z0-9-]+$/, check.id);
      assert.ok(['critical', 'high', 'medium', 'low'].includes(check.severity), check.id);
      assert.ok(check.why.length > 20, `${check.id} says why`);
    }
  });
});

describe('severity resolution, ESLint style', () => {
  test('the registry default applies when nothing else is said', () => {
    const resolver = new SeverityResolver();
    assert.equal(resolver.resolve('browser/console-error'), 'medium');
    assert.equal(resolver.resolve('audit/secrets'), 'critical');
    assert.equal(resolver.resolve('a11y/axe/color-contrast'), 'medium', 'a tool rule takes its check default');
  });
  test('a tool-given level wins over the default; the config wins over both, exact id before its check', () => {
    const resolver = new SeverityResolver({ 'a11y/axe': 'low', 'a11y/axe/image-alt': 'high', 'browser/console-error': 'off' });
    assert.equal(new SeverityResolver().resolve('a11y/axe/label', 'critical'), 'critical');
    assert.equal(resolver.resolve('a11y/axe/label', 'critical'), 'low');
    assert.equal(resolver.resolve('a11y/axe/image-alt', 'critical'), 'high');
    assert.equal(resolver.resolve('browser/console-error'), 'off');
  });
});

describe('the recorder under a severity table and a policy', () => {
  test('a check set off is not recorded, only counted as switched off', () => {
    const recorder = new RiskRecorder('browser/home', 'browser', { severities: new SeverityResolver({ 'browser/console-error': 'off' }) });
    recorder.fail('no console errors on /', '1 seen', { check: 'browser/console-error' });
    recorder.pass('visit /', { check: 'browser/visit' });
    assert.deepEqual(recorder.operations.map((o) => o.name), ['visit /']);
    assert.equal(recorder.switchedOff, 1);
    assert.equal(recorder.attachment().switchedOff, 1);
  });
  test('below the blocking severities a failure is a finding: the task would pass', () => {
    const recorder = new RiskRecorder('browser/home', 'browser');
    recorder.fail('no console errors on /', '1 seen', { check: 'browser/console-error' });
    assert.equal(recorder.findings.length, 1);
    assert.equal(recorder.blocking.length, 0);
    assert.equal(recorder.failureSummary(), undefined);
  });
  test('a critical failure blocks; under the commit policy a high one does too', () => {
    const merge = new RiskRecorder('audit/x', 'audit');
    merge.fail('secrets: a.ts', 'token', { check: 'audit/secrets' });
    merge.fail('lockfile', 'drift', { check: 'audit/lockfile' });
    assert.deepEqual(merge.blocking.map((o) => o.severity), ['critical']);
    assert.match(merge.failureSummary() ?? '', /1 of 2 check\(s\) failed at a blocking severity \(critical\) in audit\/x, and 1 finding\(s\) below it/);
    const commit = new RiskRecorder('audit/x', 'audit', { policy: { blockOn: ['critical', 'high'] } });
    commit.fail('lockfile', 'drift', { check: 'audit/lockfile' });
    assert.equal(commit.blocking.length, 1);
  });
  test('the config can raise a minor check to blocking', () => {
    const recorder = new RiskRecorder('browser/home', 'browser', { severities: new SeverityResolver({ 'browser/console-error': 'critical' }) });
    recorder.fail('no console errors on /', '1 seen', { check: 'browser/console-error' });
    assert.equal(recorder.blocking.length, 1);
  });
});

describe('config keys that name checks and gates are checked against the real names', () => {
  test('severity keys: known checks and their rules pass; a typo lists the known ones', () => {
    assert.deepEqual(severityKeyProblems(['browser/console-error', 'a11y/axe/color-contrast', 'audit/lockfile/lockfile-missing', 'audit/secrets/anything'], axeRules), []);
    const [typo] = severityKeyProblems(['browser/console-errors'], axeRules);
    assert.match(typo ?? '', /severity\["browser\/console-errors"\] is not a known check; the browser checks are browser\/visit, .*browser\/console-error/);
    const [area] = severityKeyProblems(['brwoser/visit'], axeRules);
    assert.match(area ?? '', /checks are named area\/check, the areas are audit, data-flows, browser/);
    const [rule] = severityKeyProblems(['a11y/axe/colour-contrast'], axeRules);
    assert.match(rule ?? '', /"colour-contrast" is not a rule of a11y\/axe/);
    const [none] = severityKeyProblems(['browser/visit/x'], axeRules);
    assert.match(none ?? '', /browser\/visit has no rules to set one by one/);
  });
  test('a config with a misspelt check, gate or policy name stops with every problem named', () => {
    const problems = problemsOf({
      severity: { 'browser/console-errors': 'low', 'a11y/axe/not-a-rule': 'off' },
      extraSpecs: { smok: ['e2e'] },
      timeouts: { gateTestMs: { ally: 1000 } },
      maintenanceWindows: [{ start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z', gates: ['data-flow'], reason: 'x' }],
      waivers: [{ check: 'contract/auth-*', reason: 'r', owner: 'o', expires: '2099-01-01' }],
    }, { RISK_POLICY: 'lenient' });
    const text = problems.join('\n');
    assert.match(text, /RISK_POLICY must be "merge" or "commit", got "lenient"/);
    assert.match(text, /severity\["browser\/console-errors"\] is not a known check/);
    assert.match(text, /"not-a-rule" is not a rule of a11y\/axe; its rules are axe-core's rule ids/);
    assert.match(text, /extraSpecs\.smok names the gate "smok", which does not exist; the gates are audit, data-flows, browser, a11y, visual, contracts, smoke/);
    assert.match(text, /timeouts\.gateTestMs\.ally names the gate "ally"/);
    assert.match(text, /maintenanceWindows\[0\]\.gates\[0\] names the gate "data-flow"/);
    assert.match(text, /waivers\[0\]\.check names the gate "contract"/);
  });
  test('the policy resolves from the config and RISK_POLICY', () => {
    const merge = resolveConfig(minimal, '/x/validation.config.ts', {});
    assert.deepEqual(merge.meta.policy.blockOn, ['critical']);
    const commit = resolveConfig(minimal, '/x/validation.config.ts', { RISK_POLICY: 'commit' });
    assert.deepEqual(commit.meta.policy.blockOn, ['critical', 'high']);
    const custom = resolveConfig({ ...minimal, policy: { blockOn: ['critical', 'high'], critical: { critical: 1 }, warning: {} } }, '/x/validation.config.ts', {});
    assert.deepEqual(custom.meta.policy, { name: 'merge', blockOn: ['critical', 'high'], critical: { critical: 1 }, warning: {} });
  });
});
