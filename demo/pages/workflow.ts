import { trendSignal } from '../analytics.ts';
import type { DemoContext } from '../context.ts';
import { escapeHtml } from '../http.ts';
import { barsAt, expirationsAt, newsAt, quoteAt, SYMBOLS } from '../market.ts';
import { backtestSummary, runSpyBacktest } from './backtesting.ts';
import { lineChart, money, newsList, panel, quotesTable, signed, signedInOnly, trendClass } from './components.ts';
import { renderPage } from './layout.ts';
import { strategyForm } from './strategy.ts';
import { orderTicket } from './trade.ts';
import { WORKFLOWS, type Workflow } from './workflowList.ts';

interface WorkflowBody {
  html: string;
  scripts?: string[];
}

function recommendationsTable(): string {
  const now = Date.now();
  const rows = SYMBOLS.map((symbol) => trendSignal(symbol, barsAt(symbol, '1D', 30, now)))
    .map(
      (s) => `<tr><th scope="row">${s.symbol}</th><td>${s.view}</td>
<td class="num" data-dynamic>${money(s.lastClose)}</td><td class="num" data-dynamic>${money(s.average20)}</td>
<td class="num ${trendClass(s.momentumPercent)}" data-dynamic>${signed(s.momentumPercent, '%')}</td><td>${escapeHtml(s.idea)}</td></tr>`,
    )
    .join('');
  return `<div class="table-wrap" role="region" aria-label="Trade ideas" tabindex="0"><table>
<caption>Trend and momentum on daily bars</caption>
<thead><tr><th scope="col">Symbol</th><th scope="col">View</th><th scope="col" class="num">Last close</th><th scope="col" class="num">20-day average</th><th scope="col" class="num">5-day momentum</th><th scope="col">Idea</th></tr></thead>
<tbody data-dynamic>${rows}</tbody></table></div>`;
}

const BODIES: Record<string, () => WorkflowBody> = {
  'morning-routine': () => {
    const now = Date.now();
    return {
      html: `<div class="grid">${panel('Index check', quotesTable(['SPY', 'QQQ', 'IWM', 'DIA'].map((s) => quoteAt(s, now)), 'Major index funds'))}
${panel('Overnight headlines', newsList(newsAt(now).slice(0, 4)))}</div>`,
    };
  },
  'active-positions': () => ({ html: signedInOnly('positions', 'Open positions'), scripts: ['session.js', 'portfolio.js'] }),
  'execute-trade': () => ({
    html: `<div class="grid">${panel('Order ticket', orderTicket())}${signedInOnly('orders', 'Recent orders')}</div>`,
    scripts: ['session.js', 'trade.js', 'portfolio.js'],
  }),
  'market-scanner': () => {
    const now = Date.now();
    const movers = SYMBOLS.map((s) => quoteAt(s, now)).sort((a, b) => Math.abs(b.changePercent) - Math.abs(a.changePercent));
    return { html: panel('Biggest moves today', quotesTable(movers, 'Watchlist ranked by absolute change', true)) };
  },
  recommendations: () => ({
    html: `${panel('Trade ideas', recommendationsTable())}<p class="muted">Ideas come from fixed rules, not advice. Review before trading.</p>`,
  }),
  'pnl-analytics': () => ({
    html: `<div class="stack">${signedInOnly('account', 'Account')}${signedInOnly('positions', 'Positions')}</div>`,
    scripts: ['session.js', 'portfolio.js'],
  }),
  'news-review': () => ({ html: panel('Headlines', newsList(newsAt(Date.now()))) }),
  'strategy-builder': () => {
    const dates = expirationsAt(Date.now()).slice(0, 4);
    return {
      html: `<div class="grid">${panel('Build', strategyForm())}
${panel('Next expirations', `<ul data-dynamic>${dates.map((d) => `<li><time datetime="${d}">${d}</time></li>`).join('')}</ul>`)}</div>`,
    };
  },
  backtesting: () => {
    const result = runSpyBacktest();
    return {
      html: `<div class="stack">${panel('SPY 5/20 crossover', backtestSummary(result))}
${panel('Equity curve', lineChart([{ values: result.equityCurve, label: 'Crossover strategy' }, { values: result.buyAndHoldCurve, label: 'Buy and hold', alt: true }], 'Equity of the crossover strategy against buy and hold'))}</div>`,
    };
  },
  settings: () => ({
    html: panel(
      'Preferences',
      '<p>Display name, default symbol, quote refresh and risk tolerance live on the settings page.</p><p><a class="button" href="/settings">Open settings</a></p>',
    ),
  }),
};

export function findWorkflow(id: string): Workflow | undefined {
  return WORKFLOWS.find((workflow) => workflow.id === id);
}

export function renderWorkflow(ctx: DemoContext, workflow: Workflow): string {
  const body = BODIES[workflow.id]?.() ?? { html: '' };
  const others = WORKFLOWS.filter((w) => w.id !== workflow.id)
    .map((w) => `<li><a href="/workflow/${w.id}">${escapeHtml(w.label)}</a></li>`)
    .join('');
  const main = `<h1>${escapeHtml(workflow.label)}</h1>
<p class="lead">${escapeHtml(workflow.summary)}</p>
${body.html}
<section class="glass" aria-labelledby="other-workflows"><h2 id="other-workflows">Other workflows</h2><ul class="workflow-list">${others}</ul></section>`;
  return renderPage(ctx, {
    title: workflow.label,
    path: `/workflow/${workflow.id}`,
    description: `${workflow.label}: ${workflow.summary}`,
    main,
    scripts: [...new Set(body.scripts ?? [])],
  });
}
