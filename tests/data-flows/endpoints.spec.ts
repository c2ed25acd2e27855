import { expect, test, type ApiResult } from '../../fixtures/index.ts';
import { percentile } from '../../lib/http.ts';
import { allowedRequests, stateChangeContext } from '../../lib/stateChange.ts';

// Latency and cache timings: measured with nothing else running beside them.
test.describe('live endpoints', { tag: '@measurement' }, () => {
  test('every configured endpoint answers as declared within its latency budget', async ({ api, risk, target }) => {
    test.skip(target.api.endpoints.length === 0, 'not configured: api.endpoints is empty in the validation config');
    // Read-only by default: an endpoint that may change state is sent only where it is allowed to.
    const { allowed: endpoints, refused } = allowedRequests(target.api.endpoints, (i) => `api.endpoints[${i}]`, stateChangeContext(target));
    if (refused.length > 0) risk.warn('endpoints left out (read-only by default)', refused.join('; '), { check: 'data-flows/status', severity: 'low' });
    for (const endpoint of endpoints) {
      const label = `${endpoint.name}: ${endpoint.method} ${endpoint.path}`;
      const samples: ApiResult[] = [];
      for (let i = 0; i < endpoint.samples; i++) {
        samples.push(await api.request(endpoint.method, endpoint.path, { auth: endpoint.auth ? 'token' : 'none' }));
      }
      await risk.check(`${label} answers ${endpoint.expectStatus}`, () => {
        const wrong = samples.filter((sample) => sample.status !== endpoint.expectStatus);
        if (wrong.length > 0) {
          const statuses = [...new Set(wrong.map((s) => s.status))].map((status) => `${status} x${wrong.filter((s) => s.status === status).length}`).join(', ');
          throw new Error(`${label} answered ${statuses} of ${samples.length}, expected ${endpoint.expectStatus}: ${wrong[0]!.text.slice(0, 160)}`);
        }
      }, { check: 'data-flows/status', evidence: { url: samples[0]?.url, statuses: samples.map((s) => s.status) } });
      if (endpoint.json) {
        await risk.check(`${label} answers JSON`, () => {
          const broken = samples.find((sample) => sample.json === undefined);
          if (broken) throw new Error(`${broken.url} body is not JSON (content-type "${broken.contentType}"): ${broken.jsonError ?? 'empty body'}`);
          const mislabelled = samples.find((sample) => !/^application\/([\w.+-]+\+)?json\b/i.test(sample.contentType));
          if (mislabelled) throw new Error(`${mislabelled.url} sends JSON as content-type "${mislabelled.contentType}", expected application/json`);
        }, { check: 'data-flows/json' });
      }
      const durations = samples.map((sample) => sample.durationMs);
      const p50 = Math.round(percentile(durations, 50));
      const max = Math.round(Math.max(...durations));
      await risk.check(`${label} latency within ${endpoint.budgetMs} ms`, () => {
        expect(max, `${label}: slowest of ${samples.length} samples (p50 ${p50} ms) against the ${endpoint.budgetMs} ms budget`).toBeLessThanOrEqual(endpoint.budgetMs);
      }, { check: 'data-flows/latency', metrics: { p50Ms: p50, maxMs: max, budgetMs: endpoint.budgetMs, samples: samples.length } });
    }
  });

  test('cached endpoints answer the warm request from cache within budget', async ({ api, risk, target }) => {
    const cached = allowedRequests(target.api.endpoints, (i) => `api.endpoints[${i}]`, stateChangeContext(target)).allowed.filter((endpoint) => endpoint.cache);
    test.skip(cached.length === 0, 'not configured: no api.endpoints entry that may be sent here has a cache block');
    for (const endpoint of cached) {
      const cache = endpoint.cache!;
      const label = `${endpoint.name}: ${endpoint.method} ${endpoint.path}`;
      const auth = endpoint.auth ? 'token' : 'none';
      let cold = await api.request(endpoint.method, endpoint.path, { auth });
      let warm = await api.request(endpoint.method, endpoint.path, { auth });
      // A first request that was already a hit may have met an entry about to expire: a miss
      // right after it is the cache's TTL, not a broken cache. Prime again (bounded).
      const hit = (result: ApiResult) => cache.header !== undefined && result.headers[cache.header.toLowerCase()] === cache.hitValue;
      for (let retry = 0; retry < 2 && hit(cold) && !hit(warm); retry++) {
        cold = await api.request(endpoint.method, endpoint.path, { auth });
        warm = await api.request(endpoint.method, endpoint.path, { auth });
      }
      const metrics = { coldMs: Math.round(cold.durationMs), warmMs: Math.round(warm.durationMs), budgetMs: cache.budgetMs };
      await risk.check(`${label} cache warm request within ${cache.budgetMs} ms`, () => {
        expect(warm.status, `${label}: warm request status`).toBe(endpoint.expectStatus);
        expect(warm.durationMs, `${label}: warm request latency (ms)`).toBeLessThanOrEqual(cache.budgetMs);
      }, { check: 'data-flows/cache', metrics });
      await risk.check(`${label} cache serves the warm request`, () => {
        if (cache.header) {
          const value = warm.headers[cache.header.toLowerCase()];
          if (value !== cache.hitValue) {
            throw new Error(`${warm.url}: warm request answered ${cache.header}: ${value ?? '(absent)'}, expected ${cache.hitValue} (cold answered ${cold.headers[cache.header.toLowerCase()] ?? '(absent)'})`);
          }
        } else if (warm.durationMs > cold.durationMs * cache.maxWarmRatio) {
          throw new Error(`${warm.url}: warm request took ${metrics.warmMs} ms against ${metrics.coldMs} ms cold; a cached answer should take at most ${cache.maxWarmRatio} x cold`);
        }
      }, { check: 'data-flows/cache', metrics, evidence: { url: warm.url } });
    }
  });
});
