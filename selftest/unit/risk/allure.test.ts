import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../helpers/runSuite.ts';
import { allureEnvironment, allureMetadata, type Operation } from '../../../lib/risk/index.ts';

const op = (name: string, outcome: Operation['outcome'], severity: Operation['severity'], extra: Partial<Operation> = {}): Operation => ({ name, outcome, severity, durationMs: 1, check: 'data-flows/status', ...extra });

describe('Allure labels of a task', () => {
  test('the gate is the feature and the parent suite, the phase the epic', () => {
    const { labels } = allureMetadata({ gate: 'contracts', phase: 'CONTRACTS', operations: [op('a', 'pass', 'low')], waivers: [] });
    assert.deepEqual(labels.filter((l) => ['feature', 'parentSuite', 'epic'].includes(l.name)), [
      { name: 'feature', value: 'contracts' }, { name: 'parentSuite', value: 'contracts' }, { name: 'epic', value: 'CONTRACTS' },
    ]);
  });

  test('severity: the highest failed check on Allure scale, else the highest check made', () => {
    const severity = (operations: Operation[]) => allureMetadata({ gate: 'g', operations, waivers: [] }).labels.find((l) => l.name === 'severity')?.value;
    assert.equal(severity([op('a', 'pass', 'critical'), op('b', 'fail', 'low')]), 'minor');
    assert.equal(severity([op('a', 'pass', 'critical'), op('b', 'pass', 'low')]), 'blocker');
    assert.equal(severity([op('a', 'fail', 'high'), op('b', 'fail', 'medium')]), 'critical');
    assert.equal(severity([op('a', 'pass', 'medium')]), 'normal');
    assert.equal(severity([]), undefined);
  });

  test('a waiver in force gives its owner and expiry; a failed check its check id as story', () => {
    const { labels } = allureMetadata({ gate: 'g', operations: [op('a', 'fail', 'low', { check: 'browser/console-error' })], waivers: [{ check: 'g/t#a', owner: 'team-web', reason: 'vendor widget', expires: '2027-01-31' }] });
    assert.ok(labels.some((l) => l.name === 'owner' && l.value === 'team-web'));
    assert.ok(labels.some((l) => l.name === 'waiver' && l.value === 'g/t#a until 2027-01-31 (vendor widget)'));
    assert.ok(labels.some((l) => l.name === 'story' && l.value === 'browser/console-error'));
  });

  test('links go to the evidence of failed and warned checks, not of passed ones', () => {
    const { links } = allureMetadata({ gate: 'g', waivers: [], operations: [
      op('ok', 'pass', 'low', { evidence: { url: 'https://example.test/ok' } }),
      op('bad', 'fail', 'low', { evidence: [{ helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/color-contrast' }, { url: 'not a url' }] }),
      op('soft', 'warn', 'low', { evidence: { report: 'https://example.test/lh.html' } }),
    ] });
    assert.deepEqual(links.map((l) => l.url), ['https://dequeuniversity.com/rules/axe/4.10/color-contrast', 'https://example.test/lh.html']);
  });

  test('the environment file is Java properties that Allure reads back, empty values left out', async () => {
    // Allure's own reader (not exported by its package: loaded by path).
    const reader = path.join(ROOT, 'node_modules', '@allurereport', 'reader', 'dist', 'properties.js');
    const { parseProperties } = await import(pathToFileURL(reader).href) as { parseProperties: (text: string) => Record<string, string> };
    assert.deepEqual(parseProperties(allureEnvironment({ 'risk rate': '0.10 %', reasons: 'a=b: c\nd' })), { 'risk rate': '0.10 %', reasons: 'a=b: c\nd' });
    assert.equal(allureEnvironment({ verdict: 'PASS', 'risk rate': '0.10 %', reasons: 'a=b: c\nd', git: null }), 'verdict=PASS\nrisk\\ rate=0.10 %\nreasons=a\\=b\\: c\\nd\n');
  });
});
