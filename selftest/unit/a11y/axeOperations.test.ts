import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeScanOperations, impactToSeverity, type AxeResultsLike, type AxeScanContext } from '../../../lib/a11y/index.ts';

const rule = (id: string, impact: string | null, targets: string[], html = '<img src="/logo.svg">') => ({
  id,
  impact,
  help: `${id} help`,
  helpUrl: `https://dequeuniversity.com/rules/axe/4.11/${id}`,
  nodes: targets.map((target) => ({ target: [target], html, failureSummary: 'Fix any of the following' })),
});

const results = (violations: AxeResultsLike['violations'], incomplete: AxeResultsLike['incomplete'] = []): AxeResultsLike => ({ violations, incomplete, passes: [{}, {}], inapplicable: [] });

const context = (over: Partial<AxeScanContext> = {}): AxeScanContext => ({
  routeName: 'news',
  routePath: '/news',
  suppressions: [],
  ignoreIncomplete: [],
  maxNodes: 2,
  snippetChars: 20,
  now: new Date('2026-11-22T12:00:00Z'),
  ...over,
});

describe('axe impact to severity', () => {
  it('maps critical, serious, moderate, minor to critical, high, medium, low', () => {
    assert.deepEqual(['critical', 'serious', 'moderate', 'minor'].map((impact) => impactToSeverity(impact)), ['critical', 'high', 'medium', 'low']);
  });
  it('counts a rule without impact as medium', () => {
    assert.equal(impactToSeverity(null), 'medium');
    assert.equal(impactToSeverity(undefined), 'medium');
  });
});

describe('axeScanOperations', () => {
  it('gives no operation for a clean scan', () => {
    const outcome = axeScanOperations(results([]), context());
    assert.deepEqual(outcome.operations, []);
    assert.equal(outcome.counts.passes, 2);
  });

  it('turns each violated rule into one failed operation with severity, help URL and bounded nodes', () => {
    const outcome = axeScanOperations(results([rule('color-contrast', 'serious', ['p.a', 'p.b', 'p.c'], `<p class="a">${'x'.repeat(100)}</p>`)]), context());
    assert.equal(outcome.operations.length, 1);
    const [op] = outcome.operations;
    assert.equal(op?.name, 'color-contrast on /news');
    assert.equal(op?.outcome, 'fail');
    assert.equal(op?.severity, 'high');
    assert.match(op?.message ?? '', /color-contrast help \[serious\]: 3 nodes on \/news: p\.a, p\.b, p\.c; see https:\/\/dequeuniversity\.com\/rules\/axe\/4\.11\/color-contrast/);
    const evidence = op?.evidence as { nodes: { target: string; html: string }[]; nodeCount: number; helpUrl: string };
    assert.equal(evidence.nodeCount, 3);
    assert.equal(evidence.nodes.length, 2, 'maxNodes bounds the listed nodes');
    assert.equal(evidence.nodes[0]?.html, '<p class="a">xxxxxxx...');
    assert.equal(outcome.counts.violatedNodes, 3);
  });

  it('joins iframe and shadow-DOM hops of a target', () => {
    const outcome = axeScanOperations(results([{ ...rule('label', 'critical', []), nodes: [{ target: ['iframe#pay', ['x-form', 'input']], html: '<input>' }] }]), context());
    assert.match(outcome.operations[0]?.message ?? '', /iframe#pay >> x-form >>> input/);
    assert.equal(outcome.operations[0]?.severity, 'critical');
  });

  it('turns nodes under an active suppression into a warning that names it', () => {
    const suppression = { rule: 'color-contrast', selector: 'p.a', route: 'news', reason: 'brand grey, redesign in Q1', owner: 'web-team', expires: '2026-11-22' };
    const outcome = axeScanOperations(results([rule('color-contrast', 'serious', ['p.a'])]), context({ suppressions: [suppression] }));
    assert.equal(outcome.operations.length, 1);
    const [op] = outcome.operations;
    assert.equal(op?.outcome, 'warn');
    assert.equal(op?.name, 'color-contrast on /news');
    assert.match(op?.waiver ?? '', /a11y suppression color-contrast \[p\.a\] on news \(brand grey, redesign in Q1; owner web-team; until 2026-11-22\)/);
    assert.equal(outcome.matched.get(suppression), 1);
    assert.equal(outcome.counts.suppressedNodes, 1);
  });

  it('keeps failing the nodes a suppression does not cover', () => {
    const suppression = { rule: 'color-contrast', selector: 'p.a', reason: 'r', owner: 'o', expires: '2027-01-01' };
    const outcome = axeScanOperations(results([rule('color-contrast', 'serious', ['p.a', 'p.b'])]), context({ suppressions: [suppression] }));
    assert.deepEqual(outcome.operations.map((op) => [op.name, op.outcome]), [
      ['color-contrast on /news', 'fail'],
      ['color-contrast on /news [suppressed: p.a]', 'warn'],
    ]);
    assert.match(outcome.operations[0]?.message ?? '', /1 node on \/news: p\.b;/);
  });

  it('fails again once a suppression has expired, and names the expired suppression', () => {
    const suppression = { rule: 'image-alt', route: '/news', reason: 'r', owner: 'o', expires: '2026-11-21' };
    const outcome = axeScanOperations(results([rule('image-alt', 'critical', ['img'])]), context({ suppressions: [suppression] }));
    assert.equal(outcome.operations[0]?.outcome, 'fail');
    assert.match(outcome.operations[0]?.message ?? '', /until 2026-11-21\) has expired/);
    assert.deepEqual(outcome.expired, [suppression]);
  });

  it('reports incomplete results as one needs-review warning per route, leaving out the ignored rules', () => {
    const incomplete = [rule('color-contrast', 'serious', ['a', 'b']), rule('aria-valid-attr-value', null, ['c'])];
    const outcome = axeScanOperations(results([], incomplete), context());
    assert.equal(outcome.operations.length, 1);
    assert.equal(outcome.operations[0]?.outcome, 'warn');
    assert.equal(outcome.operations[0]?.name, 'axe needs review on /news');
    assert.match(outcome.operations[0]?.message ?? '', /2 rules could not decide on 3 nodes.*color-contrast \(2\), aria-valid-attr-value \(1\)/);

    const ignored = axeScanOperations(results([], incomplete), context({ ignoreIncomplete: ['color-contrast'] }));
    assert.match(ignored.operations[0]?.message ?? '', /^1 rule could not decide on 1 node/);
    assert.deepEqual(axeScanOperations(results([], [incomplete[0]!]), context({ ignoreIncomplete: ['color-contrast'] })).operations, []);
  });
});
