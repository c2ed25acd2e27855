import { crossPlatformChecks, test } from '../../fixtures/index.ts';
import { judgeAllowedOrigin } from '../../lib/openapi/index.ts';

/*
 * Tokens across platforms (one identity provider, or separate ones, as the workspace says) and
 * CORS between them (one platform's pages calling the other's API).
 */
const checks = await crossPlatformChecks();

test.describe('tokens across platforms', () => {
  for (const check of checks.tokens) {
    test(`a token from ${check.issuer}'s login is ${check.expect} by ${check.audience}`, async ({ platforms, risk }) => {
      const issuer = await platforms.api(check.issuer);
      const token = await risk.check(`log in to ${check.issuer}`, () => issuer.login(), { check: 'cross-platform/token', fatal: true });
      if (!token) return;
      const audience = await platforms.api(check.audience);
      const result = await audience.request(check.method, check.path, { auth: 'none', headers: { Authorization: `Bearer ${token}` } });
      const refusals = platforms.config(check.audience).api.contracts.unauthorizedStatus;
      const refused = (Array.isArray(refusals) ? refusals : [refusals]).includes(result.status);
      const accepted = result.status >= 200 && result.status < 300;
      const ok = check.expect === 'accepted' ? accepted : refused;
      const name = `${check.method} ${check.path} on ${check.audience} with ${check.issuer}'s token is ${check.expect}`;
      const evidence = { url: result.url, status: result.status };
      if (ok) risk.pass(name, { check: 'cross-platform/token', evidence });
      else risk.fail(name, `${check.method} ${check.path} on ${check.audience} answered ${result.status} to ${check.issuer}'s token; expected it ${check.expect === 'accepted' ? 'accepted (2xx)' : `refused (${String(refusals)})`}`, { check: 'cross-platform/token', evidence });
    });
  }
});

test.describe('cors across platforms', () => {
  for (const check of checks.cors) {
    test(`${check.callee}'s API allows ${check.caller}'s pages`, async ({ platforms, risk }) => {
      const origin = new URL(check.origin ?? platforms.config(check.caller).meta.baseUrl).origin;
      const callee = await platforms.api(check.callee);
      const result = await callee.request('OPTIONS', check.path, { auth: 'none', headers: { Origin: origin, 'Access-Control-Request-Method': check.method, 'Access-Control-Request-Headers': 'authorization, content-type' } });
      const finding = judgeAllowedOrigin(origin, result.headers);
      const name = `preflight from ${check.caller} (${origin}) to ${check.callee} ${check.method} ${check.path} is allowed`;
      const evidence = { url: result.url, status: result.status, allowOrigin: result.headers['access-control-allow-origin'] ?? null };
      if (finding.ok) risk.pass(name, { check: 'cross-platform/cors', evidence });
      else risk.fail(name, finding.message, { check: 'cross-platform/cors', severity: finding.severity, evidence });
    });
  }
});
