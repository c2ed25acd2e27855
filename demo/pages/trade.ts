import type { DemoContext } from '../context.ts';
import { quoteAt, SYMBOLS } from '../market.ts';
import { panel, quotesTable, signedInOnly } from './components.ts';
import { renderPage } from './layout.ts';

/** The order ticket; shown by trade.js once a session exists. */
export function orderTicket(): string {
  const symbols = SYMBOLS.map((s) => `<option value="${s}">${s}</option>`).join('');
  return `<p class="muted" data-login-prompt>Log in to place paper orders. <a href="/login">Log in</a></p>
<form id="order-form" class="hidden" data-order-form>
<div class="field"><label for="order-symbol">Symbol</label><select id="order-symbol" name="symbol">${symbols}</select></div>
<fieldset><legend>Side</legend>
<label class="choice"><input type="radio" name="side" value="buy" checked> Buy</label>
<label class="choice"><input type="radio" name="side" value="sell"> Sell</label>
</fieldset>
<div class="field"><label for="order-quantity">Quantity (shares)</label><input id="order-quantity" name="quantity" type="number" min="1" max="100000" step="1" value="10" inputmode="numeric" required></div>
<p class="muted">Market order, filled at the current simulated price.</p>
<button type="submit">Place paper order</button>
<p class="status" role="status" data-order-status></p>
</form>`;
}

export function renderTrade(ctx: DemoContext): string {
  const now = Date.now();
  const main = `<h1>Trade</h1>
<p class="lead">Paper market orders fill immediately at the simulated price. Nothing leaves this server.</p>
<div class="grid">
${panel('Order ticket', orderTicket())}
${panel('Prices', quotesTable(SYMBOLS.map((s) => quoteAt(s, now)), 'Current prices'))}
</div>
${signedInOnly('orders', 'Recent orders')}`;
  return renderPage(ctx, {
    title: 'Trade',
    path: '/trade',
    description: 'Place paper market orders.',
    main,
    scripts: ['session.js', 'trade.js', 'portfolio.js'],
  });
}
