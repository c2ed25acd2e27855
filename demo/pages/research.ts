import { hasFault, type DemoContext } from '../context.ts';
import { barsAt, expirationsAt, quoteAt, SYMBOLS } from '../market.ts';
import { barsTable, lineChart, quotesTable } from './components.ts';
import { renderPage } from './layout.ts';

function brokenImage(ctx: DemoContext): string {
  if (!hasFault(ctx, 'broken-image')) return '';
  return '<img src="/public/img/sector-heatmap.png" alt="" width="1" height="1">';
}

export function renderResearch(ctx: DemoContext): string {
  const now = Date.now();
  const quotes = SYMBOLS.map((symbol) => quoteAt(symbol, now));
  const bars = barsAt('SPY', '1D', 60, now);
  const expirations = expirationsAt(now).slice(0, 6);
  const main = `<h1>Research</h1>
<p class="lead">Watchlist on the left, SPY detail on the right. Drag the handle (or focus it and use the arrow keys) to resize the panes.</p>
<div class="split" data-split>
<section class="split-pane left glass" id="split-left" data-testid="split-left" aria-labelledby="watchlist-title">
<h2 id="watchlist-title">Watchlist</h2>
${quotesTable(quotes, 'Watchlist quotes')}
${brokenImage(ctx)}
</section>
<div class="split-handle" data-testid="split-handle" role="separator" tabindex="0" aria-label="Resize panes" aria-controls="split-left" aria-orientation="vertical" aria-valuenow="50" aria-valuemin="20" aria-valuemax="80"></div>
<section class="split-pane right glass" id="split-right" data-testid="split-right" aria-labelledby="detail-title">
<h2 id="detail-title">SPY, last 60 sessions</h2>
${lineChart([{ values: bars.map((b) => b.close), label: 'SPY daily close' }], 'SPY daily closing prices over the last 60 sessions')}
${barsTable(bars, 'SPY daily bars, most recent ten')}
<h3>Upcoming option expirations</h3>
<ul data-dynamic>${expirations.map((date) => `<li><time datetime="${date}">${date}</time></li>`).join('')}</ul>
</section>
</div>`;
  return renderPage(ctx, {
    title: 'Research',
    path: '/research',
    description: 'Watchlist quotes, daily bars and option expirations side by side.',
    main,
    scripts: ['split.js'],
  });
}
