import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViewRules, pageSelector, renderAxeView, type AxeResultsLike } from '../../../lib/a11y/index.ts';

const results: AxeResultsLike = {
  violations: [
    { id: 'color-contrast', impact: 'serious', help: 'Elements must meet contrast', helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/color-contrast', nodes: [{ html: '<p class="grey">x</p>', target: ['p.grey'], failureSummary: 'Fix any of the following:\n contrast 2.1' }] },
    { id: 'image-alt', impact: 'critical', help: 'Images must have alternative text', helpUrl: 'javascript:alert(1)', nodes: Array.from({ length: 12 }, (_, i) => ({ html: `<img src="${i}.png" onerror="x">`, target: [['iframe#ad', `img:nth-child(${i + 1})`]] })) },
  ],
  incomplete: [], passes: [], inapplicable: [],
};

describe('the axe view of a route', () => {
  test('rules worst impact first, nodes capped with the total kept', () => {
    const rules = axeViewRules(results, 10);
    assert.deepEqual(rules.map((r) => r.id), ['image-alt', 'color-contrast']);
    assert.equal(rules[0]!.nodes.length, 10);
    assert.equal(rules[0]!.total, 12);
    assert.equal(rules[0]!.nodes[0]!.target, 'iframe#ad >>> img:nth-child(1)');
  });

  test('only a selector of the page itself can be pictured', () => {
    assert.equal(pageSelector('p.grey'), 'p.grey');
    assert.equal(pageSelector('iframe#ad >> img'), undefined);
  });

  test('shows impact, help link, nodes and their pictures; markup from the page is escaped, never run', () => {
    const rules = axeViewRules(results, 10);
    rules[1]!.nodes[0]!.screenshot = Buffer.from('png-bytes');
    const html = renderAxeView({ routeName: 'news', routePath: '/news', url: 'http://x/news', engine: '4.10.2', rules, page: Buffer.from('page-bytes') });
    assert.match(html, /<span class="impact">critical<\/span> image-alt: Images must have alternative text/);
    assert.match(html, /<a href="https:\/\/dequeuniversity\.com\/rules\/axe\/4\.10\/color-contrast"/);
    assert.match(html, /<a href="#"[^>]*>How to fix it \(image-alt\)/, 'a help link that is not http(s) is dropped');
    assert.match(html, /&lt;img src=&quot;0\.png&quot; onerror=&quot;x&quot;&gt;/);
    assert.doesNotMatch(html, /<img src="0\.png"/);
    assert.match(html, new RegExp(`src="data:image/png;base64,${Buffer.from('png-bytes').toString('base64')}"`));
    assert.match(html, new RegExp(`src="data:image/png;base64,${Buffer.from('page-bytes').toString('base64')}"`));
    assert.match(html, /\.\.\. and 2 more node\(s\)/);
    assert.match(html, /no picture: the node is hidden, gone, or inside a frame/);
  });
});
