import type { DemoContext } from '../context.ts';
import { escapeHtml } from '../http.ts';
import { expirationsAt, quoteAt, SYMBOLS } from '../market.ts';
import { money, panel } from './components.ts';
import { renderPage } from './layout.ts';

const STRUCTURES = ['Covered call', 'Cash-secured put', 'Bull call spread', 'Iron condor', 'Protective put'];

/** The strategy builder form; shared with the strategy-builder workflow. */
export function strategyForm(): string {
  const symbols = SYMBOLS.map((s) => `<option value="${s}">${s}</option>`).join('');
  const structures = STRUCTURES.map((s) => `<option>${escapeHtml(s)}</option>`).join('');
  const expirations = expirationsAt(Date.now())
    .map((d) => `<option value="${d}">${d}</option>`)
    .join('');
  return `<form class="strategy-form" action="/strategy" method="get">
<div class="field"><label for="strategy-symbol">Underlying</label><select id="strategy-symbol" name="symbol">${symbols}</select></div>
<div class="field"><label for="strategy-structure">Structure</label><select id="strategy-structure" name="structure">${structures}</select></div>
<div class="field"><label for="strategy-expiration">Expiration</label><select id="strategy-expiration" name="expiration" data-dynamic>${expirations}</select></div>
<div class="field"><label for="strategy-contracts">Contracts</label><input id="strategy-contracts" name="contracts" type="number" min="1" max="100" value="1" inputmode="numeric"></div>
<button type="submit">Preview strategy</button>
</form>`;
}

function preview(url: URL): string {
  const symbol = (url.searchParams.get('symbol') ?? '').toUpperCase();
  const structure = url.searchParams.get('structure') ?? '';
  if (!SYMBOLS.includes(symbol) || !STRUCTURES.includes(structure)) {
    return '<p class="muted">Choose an underlying, a structure and an expiration, then preview it here.</p>';
  }
  const contracts = Math.min(100, Math.max(1, Number.parseInt(url.searchParams.get('contracts') ?? '1', 10) || 1));
  const expiration = url.searchParams.get('expiration') ?? '';
  const price = quoteAt(symbol, Date.now()).price;
  const strike = Math.round(price * (structure.includes('put') ? 0.95 : 1.05));
  return `<dl class="stat-list">
<div><dt>Underlying</dt><dd>${escapeHtml(symbol)}</dd></div>
<div><dt>Structure</dt><dd>${escapeHtml(structure)}</dd></div>
<div><dt>Expiration</dt><dd>${escapeHtml(expiration.slice(0, 10))}</dd></div>
<div><dt>Reference strike</dt><dd class="num" data-dynamic>${money(strike)}</dd></div>
<div><dt>Shares controlled</dt><dd class="num">${(contracts * 100).toLocaleString('en-US')}</dd></div>
</dl>`;
}

export function renderStrategy(ctx: DemoContext, url: URL): string {
  const main = `<h1>Strategy builder</h1>
<p class="lead">Sketch an options strategy on a listed underlying. Previews use the current simulated price.</p>
<div class="grid">
${panel('Build', strategyForm())}
${panel('Preview', preview(url))}
</div>`;
  return renderPage(ctx, {
    title: 'Strategy',
    path: '/strategy',
    description: 'Build and preview an options strategy on a listed underlying.',
    main,
  });
}
