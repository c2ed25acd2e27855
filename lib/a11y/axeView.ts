import { selectorOf, type AxeResultsLike } from './axeOperations.ts';

/**
 * axe's violations of one route as a page people read: each rule with its impact, help link and
 * offending nodes, a picture of each node where one was taken, and the page with the nodes
 * outlined. Pure: pictures come in as PNG bytes, the page is self-contained (one attachment).
 */

export interface AxeViewNode {
  target: string;
  html: string;
  failureSummary?: string;
  /** The node's own screenshot, when it could be taken. */
  screenshot?: Buffer;
}

export interface AxeViewRule {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** Nodes shown; `total` says how many axe reported. */
  nodes: AxeViewNode[];
  total: number;
}

export interface AxeView {
  routeName: string;
  routePath: string;
  url: string;
  engine?: string;
  rules: AxeViewRule[];
  /** The page with every shown node outlined. */
  page?: Buffer;
}

/** How many nodes of one rule the view shows and pictures, and how many pictures a route takes at most. */
export const VIEW_LIMITS = { nodesPerRule: 10, screenshots: 25 };

const IMPACT_ORDER = ['critical', 'serious', 'moderate', 'minor'];

/** The view's rules from axe's results: worst impact first, nodes capped. */
export function axeViewRules(results: AxeResultsLike, nodesPerRule = VIEW_LIMITS.nodesPerRule): AxeViewRule[] {
  const rank = (impact: string) => {
    const index = IMPACT_ORDER.indexOf(impact);
    return index < 0 ? IMPACT_ORDER.length : index;
  };
  return results.violations
    .map((rule) => ({
      id: rule.id,
      impact: rule.impact ?? 'unknown',
      help: rule.help,
      helpUrl: rule.helpUrl,
      total: rule.nodes.length,
      nodes: rule.nodes.slice(0, nodesPerRule).map((node) => ({ target: selectorOf(node), html: node.html, ...(node.failureSummary ? { failureSummary: node.failureSummary } : {}) })),
    }))
    .sort((a, b) => rank(a.impact) - rank(b.impact));
}

/** A selector the page can be asked for: one document, no iframe or shadow-DOM hop. */
export function pageSelector(target: string): string | undefined {
  return target.includes(' >> ') ? undefined : target;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const png = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;
const safeUrl = (url: string) => (/^https?:\/\//.test(url) ? escapeHtml(url) : '#');

function renderNode(node: AxeViewNode): string {
  return [
    '<li class="node">',
    `<code class="target">${escapeHtml(node.target)}</code>`,
    `<pre>${escapeHtml(node.html)}</pre>`,
    node.failureSummary ? `<p class="summary">${escapeHtml(node.failureSummary).replace(/\n/g, '<br>')}</p>` : '',
    node.screenshot ? `<img alt="${escapeHtml(node.target)}" src="${png(node.screenshot)}">` : '<p class="none">no picture: the node is hidden, gone, or inside a frame</p>',
    '</li>',
  ].join('');
}

function renderRule(rule: AxeViewRule): string {
  const more = rule.total > rule.nodes.length ? `<p>... and ${rule.total - rule.nodes.length} more node(s) in the axe results attachment.</p>` : '';
  return [
    `<section class="rule impact-${escapeHtml(rule.impact)}">`,
    `<h2><span class="impact">${escapeHtml(rule.impact)}</span> ${escapeHtml(rule.id)}: ${escapeHtml(rule.help)}</h2>`,
    `<p><a href="${safeUrl(rule.helpUrl)}" target="_blank" rel="noopener">How to fix it (${escapeHtml(rule.id)})</a> · ${rule.total} node(s)</p>`,
    `<ol>${rule.nodes.map(renderNode).join('')}</ol>`,
    more,
    '</section>',
  ].join('\n');
}

export function renderAxeView(view: AxeView): string {
  const title = `axe: ${view.routeName} (${view.routePath})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b}h1{font-size:1.4rem}h2{font-size:1.1rem}
.impact{display:inline-block;padding:0 .4rem;border-radius:3px;background:#555;color:#fff;font-size:.85rem;text-transform:uppercase}
.impact-critical .impact{background:#a4000f}.impact-serious .impact{background:#c2410c}.impact-moderate .impact{background:#a16207}
.rule{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}.node{margin:.8rem 0}pre{white-space:pre-wrap;background:#f5f5f5;padding:.4rem}
img{max-width:100%;border:1px solid #ccc}.none{color:#666;font-style:italic}.target{font-weight:600}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(view.url)}${view.engine ? ` · axe-core ${escapeHtml(view.engine)}` : ''} · ${view.rules.length} rule(s) violated</p>
${view.page ? `<figure><img alt="the page with the offending nodes outlined" src="${png(view.page)}"><figcaption>The page, the offending nodes outlined in red.</figcaption></figure>` : ''}
${view.rules.map(renderRule).join('\n')}
</body></html>
`;
}
