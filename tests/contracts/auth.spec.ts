import { test } from '../../fixtures/index.ts';
import { expiredForeignToken, mutationsAllowed, operationLabel, overrideFor, planRequests } from '../../lib/openapi/index.ts';

test.describe('authentication', () => {
  test('secured operations refuse missing, invalid and expired tokens and accept a valid one', { tag: '@critical' }, async ({ api, openapi, risk, target }) => {
    test.skip(!openapi.ok, openapi.ok ? '' : `OpenAPI document unusable: ${openapi.reason}`);
    if (!openapi.ok) return;
    const secured = openapi.operations.filter((operation) => operation.secured);
    test.skip(secured.length === 0, 'the OpenAPI document declares no secured operation');
    const settings = target.api.contracts;
    const refused = settings.unauthorizedStatus;
    const header = target.auth?.header ?? 'Authorization';
    const scheme = target.auth?.scheme ?? 'Bearer';
    const expired = await expiredForeignToken();
    const canMutate = mutationsAllowed(settings.mutations, target.meta.environment);
    for (const operation of secured) {
      const label = operationLabel(operation);
      const override = overrideFor(operation, settings.operations);
      // Without credentials nothing should change, but a bypass would: respect the mutation policy.
      if (override?.mutating && !canMutate) {
        risk.warn(`auth: ${label} not probed`, `mutating, and api.contracts.mutations is "${settings.mutations}" in ${target.meta.environment}`, { check: 'contracts/auth' });
        continue;
      }
      const plan = planRequests(operation, override, 1);
      if ('skipped' in plan) {
        risk.warn(`auth: ${label} not probed`, plan.skipped, { check: 'contracts/auth' });
        continue;
      }
      const request = plan.requests[0]!;
      const send = (auth: 'none' | 'token' | 'invalid', headers: Record<string, string> = {}) =>
        api.request(request.method, request.path, { params: request.query, headers: { ...request.headers, ...headers }, data: request.body, auth });
      const attempts = [
        { what: 'without credentials', result: await send('none') },
        { what: 'with an invalid token', result: await send('invalid') },
        { what: 'with an expired, foreign-signed token', result: await send('none', { [header]: `${scheme} ${expired}` }) },
      ];
      for (const { what, result } of attempts) {
        await risk.check(`auth: ${label} ${what} answers ${refused}`, () => {
          if (result.status !== refused) {
            throw new Error(`${request.method} ${request.path} answered ${result.status} ${what}, expected ${refused}: the operation is secured in the document (api.contracts.unauthorizedStatus): ${result.text.slice(0, 160)}`);
          }
        }, { check: 'contracts/auth', evidence: { url: result.url, status: result.status } });
      }
      const valid = await send('token');
      await risk.check(`auth: ${label} with a valid token succeeds`, () => {
        if (valid.status < 200 || valid.status > 299) {
          throw new Error(`${request.method} ${request.path} answered ${valid.status} with a valid token, expected 2xx: ${valid.text.slice(0, 160)}`);
        }
      }, { check: 'contracts/auth', evidence: { url: valid.url, status: valid.status } });
    }
  });
});
