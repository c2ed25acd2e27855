import type { ServerResponse } from 'node:http';
import { hasFault, type DemoContext } from '../context.ts';
import { sendError, sendJson, sleep } from '../http.ts';
import {
  barsAt,
  expirationsAt,
  hashSeed,
  isKnownSymbol,
  quoteAt,
  seededRandom,
  TIMEFRAMES,
  UPSTREAM_FAILURE_SYMBOLS,
  type Quote,
} from '../market.ts';
import { delayUnderLoad } from './load.ts';

export const QUOTE_CACHE_TTL_MS = 3000;
const SLOW_QUOTE_MS = 2600;
const SYMBOL_PATTERN = /^[A-Za-z0-9]{1,12}$/;

/** The exchange PaπD 2mx names in its quotes. */
const QUOTE_EXCHANGE = 'ARCA';

type UpstreamAnswer = { status: 200; quote: Quote } | { status: number };

/** The simulated market-data provider: 150-300 ms away, and failing for the test symbols. */
async function fetchUpstream(symbol: string): Promise<UpstreamAnswer> {
  const now = Date.now();
  const latency = 150 + Math.floor(seededRandom(hashSeed(`upstream:${symbol}:${Math.floor(now / 1000)}`))() * 150);
  await sleep(latency);
  const failure = UPSTREAM_FAILURE_SYMBOLS[symbol];
  if (failure !== undefined) return { status: failure };
  return { status: 200, quote: quoteAt(symbol, Date.now()) };
}

/** Validates a path symbol; answers 400/404 itself and returns undefined when it did. */
function resolveSymbol(res: ServerResponse, raw: string, allowUpstreamTestSymbols: boolean): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw;
  }
  if (!SYMBOL_PATTERN.test(decoded)) {
    sendError(res, 400, 'invalid_symbol', `Symbol must be 1-12 letters or digits, got "${decoded.slice(0, 40)}"`);
    return undefined;
  }
  const symbol = decoded.toUpperCase();
  const isTestSymbol = allowUpstreamTestSymbols && Object.hasOwn(UPSTREAM_FAILURE_SYMBOLS, symbol);
  if (!isKnownSymbol(symbol) && !isTestSymbol) {
    sendError(res, 404, 'unknown_symbol', `Unknown symbol "${symbol}"`);
    return undefined;
  }
  return symbol;
}

export async function quote(ctx: DemoContext, res: ServerResponse, rawSymbol: string): Promise<void> {
  const symbol = resolveSymbol(res, rawSymbol, true);
  if (!symbol) return;
  await delayUnderLoad(ctx);
  if (hasFault(ctx, 'slow-quote')) await sleep(SLOW_QUOTE_MS);

  const useCache = !hasFault(ctx, 'cache-disabled');
  const cached = useCache ? ctx.quoteCache.get(symbol) : undefined;
  let body: Quote;
  let cacheStatus: 'HIT' | 'MISS';
  if (cached && cached.expiresAt > Date.now()) {
    body = cached.quote;
    cacheStatus = 'HIT';
  } else {
    const answer = await fetchUpstream(symbol);
    if (!('quote' in answer)) {
      if (answer.status === 401) {
        if (hasFault(ctx, 'upstream-401-as-500')) {
          sendError(res, 500, 'internal_error', 'Unhandled upstream response');
        } else {
          sendError(res, 503, 'upstream_unavailable', 'Market data provider rejected our credentials; quotes are temporarily unavailable');
        }
      } else {
        sendError(res, 502, 'upstream_error', `Market data provider answered ${answer.status}`);
      }
      return;
    }
    body = answer.quote;
    cacheStatus = 'MISS';
    if (useCache) ctx.quoteCache.set(symbol, { quote: body, expiresAt: Date.now() + QUOTE_CACHE_TTL_MS });
  }
  // PaπD 2mx's compatible change: quotes name their exchange (an optional field PaiiD's clients ignore).
  const current = ctx.config.variant === '2mx' ? { ...body, exchange: QUOTE_EXCHANGE } : body;
  const served: unknown = hasFault(ctx, 'type-drift') ? { ...current, price: String(current.price) } : current;
  sendJson(res, 200, served, { 'X-Cache': cacheStatus });
}

export function bars(res: ServerResponse, rawSymbol: string, url: URL): void {
  const symbol = resolveSymbol(res, rawSymbol, false);
  if (!symbol) return;
  const timeframe = url.searchParams.get('timeframe') ?? '1D';
  if (!Object.hasOwn(TIMEFRAMES, timeframe)) {
    sendError(res, 400, 'invalid_timeframe', `timeframe must be one of ${Object.keys(TIMEFRAMES).join(', ')}, got "${timeframe.slice(0, 20)}"`);
    return;
  }
  const rawLimit = url.searchParams.get('limit') ?? '30';
  const limit = Number(rawLimit);
  if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > 500) {
    sendError(res, 400, 'invalid_limit', `limit must be an integer from 1 to 500, got "${rawLimit.slice(0, 20)}"`);
    return;
  }
  sendJson(res, 200, barsAt(symbol, timeframe, limit, Date.now()));
}

export function expirations(ctx: DemoContext, res: ServerResponse, rawSymbol: string): void {
  const symbol = resolveSymbol(res, rawSymbol, false);
  if (!symbol) return;
  if (hasFault(ctx, 'stack-trace-500')) throw new TypeError(`expiration calendar for ${symbol} is not loaded`);
  sendJson(res, 200, { symbol, expirations: expirationsAt(Date.now()) });
}

