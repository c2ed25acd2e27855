import { test } from '../../fixtures/index.ts';
import { judgeAllowedOrigin, judgeDisallowedOrigin } from '../../lib/openapi/index.ts';
import { requestChangesState, stateChangeContext } from '../../lib/stateChange.ts';

test.describe('cors', () => {
  test('preflights from allowed origins pass and others are refused', { tag: '@critical' }, async ({ api, risk, target }) => {
    const cors = target.api.contracts.cors;
    // An API path: the configured one, else health, else the first live endpoint; the site root last.
    const path = cors.path ?? target.api.health?.path ?? target.api.endpoints.find((endpoint) => endpoint.method === 'GET' && !endpoint.path.includes('${'))?.path ?? '/';
    // Only origins the config names: a page on the target's own origin calls its API without CORS
    // (browsers send no preflight there), so the own origin is never asked to be allowed.
    const allowed = cors.allowedOrigins;
    const preflight = (origin: string) => api.request('OPTIONS', path, {
      headers: { Origin: new URL(origin).origin, 'Access-Control-Request-Method': cors.method, 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    for (const origin of allowed.map((o) => new URL(o).origin)) {
      const result = await preflight(origin);
      const finding = judgeAllowedOrigin(origin, result.headers);
      await risk.check(`cors: preflight from allowed origin ${origin} is allowed`, () => {
        if (!finding.ok) throw new Error(`OPTIONS ${path}: ${finding.message}`);
      }, { check: 'contracts/cors', severity: finding.severity, evidence: { url: result.url, status: result.status, allowOrigin: result.headers['access-control-allow-origin'] } });
    }
    // A preflight only asks; the request itself is sent only when it cannot change state (read-only by default).
    const sendsRequest = requestChangesState(cors.method, path, stateChangeContext(target)) === undefined;
    for (const origin of cors.disallowedOrigins.map((o) => new URL(o).origin)) {
      const answers = [{ what: 'preflight', result: await preflight(origin) }];
      if (sendsRequest) answers.push({ what: `${cors.method} request`, result: await api.request(cors.method, path, { headers: { Origin: origin } }) });
      for (const { what, result } of answers) {
        const finding = judgeDisallowedOrigin(origin, result.headers);
        await risk.check(`cors: ${what} from disallowed origin ${origin} is refused`, () => {
          if (!finding.ok) throw new Error(`${result.method} ${path}: ${finding.message}`);
        }, { check: 'contracts/cors', severity: finding.severity, evidence: { url: result.url, status: result.status, allowOrigin: result.headers['access-control-allow-origin'], allowCredentials: result.headers['access-control-allow-credentials'] } });
      }
    }
  });
});
