/**
 * In-memory paper trading. Money is kept in integer cents so that
 * equity - starting cash equals realized + unrealized P&L exactly.
 */

export const STARTING_CASH_CENTS = 100_000_00;

export type Side = 'buy' | 'sell';

export interface Order {
  id: string;
  symbol: string;
  side: Side;
  quantity: number;
  type: 'market';
  filledPrice: number;
  status: 'filled';
  createdAt: string;
}

interface Holding {
  quantity: number;
  costBasisCents: number;
}

export interface PositionView {
  symbol: string;
  quantity: number;
  averagePrice: number;
  marketPrice: number;
  marketValue: number;
  unrealizedPnl: number;
}

export interface AccountView {
  accountId: string;
  cash: number;
  equity: number;
  buyingPower: number;
  realizedPnl: number;
  unrealizedPnl: number;
  totalPnl: number;
}

export type OrderOutcome = { ok: true; order: Order } | { ok: false; reason: string };

const toCents = (dollars: number): number => Math.round(dollars * 100);
const toDollars = (cents: number): number => Math.round(cents) / 100;

export class PaperAccount {
  private cashCents = STARTING_CASH_CENTS;
  private realizedCents = 0;
  private readonly holdings = new Map<string, Holding>();
  readonly orders: Order[] = [];

  constructor(readonly accountId: string) {}

  place(symbol: string, side: Side, quantity: number, price: number, now: Date): OrderOutcome {
    const priceCents = toCents(price);
    const notionalCents = priceCents * quantity;
    const holding = this.holdings.get(symbol) ?? { quantity: 0, costBasisCents: 0 };
    if (side === 'buy') {
      if (notionalCents > this.cashCents) {
        return { ok: false, reason: `Insufficient buying power: order needs ${toDollars(notionalCents)}, available ${toDollars(this.cashCents)}` };
      }
      this.cashCents -= notionalCents;
      holding.quantity += quantity;
      holding.costBasisCents += notionalCents;
    } else {
      if (quantity > holding.quantity) {
        return { ok: false, reason: `Cannot sell ${quantity} ${symbol}: position holds ${holding.quantity} (no short selling)` };
      }
      const releasedBasis = Math.round((holding.costBasisCents * quantity) / holding.quantity);
      this.cashCents += notionalCents;
      this.realizedCents += notionalCents - releasedBasis;
      holding.quantity -= quantity;
      holding.costBasisCents -= releasedBasis;
    }
    if (holding.quantity === 0) this.holdings.delete(symbol);
    else this.holdings.set(symbol, holding);
    const order: Order = {
      id: `ord_${String(this.orders.length + 1).padStart(6, '0')}`,
      symbol,
      side,
      quantity,
      type: 'market',
      filledPrice: toDollars(priceCents),
      status: 'filled',
      createdAt: now.toISOString(),
    };
    this.orders.push(order);
    return { ok: true, order };
  }

  positions(priceOf: (symbol: string) => number): PositionView[] {
    return [...this.holdings.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([symbol, holding]) => {
        const marketPriceCents = toCents(priceOf(symbol));
        const marketValueCents = marketPriceCents * holding.quantity;
        return {
          symbol,
          quantity: holding.quantity,
          averagePrice: toDollars(holding.costBasisCents / holding.quantity),
          marketPrice: toDollars(marketPriceCents),
          marketValue: toDollars(marketValueCents),
          unrealizedPnl: toDollars(marketValueCents - holding.costBasisCents),
        };
      });
  }

  account(priceOf: (symbol: string) => number): AccountView {
    let marketValueCents = 0;
    let costBasisCents = 0;
    for (const [symbol, holding] of this.holdings) {
      marketValueCents += toCents(priceOf(symbol)) * holding.quantity;
      costBasisCents += holding.costBasisCents;
    }
    const unrealizedCents = marketValueCents - costBasisCents;
    return {
      accountId: this.accountId,
      cash: toDollars(this.cashCents),
      equity: toDollars(this.cashCents + marketValueCents),
      buyingPower: toDollars(this.cashCents),
      realizedPnl: toDollars(this.realizedCents),
      unrealizedPnl: toDollars(unrealizedCents),
      totalPnl: toDollars(this.realizedCents + unrealizedCents),
    };
  }

  /** What the account would report if it forgot its positions: cash spent reads as a loss. */
  cashOnlyPnl(): number {
    return toDollars(this.cashCents - STARTING_CASH_CENTS);
  }
}
