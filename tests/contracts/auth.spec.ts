import { test } from '../../fixtures/index.ts';
import { secretValues, templateVariables } from '../../lib/http.ts';
import { describeSkipped, expiredForeignToken, operationLabel, planAuthProbes, redirectsAway, requestTarget } from '../../lib/openapi/index.ts';
import { stateChangeContext } from '../../lib/stateChange.ts';
import { environmentFor } from '../../lib/workspace/variables.ts';

test.describe('authentication', () => {
  test('secured operations refuse missing, invalid and expired tokens and accept a valid one', { tag: '@critical' }, async ({ api, openapi, risk, target }) => {
    test.skip(!openapi.ok, openapi.ok ? '' : `OpenAPI document unusable: ${openapi.reason}`);
    if (!openapi.ok) return;
    const settings = target.api.contracts;
    const { variables, secrets } = templateVariables(environmentFor(target.meta.target), target.auth);
    for (const secret of [...secrets, ...secretValues(settings.operations, variables)]) risk.redactor.add(secret);
    const decisions = planAuthProbes(openapi.operations, {
      overrides: settings.operations, defaultAuth: settings.defaultAuth, context: stateChangeContext(target),
      maxVariants: 1, variables, sample: openapi.sample, basePath: openapi.basePath,
    });
    test.skip(decisions.length === 0, 'no operation needs credentials: the document declares no security; set api.contracts.defaultAuth: \'token\' (or an operation\'s auth) when the API needs them');
    const refusals = settings.unauthorizedStatus;
    const refusedText = refusals.join(' or ');
    const header = target.auth?.header ?? 'Authorization';
    const scheme = target.auth?.scheme ?? 'Bearer';
    const expired = await expiredForeignToken();
    const canLogIn = api.hasCredentials;
    let probed = 0;
    for (const decision of decisions) {
      if ('skipped' in decision) continue;
      probed++;
      const request = decision.requests[0]!;
      const label = operationLabel(decision.operation);
      // Refusals are asked for without any cookie: a session cookie is a credential too.
      // Redirects are not followed: a redirect to the login page is a refusal, not the login page's 200.
      const send = (auth: 'none' | 'token' | 'invalid', headers: Record<string, string> = {}) =>
        api.request(request.method, requestTarget(request), { headers: { ...request.headers, ...headers }, data: request.body, auth, withoutCookies: auth !== 'token', ...(auth === 'token' ? {} : { maxRedirects: 0 }) });
      const attempts = [
        { what: 'without credentials', result: await send('none') },
        { what: 'with an invalid token', result: await send('invalid') },
        { what: 'with an expired, foreign-signed token', result: await send('none', { [header]: `${scheme} ${expired}` }) },
      ];
      for (const { what, result } of attempts) {
        await risk.check(`auth: ${label} ${what} is refused (${refusedText})`, () => {
          if (!refusals.includes(result.status) && !redirectsAway(result)) {
            throw new Error(`${request.method} ${request.path} answered ${result.status} ${what}, expected ${refusedText} (api.contracts.unauthorizedStatus): the operation needs credentials: ${result.text.slice(0, 160)}`);
          }
        }, { check: 'contracts/auth', evidence: { url: result.url, status: result.status, ...(result.headers.location ? { location: result.headers.location } : {}) } });
      }
      if (!canLogIn) continue;
      const valid = await send('token');
      // A made-up id may answer 404 with a valid token: the check is that the token is accepted.
      await risk.check(`auth: ${label} with a valid token is not refused`, () => {
        if (refusals.includes(valid.status)) {
          throw new Error(`${request.method} ${request.path} answered ${valid.status} with a valid token, a refusal (api.contracts.unauthorizedStatus: ${refusedText}): ${valid.text.slice(0, 160)}`);
        }
      }, { check: 'contracts/auth', evidence: { url: valid.url, status: valid.status } });
    }
    // An operation the check cannot probe is reported with why, never skipped in silence.
    const name = `auth coverage: ${probed}/${decisions.length} operations that need credentials probed`;
    const gaps = [
      ...(probed < decisions.length ? [`not probed: ${describeSkipped(decisions)}`] : []),
      ...(!canLogIn && probed > 0 ? ['a valid token was never tried: set API_TOKEN or configure auth.login'] : []),
    ];
    if (gaps.length === 0) risk.pass(name, { check: 'contracts/coverage', metrics: { probed, operations: decisions.length } });
    else risk.warn(name, gaps.join('; '), { check: 'contracts/coverage', severity: 'medium', metrics: { probed, operations: decisions.length } });
  });
});
