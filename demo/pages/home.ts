import { hasFault, type DemoContext } from '../context.ts';
import { escapeHtml } from '../http.ts';
import { quoteAt, type Quote } from '../market.ts';
import { money, signed, trendClass } from './components.ts';
import { faultScript, FORBIDDEN_TERM } from './faultAssets.ts';
import { renderPage } from './layout.ts';
import { WORKFLOWS } from './workflowList.ts';

const HUB_SYMBOLS = ['SPY', 'QQQ'];

function liveQuote(q: Quote): string {
  return `<p class="live-quote" data-testid="live-quote-${q.symbol}" data-live-quote="${q.symbol}">
<span class="sym">${q.symbol}</span>
<span class="num price" data-field="price" data-dynamic>${money(q.price)}</span>
<span class="num chg ${trendClass(q.change)}" data-field="changePercent" data-dynamic>${signed(q.changePercent, '%')}</span>
</p>`;
}

function wedges(ctx: DemoContext): string {
  const shown = hasFault(ctx, 'missing-wedge') ? WORKFLOWS.slice(0, -1) : WORKFLOWS;
  return shown
    .map((workflow) => {
      const label =
        workflow.id === 'recommendations' && hasFault(ctx, 'forbidden-brand-term') ? `${FORBIDDEN_TERM} ${workflow.label}` : workflow.label;
      return `<li><a class="wedge glass" data-testid="radial-wedge" data-workflow="${workflow.id}" href="/workflow/${workflow.id}">${escapeHtml(label)}</a></li>`;
    })
    .join('');
}

function banner(ctx: DemoContext): string {
  if (!hasFault(ctx, 'layout-shift')) return '';
  return `<section class="glass" aria-label="Announcement" style="min-height: 120px; margin-bottom: 1rem;"><p>Scheduled maintenance: paper trading pauses Saturday 02:00 to 04:00 UTC.</p></section>`;
}

export function renderHome(ctx: DemoContext): string {
  const now = Date.now();
  const hub = HUB_SYMBOLS.map((symbol) => liveQuote(quoteAt(symbol, now))).join('');
  const main = `${banner(ctx)}<h1 class="hero-title">Your trading day, one wheel</h1>
<p class="lead hero-title">Pick a workflow around the wheel. Quotes in the centre refresh every two seconds.</p>
<div class="radial">
<section class="radial-hub glass" aria-labelledby="hub-title">
<h2 id="hub-title">Live quotes</h2>
${hub}
<p class="muted" aria-live="off"><small>Updated <time data-live-updated data-dynamic>${new Date(now).toISOString().slice(11, 19)} UTC</time></small></p>
</section>
<nav class="radial-menu" data-testid="radial-menu" aria-label="Workflows"><ul>${wedges(ctx)}</ul></nav>
</div>`;
  return renderPage(ctx, {
    title: 'Home',
    path: '/',
    description: 'PaiiD paper trading: ten workflows around live SPY and QQQ quotes.',
    main,
    head: faultScript(ctx, 'render-blocking-script', { blocking: true }) + faultScript(ctx, 'console-error'),
    scripts: ['quotes.js'],
  });
}
