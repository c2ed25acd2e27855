import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { a11ySection, DEFAULT_LIGHTHOUSE_ASSERTIONS } from '../../../lib/config/sections/a11y.ts';

describe('a11y config section', () => {
  it('gives the same defaults whether the section, lighthouse or its settings are left out', () => {
    const whole = a11ySection.parse(undefined);
    assert.deepEqual(a11ySection.parse({}), whole);
    assert.deepEqual(a11ySection.parse({ lighthouse: {} }), whole);
    assert.deepEqual(a11ySection.parse({ lighthouse: { settings: { throttling: {}, screenEmulation: {} } } }), whole);
    assert.deepEqual(whole.tags, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  });

  it('keeps performance a warning by default and merges given assertions over the defaults', () => {
    assert.deepEqual(DEFAULT_LIGHTHOUSE_ASSERTIONS['categories:performance'], ['warn', { minScore: 0.8 }]);
    const parsed = a11ySection.parse({ lighthouse: { assertions: { 'categories:performance': ['error', { minScore: 0.9 }], 'categories:seo': 'off' } } });
    assert.deepEqual(parsed.lighthouse.assertions, {
      'categories:performance': ['error', { minScore: 0.9 }],
      'categories:accessibility': ['error', { minScore: 0.9 }],
      'categories:best-practices': ['error', { minScore: 0.9 }],
      'categories:seo': 'off',
    });
  });

  it('refuses an assertion without a threshold, a malformed key and a suppression without an expiry', () => {
    const result = a11ySection.safeParse({
      lighthouse: { assertions: { 'categories:performance': ['error', {}], performance: ['warn', { minScore: 1 }] } },
      suppressions: [{ rule: 'color-contrast', reason: 'r', owner: 'o' }],
    });
    assert.equal(result.success, false);
    const text = JSON.stringify(result.error?.issues);
    assert.match(text, /must give a threshold/);
    assert.match(text, /must be \\"categories:<id>\\" or \\"audits:<audit-id>\\"/);
    assert.match(text, /"expires"/);
    const category = a11ySection.safeParse({ lighthouse: { assertions: { 'categories:seo': ['warn', { maxNumericValue: 3 }] } } });
    assert.match(JSON.stringify(category.error?.issues), /a category has a score only: use minScore/);
  });
});
