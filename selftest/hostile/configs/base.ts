import type { ValidationConfigInput } from '../../../lib/config/index.ts';

/**
 * The shared shape of the hostile configs: the suite's real gates pointed at the misbehaving
 * server (BASE_URL / API_URL give its port; the URL here is a closed placeholder), with tight
 * timeouts so a hanging target costs seconds, not Playwright's stacked defaults.
 */
export const HOSTILE_TIMEOUTS = { requestMs: 2_000, navigationMs: 4_000, testMs: 15_000, expectMs: 2_000 };

export function hostileConfig(overrides: Partial<ValidationConfigInput> = {}): ValidationConfigInput {
  return {
    target: { name: 'hostile target', baseUrl: 'http://127.0.0.1:9' },
    auth: {
      login: { method: 'POST', path: '/api/auth/login', body: { username: 'hostile', password: '${API_PASSWORD}' }, tokenPath: 'token' },
    },
    routes: [{ path: '/', name: 'home', expect: { visible: ['h1'] } }],
    browser: { viewports: [{ name: 'desktop', width: 1280, height: 800 }], interactions: [] },
    api: {
      // The sample target's contract: the hostile server breaks it in transport and framing.
      openapi: process.env.HOSTILE_OPENAPI ?? '../../../demo/openapi.yaml',
      health: { path: '/api/health', budgetMs: 1_000 },
      readiness: { path: '/api/health/readiness' },
      endpoints: [{ name: 'SPY quote', path: '/api/market/quote/SPY', budgetMs: 1_000, samples: 2, cache: { budgetMs: 1_000, header: 'x-cache' } }],
      contracts: {
        operations: { placeOrder: { allowStateChangeIn: ['local'] } },
        probes: ['/api/debug'],
        maxExamplesPerOperation: 1,
        errorMappings: [{ name: 'upstream 5xx -> 502', path: '/api/market/quote/UPSTREAM500', expectStatus: 502 }],
      },
    },
    audit: { repository: process.env.HOSTILE_REPO ?? '.', commands: [] },
    thresholds: { riskTarget: 0.5, riskCritical: 2.0, maxWarnings: 3, minOperations: 1 },
    timeouts: HOSTILE_TIMEOUTS,
    ...overrides,
  };
}
