import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percyServerAddress, withTimeout } from '../../../lib/ui/baseline.ts';
import { describeProblems, withoutIgnored, type PageProblem } from '../../../lib/ui/problems.ts';

describe('percy helpers', () => {
  it('uses the SDK default address unless PERCY_SERVER_ADDRESS is set', () => {
    assert.equal(percyServerAddress({}), 'http://localhost:5338');
    assert.equal(percyServerAddress({ PERCY_SERVER_ADDRESS: 'http://percy:1' }), 'http://percy:1');
  });
  it('bounds a promise that never settles', async () => {
    await assert.rejects(withTimeout(new Promise(() => undefined), 20, 'Percy snapshot "home"'), /Percy snapshot "home" did not finish within 20 ms/);
    assert.equal(await withTimeout(Promise.resolve(7), 20, 'x'), 7);
  });
});

describe('page problems', () => {
  const problems: PageProblem[] = [
    { kind: 'http-error', url: 'http://h/img.png', status: 404, detail: 'GET image answered HTTP 404' },
    { kind: 'http-error', url: 'http://analytics.example/p', status: 500, detail: 'GET fetch answered HTTP 500' },
    { kind: 'console-error', url: 'http://analytics.example/p', detail: 'boom' },
  ];
  it('drops failed requests to ignored URLs but keeps console errors', () => {
    const kept = withoutIgnored(problems, [/analytics\.example/]);
    assert.deepEqual(kept.map((p) => p.kind), ['http-error', 'console-error']);
  });
  it('lists each problem with its status and URL, bounded', () => {
    assert.equal(describeProblems(problems.slice(0, 1)), '404 http://h/img.png: GET image answered HTTP 404');
    assert.match(describeProblems(problems, 1), /and 2 more$/);
  });
});
