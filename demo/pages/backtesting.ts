import { backtestCrossover, type BacktestResult } from '../analytics.ts';
import type { DemoContext } from '../context.ts';
import { barsAt } from '../market.ts';
import { lineChart, panel, signed, trendClass } from './components.ts';
import { faultScript, tickerParagraph } from './faultAssets.ts';
import { renderPage } from './layout.ts';

export function runSpyBacktest(): BacktestResult {
  return backtestCrossover(barsAt('SPY', '1D', 120, Date.now()), 5, 20);
}

export function backtestSummary(result: BacktestResult): string {
  return `<dl class="stat-list">
<div><dt>Strategy return</dt><dd class="num ${trendClass(result.strategyReturnPercent)}" data-dynamic>${signed(result.strategyReturnPercent, '%')}</dd></div>
<div><dt>Buy and hold</dt><dd class="num ${trendClass(result.buyAndHoldReturnPercent)}" data-dynamic>${signed(result.buyAndHoldReturnPercent, '%')}</dd></div>
<div><dt>Max drawdown</dt><dd class="num" data-dynamic>${result.maxDrawdownPercent.toFixed(2)}%</dd></div>
<div><dt>Trades</dt><dd class="num" data-dynamic>${result.trades}</dd></div>
</dl>`;
}

export function renderBacktesting(ctx: DemoContext): string {
  const result = runSpyBacktest();
  const main = `<h1>Backtesting</h1>
${tickerParagraph(ctx)}
<p class="lead">A ${result.fastWindow}/${result.slowWindow}-day moving-average crossover on SPY over the last 120 daily bars, starting with 10,000.</p>
<div class="stack">
${panel('Results', backtestSummary(result))}
${panel(
  'Equity curve',
  lineChart(
    [
      { values: result.equityCurve, label: 'Crossover strategy' },
      { values: result.buyAndHoldCurve, label: 'Buy and hold', alt: true },
    ],
    'Equity of the crossover strategy against buy and hold over 120 sessions',
  ),
)}
</div>`;
  return renderPage(ctx, {
    title: 'Backtesting',
    path: '/backtesting',
    description: 'A moving-average crossover backtest on SPY daily bars.',
    main,
    head: faultScript(ctx, 'unstable-ticker'),
  });
}
