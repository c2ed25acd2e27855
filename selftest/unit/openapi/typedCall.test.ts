import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiClient } from '../../../fixtures/api.ts';

/**
 * Compile-time checks of `api.call` against the generated paths: `tsc --noEmit` fails when the
 * types stop matching the document. The function is never run; the test only proves it exists.
 */
export async function typedUsage(api: ApiClient): Promise<void> {
  const quote = await api.call('get', '/api/market/quote/{symbol}', { pathParams: { symbol: 'SPY' } });
  const price: number | undefined = quote.json?.price;
  const bars = await api.call('get', '/api/market/bars/{symbol}', { pathParams: { symbol: 'SPY' }, query: { timeframe: '1H', limit: 5 } });
  const firstClose: number | undefined = bars.json?.[0]?.close;
  const order = await api.call('post', '/api/orders', { body: { symbol: 'SPY', side: 'buy', quantity: 1 }, auth: 'token' });
  const filled: 'filled' | undefined = order.json?.status;
  const health = await api.call('get', '/api/health');
  const status: 'ok' | 'down' | undefined = health.json?.status;
  // @ts-expect-error: the path is not documented
  await api.call('get', '/api/internal/debug');
  // @ts-expect-error: /api/account documents no POST
  await api.call('post', '/api/account');
  // @ts-expect-error: the path parameter is required
  await api.call('get', '/api/market/quote/{symbol}');
  // @ts-expect-error: side must be buy or sell
  await api.call('post', '/api/orders', { body: { symbol: 'SPY', side: 'hold', quantity: 1 } });
  void [price, firstClose, filled, status];
}

describe('api.call types', () => {
  it('type-checks against the generated paths (enforced by tsc)', () => {
    assert.equal(typeof typedUsage, 'function');
  });
});
