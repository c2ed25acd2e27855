import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountFor, hasFault, type DemoContext } from '../context.ts';
import { BodyError, isPlainObject, readJsonBody, sendError, sendJson } from '../http.ts';
import { isKnownSymbol, quoteAt } from '../market.ts';
import type { Side } from '../paper.ts';
import { authenticate, refuse } from './auth.ts';

const ORDER_FIELDS = new Set(['symbol', 'side', 'quantity', 'type']);
const MAX_QUANTITY = 100_000;

interface OrderRequest {
  symbol: string;
  side: Side;
  quantity: number;
}

/** Returns the order or a message naming the first problem. */
function parseOrder(body: unknown): OrderRequest | string {
  if (!isPlainObject(body)) return 'Expected a JSON object';
  const extra = Object.keys(body).filter((key) => !ORDER_FIELDS.has(key));
  if (extra.length > 0) return `Unknown field(s): ${extra.join(', ')}`;
  const { symbol, side, quantity, type } = body;
  if (typeof symbol !== 'string' || !isKnownSymbol(symbol.toUpperCase())) return 'symbol must be a listed symbol, e.g. "SPY"';
  if (side !== 'buy' && side !== 'sell') return 'side must be "buy" or "sell"';
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    return `quantity must be an integer from 1 to ${MAX_QUANTITY}`;
  }
  if (type !== undefined && type !== 'market') return 'type must be "market" (the only order type supported)';
  return { symbol: symbol.toUpperCase(), side, quantity };
}

const currentPrice = (symbol: string): number => quoteAt(symbol, Date.now()).price;

export async function placeOrder(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let user = await authenticate(ctx, req);
  if (!user && hasFault(ctx, 'auth-bypass-orders')) user = ctx.config.user;
  if (!user) return refuse(res, req);
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    if (error instanceof BodyError) return sendError(res, 400, 'invalid_body', error.message);
    throw error;
  }
  const order = parseOrder(body);
  if (typeof order === 'string') return sendError(res, 400, 'invalid_order', order);
  if (hasFault(ctx, 'orders-rejected')) {
    return sendError(res, 422, 'order_rejected', 'Broker rejected the order: trading is halted');
  }
  const outcome = accountFor(ctx, user).place(order.symbol, order.side, order.quantity, currentPrice(order.symbol), new Date());
  if (!outcome.ok) return sendError(res, 422, 'order_rejected', outcome.reason);
  sendJson(res, 201, outcome.order);
}

export async function listOrders(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const user = await authenticate(ctx, req);
  if (!user) return refuse(res, req);
  sendJson(res, 200, [...accountFor(ctx, user).orders].reverse());
}

export async function positions(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const user = await authenticate(ctx, req);
  if (!user) return refuse(res, req);
  const items = accountFor(ctx, user).positions(currentPrice);
  if (hasFault(ctx, 'missing-required-field')) {
    sendJson(res, 200, items.map(({ averagePrice: _dropped, ...rest }) => rest));
    return;
  }
  sendJson(res, 200, items);
}

export async function account(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const user = await authenticate(ctx, req);
  if (!user) return refuse(res, req);
  const paper = accountFor(ctx, user);
  const view = paper.account(currentPrice);
  if (hasFault(ctx, 'pnl-wrong')) view.totalPnl = paper.cashOnlyPnl();
  // PaπD 2mx's breaking change, as its own document then says: PaiiD's clients lose buying power.
  if (ctx.config.variant === '2mx' && hasFault(ctx, '2mx-account-breaking')) {
    const { buyingPower: _dropped, ...rest } = view;
    sendJson(res, 200, rest);
    return;
  }
  sendJson(res, 200, view);
}
