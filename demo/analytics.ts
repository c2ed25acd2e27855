/** Pure calculations over bars: moving averages, a crossover backtest and simple signals. */
import { round2, type Bar } from './market.ts';

export function sma(values: number[], window: number): Array<number | undefined> {
  return values.map((_, i) => {
    if (i + 1 < window) return undefined;
    const slice = values.slice(i + 1 - window, i + 1);
    return slice.reduce((sum, v) => sum + v, 0) / window;
  });
}

export interface BacktestResult {
  fastWindow: number;
  slowWindow: number;
  trades: number;
  strategyReturnPercent: number;
  buyAndHoldReturnPercent: number;
  maxDrawdownPercent: number;
  equityCurve: number[];
  buyAndHoldCurve: number[];
}

/** Long when the fast average is above the slow one, flat otherwise; starts with 10,000. */
export function backtestCrossover(bars: Bar[], fastWindow = 5, slowWindow = 20): BacktestResult {
  const closes = bars.map((b) => b.close);
  const fast = sma(closes, fastWindow);
  const slow = sma(closes, slowWindow);
  const start = 10_000;
  let cash = start;
  let shares = 0;
  let trades = 0;
  let peak = start;
  let maxDrawdown = 0;
  const equityCurve: number[] = [];
  const first = closes[0] ?? 1;
  const buyAndHoldCurve = closes.map((c) => round2((start * c) / first));
  closes.forEach((close, i) => {
    const f = fast[i];
    const s = slow[i];
    if (f !== undefined && s !== undefined) {
      if (f > s && shares === 0) {
        shares = cash / close;
        cash = 0;
        trades += 1;
      } else if (f < s && shares > 0) {
        cash = shares * close;
        shares = 0;
        trades += 1;
      }
    }
    const equity = cash + shares * close;
    peak = Math.max(peak, equity);
    maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
    equityCurve.push(round2(equity));
  });
  const finalEquity = equityCurve[equityCurve.length - 1] ?? start;
  const finalHold = buyAndHoldCurve[buyAndHoldCurve.length - 1] ?? start;
  return {
    fastWindow,
    slowWindow,
    trades,
    strategyReturnPercent: round2(((finalEquity - start) / start) * 100),
    buyAndHoldReturnPercent: round2(((finalHold - start) / start) * 100),
    maxDrawdownPercent: round2(maxDrawdown * 100),
    equityCurve,
    buyAndHoldCurve,
  };
}

export interface Signal {
  symbol: string;
  lastClose: number;
  average20: number;
  momentumPercent: number;
  view: 'Trend up' | 'Trend down' | 'Range-bound';
  idea: string;
}

/** A rule-based view per symbol: price against its 20-day average and 5-day momentum. */
export function trendSignal(symbol: string, bars: Bar[]): Signal {
  const closes = bars.map((b) => b.close);
  const last = closes[closes.length - 1] ?? 0;
  const average20 = sma(closes, Math.min(20, closes.length))[closes.length - 1] ?? last;
  const fiveAgo = closes[Math.max(0, closes.length - 6)] ?? last;
  const momentumPercent = round2(((last - fiveAgo) / (fiveAgo || 1)) * 100);
  let view: Signal['view'] = 'Range-bound';
  let idea = 'Hold; wait for a clear break of the 20-day average.';
  if (last > average20 && momentumPercent > 0) {
    view = 'Trend up';
    idea = 'Consider adding on pullbacks toward the 20-day average.';
  } else if (last < average20 && momentumPercent < 0) {
    view = 'Trend down';
    idea = 'Consider trimming exposure or hedging with puts.';
  }
  return { symbol, lastClose: last, average20: round2(average20), momentumPercent, view, idea };
}
