import type { DemoContext } from '../context.ts';
import { signedInOnly } from './components.ts';
import { renderPage } from './layout.ts';

export function renderPnl(ctx: DemoContext): string {
  const main = `<h1>Positions and P&amp;L</h1>
<p class="lead">Your paper account at current simulated prices: realized P&amp;L from closed trades, unrealized from open positions.</p>
<div class="stack">
${signedInOnly('account', 'Account')}
${signedInOnly('positions', 'Positions')}
</div>`;
  return renderPage(ctx, {
    title: 'P&L',
    path: '/pnl',
    description: 'Paper positions, account equity and profit and loss.',
    main,
    scripts: ['session.js', 'portfolio.js'],
  });
}
