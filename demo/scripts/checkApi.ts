import { SignJWT } from 'jose';
import { call, login, type ProbeResult } from './apiProbe.ts';
import type { Contract } from './contract.ts';

/** Exercises every documented operation and status it can reach; returns the problems found. */
export async function checkApi(baseUrl: string, contract: Contract): Promise<string[]> {
  const problems: string[] = [];
  const results: ProbeResult[] = [];
  const expect = async (status: number, method: string, path: string, options: Parameters<typeof call>[3] = {}): Promise<ProbeResult> => {
    const result = await call(baseUrl, method, path, options);
    results.push(result);
    if (result.status !== status) problems.push(`${method} ${path}: expected ${status}, got ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
    return result;
  };

  await expect(200, 'GET', '/api/health');
  await expect(200, 'GET', '/api/health/readiness');
  const miss = await expect(200, 'GET', '/api/market/quote/AAPL');
  const hit = await expect(200, 'GET', '/api/market/quote/AAPL');
  if (miss.headers.get('x-cache') !== 'MISS' || hit.headers.get('x-cache') !== 'HIT') problems.push('quote cache: expected MISS then HIT');
  if (hit.ms > 50) problems.push(`warm quote took ${hit.ms.toFixed(0)} ms`);
  if (miss.ms < 140 || miss.ms > 400) problems.push(`cold quote took ${miss.ms.toFixed(0)} ms, expected 150-300`);
  await expect(404, 'GET', '/api/market/quote/ZZZZ');
  await expect(400, 'GET', '/api/market/quote/TOO-LONG-SYMBOL-NAME');
  await expect(503, 'GET', '/api/market/quote/UPSTREAM401');
  await expect(502, 'GET', '/api/market/quote/UPSTREAM500');
  await expect(200, 'GET', '/api/market/bars/SPY?timeframe=1D&limit=30');
  await expect(200, 'GET', '/api/market/bars/QQQ?timeframe=5Min&limit=5');
  await expect(400, 'GET', '/api/market/bars/SPY?timeframe=2D');
  await expect(400, 'GET', '/api/market/bars/SPY?limit=0');
  await expect(404, 'GET', '/api/market/bars/ZZZZ');
  await expect(200, 'GET', '/api/options/expirations/SPY');
  await expect(404, 'GET', '/api/options/expirations/ZZZZ');
  await expect(200, 'GET', '/api/news/market');
  await expect(401, 'POST', '/api/auth/login', { body: { username: 'demo', password: 'wrong' } });
  await expect(400, 'POST', '/api/auth/login', { body: { username: 'demo' } });
  const token = await login(baseUrl);

  await expect(401, 'POST', '/api/orders', { body: { symbol: 'SPY', side: 'buy', quantity: 1, type: 'market' } });
  await expect(401, 'GET', '/api/orders', { token: 'not-a-jwt' });
  const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('demo').setExpirationTime(0).sign(new Uint8Array(32));
  await expect(401, 'GET', '/api/positions', { token: expired });
  await expect(401, 'GET', '/api/account');
  await expect(400, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'hold', quantity: 1 } });
  await expect(400, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'buy', quantity: 1.5 } });
  await expect(201, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'buy', quantity: 10, type: 'market' } });
  await expect(201, 'POST', '/api/orders', { token, body: { symbol: 'AAPL', side: 'buy', quantity: 20 } });
  await expect(201, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'sell', quantity: 4, type: 'market' } });
  await expect(422, 'POST', '/api/orders', { token, body: { symbol: 'MSFT', side: 'sell', quantity: 1, type: 'market' } });
  await expect(422, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'buy', quantity: 100000, type: 'market' } });
  await expect(200, 'GET', '/api/orders', { token });
  const positions = await expect(200, 'GET', '/api/positions', { token });
  const account = await expect(200, 'GET', '/api/account', { token });
  const a = account.body as Record<string, number>;
  const p = positions.body as Array<Record<string, number>>;
  const marketValue = p.reduce((sum, item) => sum + (item.marketValue ?? 0), 0);
  if (Math.abs((a.cash ?? 0) + marketValue - (a.equity ?? 0)) > 0.011) problems.push(`equity ${a.equity} != cash ${a.cash} + market value ${marketValue}`);
  if (Math.abs((a.equity ?? 0) - 100000 - (a.totalPnl ?? 0)) > 0.011) problems.push(`totalPnl ${a.totalPnl} != equity - 100000`);
  if (Math.abs((a.realizedPnl ?? 0) + (a.unrealizedPnl ?? 0) - (a.totalPnl ?? 0)) > 0.011) problems.push('totalPnl != realized + unrealized');

  // CORS: allowed origin gets headers, a foreign one gets none.
  const allowed = await call(baseUrl, 'OPTIONS', '/api/orders', { headers: { Origin: 'https://app.paiid.example', 'Access-Control-Request-Method': 'POST' } });
  if (allowed.status !== 204 || allowed.headers.get('access-control-allow-origin') !== 'https://app.paiid.example') problems.push('CORS: allowed origin not granted');
  const foreign = await call(baseUrl, 'OPTIONS', '/api/orders', { headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  if (foreign.status !== 204 || foreign.headers.has('access-control-allow-origin')) problems.push('CORS: foreign origin granted');
  const unknown = await call(baseUrl, 'GET', '/api/does-not-exist');
  if (unknown.status !== 404 || unknown.contentType !== 'application/json; charset=utf-8') problems.push('unknown /api path is not a JSON 404');

  for (const result of results) {
    const path = result.path.split('?')[0] ?? result.path;
    problems.push(...contract.check(result.method, path, result.status, result.contentType, result.body));
  }
  const exercised = new Set(results.map((r) => `${r.method} ${r.path.split('?')[0]}`));
  for (const op of contract.operations) {
    const pattern = new RegExp(`^${op.method} ${op.template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (![...exercised].some((key) => pattern.test(key))) problems.push(`operation never exercised: ${op.method} ${op.template}`);
  }
  return problems;
}
