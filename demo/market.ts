/**
 * Deterministic simulated market data. Every number comes from a PRNG seeded by symbol and
 * time bucket, so two processes agree on a price and a price only moves between buckets.
 */

export interface Instrument {
  name: string;
  basePrice: number;
  dailyVolume: number;
}

export const INSTRUMENTS: Record<string, Instrument> = {
  SPY: { name: 'SPDR S&P 500 ETF', basePrice: 598.4, dailyVolume: 62_000_000 },
  QQQ: { name: 'Invesco QQQ Trust', basePrice: 512.3, dailyVolume: 38_000_000 },
  AAPL: { name: 'Apple Inc.', basePrice: 231.5, dailyVolume: 51_000_000 },
  MSFT: { name: 'Microsoft Corp.', basePrice: 428.1, dailyVolume: 21_000_000 },
  NVDA: { name: 'NVIDIA Corp.', basePrice: 138.2, dailyVolume: 240_000_000 },
  TSLA: { name: 'Tesla Inc.', basePrice: 252.7, dailyVolume: 95_000_000 },
  IWM: { name: 'iShares Russell 2000 ETF', basePrice: 224.9, dailyVolume: 27_000_000 },
  DIA: { name: 'SPDR Dow Jones ETF', basePrice: 441.6, dailyVolume: 3_400_000 },
};

export const SYMBOLS = Object.keys(INSTRUMENTS);

/** Symbols whose simulated upstream provider fails, to exercise the API's error mapping. */
export const UPSTREAM_FAILURE_SYMBOLS: Record<string, number> = { UPSTREAM401: 401, UPSTREAM500: 500 };

/** Prices change once per bucket. */
export const PRICE_BUCKET_MS = 2000;
const DAY_MS = 86_400_000;

export interface Quote {
  symbol: string;
  price: number;
  change: number;
  changePercent: number;
  bid: number;
  ask: number;
  volume: number;
  timestamp: string;
}

export interface Bar {
  timestamp: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface NewsItem {
  id: string;
  headline: string;
  source: string;
  url: string;
  publishedAt: string;
  symbols: string[];
}

export const TIMEFRAMES: Record<string, number> = {
  '1Min': 60_000,
  '5Min': 300_000,
  '15Min': 900_000,
  '1H': 3_600_000,
  '1D': DAY_MS,
};

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** FNV-1a: a stable 32-bit seed from a string. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, good enough for simulated ticks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value in [-1, 1] fixed for one lattice point of one symbol and layer. */
function lattice(symbol: string, layer: string, index: number): number {
  return seededRandom(hashSeed(`${symbol}:${layer}:${index}`))() * 2 - 1;
}

/** Smooth value noise: interpolates lattice values so prices drift instead of jumping. */
function smoothNoise(symbol: string, layer: string, position: number): number {
  const index = Math.floor(position);
  const fraction = position - index;
  const eased = fraction * fraction * (3 - 2 * fraction);
  const a = lattice(symbol, layer, index);
  const b = lattice(symbol, layer, index + 1);
  return a + (b - a) * eased;
}

function bucketStart(timeMs: number): number {
  return Math.floor(timeMs / PRICE_BUCKET_MS) * PRICE_BUCKET_MS;
}

function basePriceOf(symbol: string): number {
  return INSTRUMENTS[symbol]?.basePrice ?? 100;
}

/** The simulated trade price of a symbol at a time (constant within a price bucket). */
export function priceAt(symbol: string, timeMs: number): number {
  const t = bucketStart(timeMs);
  // Layers from slow to fast: a multi-week trend, multi-day swings, intraday drift, a tick.
  const drift =
    0.05 * smoothNoise(symbol, 'trend', t / (20 * DAY_MS)) +
    0.02 * smoothNoise(symbol, 'swing', t / (3 * DAY_MS)) +
    0.005 * smoothNoise(symbol, 'intraday', t / (2 * 3_600_000)) +
    0.001 * lattice(symbol, 'tick', t / PRICE_BUCKET_MS);
  return round2(basePriceOf(symbol) * (1 + drift));
}

export function isKnownSymbol(symbol: string): boolean {
  return Object.hasOwn(INSTRUMENTS, symbol);
}

export function quoteAt(symbol: string, timeMs: number): Quote {
  const t = bucketStart(timeMs);
  const price = priceAt(symbol, t);
  const dayStart = Math.floor(t / DAY_MS) * DAY_MS;
  const previousClose = priceAt(symbol, dayStart - 1);
  const change = round2(price - previousClose);
  const spread = Math.max(0.01, round2(price * 0.0001));
  const dayFraction = (t - dayStart) / DAY_MS;
  const dailyVolume = INSTRUMENTS[symbol]?.dailyVolume ?? 1_000_000;
  const jitter = seededRandom(hashSeed(`${symbol}:volume:${t}`))();
  return {
    symbol,
    price,
    change,
    changePercent: round2((change / previousClose) * 100),
    bid: round2(price - spread),
    ask: round2(price + spread),
    volume: Math.round(dailyVolume * (0.05 + 0.95 * dayFraction) * (0.97 + 0.06 * jitter)),
    timestamp: new Date(t).toISOString(),
  };
}

/** OHLCV bars ending with the bar that contains `nowMs`, oldest first. */
export function barsAt(symbol: string, timeframe: string, limit: number, nowMs: number): Bar[] {
  const step = TIMEFRAMES[timeframe] ?? DAY_MS;
  const lastStart = Math.floor(nowMs / step) * step;
  const bars: Bar[] = [];
  for (let i = limit - 1; i >= 0; i -= 1) {
    const start = lastStart - i * step;
    const end = Math.min(start + step - 1, nowMs);
    const open = priceAt(symbol, start);
    const close = priceAt(symbol, end);
    const random = seededRandom(hashSeed(`${symbol}:bar:${timeframe}:${start}`));
    const high = round2(Math.max(open, close) * (1 + 0.004 * random()));
    const low = round2(Math.min(open, close) * (1 - 0.004 * random()));
    const dailyVolume = INSTRUMENTS[symbol]?.dailyVolume ?? 1_000_000;
    const volume = Math.round(dailyVolume * (step / DAY_MS) * (0.6 + 0.8 * random()));
    bars.push({ timestamp: new Date(start).toISOString(), open, high, low, close, volume: Math.max(volume, 1) });
  }
  return bars;
}

function isoDate(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(0, 10);
}

/** Weekly Friday expirations for eight weeks, then monthly third Fridays for three months. */
export function expirationsAt(nowMs: number): string[] {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const dates = new Set<string>();
  const daysToFriday = (5 - new Date(today).getUTCDay() + 7) % 7;
  for (let week = 0; week < 8; week += 1) dates.add(isoDate(today + (daysToFriday + week * 7) * DAY_MS));
  const now = new Date(today);
  for (let month = 2; month <= 4; month += 1) {
    const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + month, 1);
    const firstFriday = 1 + ((5 - new Date(first).getUTCDay() + 7) % 7);
    dates.add(isoDate(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + month, firstFriday + 14)));
  }
  return [...dates].sort();
}

const HEADLINES: Array<{ text: string; symbols: string[]; source: string }> = [
  { text: 'Index futures steady ahead of the jobs report', symbols: ['SPY', 'DIA'], source: 'Market Wire' },
  { text: 'Chip makers extend rally as data-centre orders climb', symbols: ['NVDA', 'QQQ'], source: 'Tech Desk' },
  { text: 'Small caps lag as yields edge higher', symbols: ['IWM'], source: 'Rates Daily' },
  { text: 'Apple suppliers report firm holiday build schedules', symbols: ['AAPL'], source: 'Supply Chain Journal' },
  { text: 'Cloud spending lifts software names', symbols: ['MSFT', 'QQQ'], source: 'Tech Desk' },
  { text: 'EV deliveries beat estimates; shares volatile in early trade', symbols: ['TSLA'], source: 'Auto Markets' },
  { text: 'Blue chips hold gains into the close', symbols: ['DIA', 'SPY'], source: 'Market Wire' },
  { text: 'Options volume spikes in index ETFs before expiry', symbols: ['SPY', 'QQQ', 'IWM'], source: 'Derivatives Weekly' },
  { text: 'Treasury auction draws solid demand', symbols: ['SPY'], source: 'Rates Daily' },
  { text: 'Semiconductor index hits a record high', symbols: ['NVDA'], source: 'Tech Desk' },
];

/** Ten news items, the newest first; the selection rotates every hour. */
export function newsAt(nowMs: number): NewsItem[] {
  const hour = Math.floor(nowMs / 3_600_000);
  const random = seededRandom(hashSeed(`news:${hour}`));
  const offset = Math.floor(random() * HEADLINES.length);
  return HEADLINES.map((_, index) => {
    const item = HEADLINES[(index + offset) % HEADLINES.length] ?? HEADLINES[0]!;
    const slug = item.text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
    const published = hour * 3_600_000 - index * 37 * 60_000;
    return {
      id: `news-${hour}-${index}`,
      headline: item.text,
      source: item.source,
      url: `https://news.paiid.example/${isoDate(published)}/${slug}`,
      publishedAt: new Date(published).toISOString(),
      symbols: [...item.symbols],
    };
  });
}
