import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findForbiddenTerms, type BrandRules } from '../../../lib/ui/brand.ts';

const rules: BrandRules = { terms: [{ term: 'AI', caseSensitive: true, wholeWord: true }], exceptions: [] };

describe('findForbiddenTerms', () => {
  it('finds a whole-word term with its context', () => {
    const hits = findForbiddenTerms('Market Scanner AI Recommendations P&L', rules);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.match, 'AI');
    assert.match(hits[0]?.context ?? '', /Scanner AI Recommendations/);
  });

  it('does not match inside a longer word, nor another case when case-sensitive', () => {
    assert.deepEqual(findForbiddenTerms('PaiiD paper trading, said the trAIner; ai is lower case', rules), []);
    assert.deepEqual(findForbiddenTerms('MAIN menu', rules), []);
  });

  it('matches any case when the term is case-insensitive, and inside words when wholeWord is off', () => {
    const loose: BrandRules = { terms: [{ term: 'acme', caseSensitive: false, wholeWord: false }], exceptions: [] };
    assert.equal(findForbiddenTerms('Powered by ACMEsoft', loose).length, 1);
  });

  it('treats accented letters as part of a word', () => {
    assert.deepEqual(findForbiddenTerms('ÉAIÉ', rules), []);
    assert.equal(findForbiddenTerms('é AI é', rules).length, 1);
  });

  it('allows a term inside an exception phrase, and only there', () => {
    const withException: BrandRules = { ...rules, exceptions: ['Explainable AI Act'] };
    assert.deepEqual(findForbiddenTerms('See the Explainable AI Act.', withException), []);
    assert.equal(findForbiddenTerms('See the Explainable AI Act. AI tools', withException).length, 1);
  });
});
