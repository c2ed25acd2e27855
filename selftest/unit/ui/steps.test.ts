import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interactionSchema, type InteractionStep } from '../../../lib/config/sections/browser.ts';
import { countProblem, describeStep, pathAndQuery, resizeProblem, urlProblem } from '../../../lib/ui/steps.ts';

describe('interaction steps', () => {
  it('parses the declarative steps with their defaults', () => {
    const parsed = interactionSchema.parse({
      name: 'menu',
      route: '/',
      steps: [
        { action: 'click', selector: 'a' },
        { action: 'drag', selector: '.handle', byX: 100, resizes: [{ selector: '.left', change: 'grow' }] },
        { action: 'followEach', selector: 'nav a', expectUrl: '^/w/' },
      ],
    });
    assert.deepEqual(parsed.steps[0], { action: 'click', selector: 'a', nth: 0 });
    assert.deepEqual(parsed.steps[1], { action: 'drag', selector: '.handle', byX: 100, byY: 0, resizes: [{ selector: '.left', dimension: 'width', change: 'grow', minPx: 20 }] });
    assert.deepEqual(parsed.steps[2], { action: 'followEach', selector: 'nav a', expectUrl: '^/w/', expectVisible: [], renderClean: true });
  });

  it('refuses an unknown action, a count with no bound and a broken pattern', () => {
    assert.equal(interactionSchema.safeParse({ name: 'x', route: '/', steps: [{ action: 'hover', selector: 'a' }] }).success, false);
    assert.equal(interactionSchema.safeParse({ name: 'x', route: '/', steps: [{ action: 'count', selector: 'a' }] }).success, false);
    assert.equal(interactionSchema.safeParse({ name: 'x', route: '/', steps: [{ action: 'expectUrl', pattern: '([' }] }).success, false);
  });

  it('titles each step with what it checks', () => {
    const count: InteractionStep = { action: 'count', selector: '.wedge', equals: 10 };
    assert.equal(describeStep(count), '.wedge count = 10');
    assert.equal(describeStep({ action: 'expectUrl', pattern: '^/w' }), 'URL matches ^/w');
  });
});

describe('countProblem', () => {
  it('says how many matched and what was expected', () => {
    assert.equal(countProblem(10, { selector: '.wedge', equals: 10 }), undefined);
    assert.equal(countProblem(9, { selector: '.wedge', equals: 10 }), '.wedge matched 9 element(s), expected = 10');
    assert.equal(countProblem(3, { selector: 'li', min: 1, max: 5 }), undefined);
    assert.match(countProblem(0, { selector: 'li', min: 1 }) ?? '', /expected >= 1/);
  });
});

describe('urlProblem', () => {
  it('matches the path and query on any host', () => {
    assert.equal(pathAndQuery('http://127.0.0.1:4000/workflow/news?x=1'), '/workflow/news?x=1');
    assert.equal(urlProblem('http://h/workflow/news-review', '^/workflow/[a-z-]+$'), undefined);
    assert.match(urlProblem('http://h/', '^/workflow/') ?? '', /the page is at \/, expected a path matching/);
  });
});

describe('resizeProblem', () => {
  const grow = { selector: '.left', dimension: 'width' as const, change: 'grow' as const, minPx: 100 };
  it('passes when the pane changed enough in the right direction', () => {
    assert.equal(resizeProblem(grow, { width: 400, height: 500 }, { width: 600, height: 500 }), undefined);
  });
  it('fails a pane that did not move or moved the wrong way', () => {
    assert.match(resizeProblem(grow, { width: 400, height: 500 }, { width: 400, height: 500 }) ?? '', /went from 400 to 400 px, expected it to grow by at least 100 px/);
    assert.ok(resizeProblem({ ...grow, change: 'shrink' }, { width: 400, height: 1 }, { width: 600, height: 1 }));
  });
});
