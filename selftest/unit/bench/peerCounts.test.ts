import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countPa11y } from '../../../bench/peers/pipeline.ts';

describe("reading pa11y-ci's report", () => {
  const issue = (code: string, needsFurtherReview?: boolean) => ({ code, type: 'error', runnerExtras: needsFurtherReview === undefined ? undefined : { needsFurtherReview } });

  test("counts its errors, and says how many are axe's needs-review results", () => {
    const report = {
      total: 2, errors: 3,
      results: {
        'http://127.0.0.1:1/': [issue('color-contrast', true)],
        'http://127.0.0.1:1/research': [issue('color-contrast', true), issue('image-alt', false)],
      },
    };
    const counted = countPa11y(`pa11y-ci output before the JSON\n${JSON.stringify(report)}`);
    assert.equal(counted.findings, 3);
    assert.match(counted.detail, /^2 of them axe's needs-review results, which pa11y counts as errors; /);
    assert.match(counted.detail, /\/research image-alt/);
  });

  test('no needs-review result: the routes and rules alone; unreadable output: none counted, said so', () => {
    const counted = countPa11y(JSON.stringify({ errors: 1, results: { 'http://127.0.0.1:1/': [issue('label')] } }));
    assert.deepEqual(counted, { findings: 1, detail: '/ label' });
    assert.deepEqual(countPa11y('Error: browser crashed'), { findings: 0, detail: 'unparsed output' });
  });
});
