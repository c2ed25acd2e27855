import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { smokeSection } from '../../../lib/config/sections/smoke.ts';
import { PathState, type PathContext, evaluateApiResponse, notRunCheck, planApiStep, planUiStep, type StepCheck } from '../../../lib/smoke/criticalPath.ts';

const smoke = smokeSection.parse({
  criticalPath: {
    api: [
      { name: 'log in', method: 'POST', path: '/login', body: { user: '${API_USER}' }, capture: { token: { path: 'token', secret: true } } },
      { name: 'place order', method: 'POST', path: '/orders', allowStateChangeIn: ['local', 'staging'], expectStatus: 201, headers: { Authorization: 'Bearer ${token}' }, body: { quantity: '${qty}' }, capture: { orderId: 'id' } },
      { name: 'positions', path: '/positions/${orderId}', headers: { Authorization: 'Bearer ${token}' } },
      { name: 'account', path: '/account', headers: { Authorization: 'Bearer ${token}' }, capture: { r: 'realized', u: 'unrealized' }, expect: [{ path: 'total', approx: '${r} + ${u}', label: 'P&L adds up' }, { path: 'cash', lessThan: 100, needs: ['place order'] }] },
    ],
  },
});
const steps = smoke.criticalPath.api;
const [loginStep, order, positions, account] = steps as [typeof steps[0], typeof steps[0], typeof steps[0], typeof steps[0]];
// The login step is auth.login's own request: the one POST sent without a mark.
const login = { method: 'POST', path: '/login' };
const local: PathContext = { environment: 'local', dryRun: false, login };
const view = (status: number, json: unknown) => ({ status, json, bodySnippet: JSON.stringify(json) });

function runAll(context: PathContext, responses: Record<string, { status: number; json: unknown }>): { state: PathState; checks: StepCheck[]; sent: string[] } {
  const state = new PathState(steps, { API_USER: 'demo', qty: 2 });
  const checks: StepCheck[] = [];
  const sent: string[] = [];
  for (const step of steps) {
    const plan = planApiStep(step, state, context);
    if (plan.kind !== 'run') {
      checks.push(notRunCheck(step.name, step.severity, plan, state));
      continue;
    }
    sent.push(`${plan.request.method} ${plan.request.path} ${JSON.stringify(plan.request.body ?? null)} ${plan.request.headers.Authorization ?? ''}`);
    const response = responses[step.name] ?? { status: 200, json: {} };
    checks.push(...evaluateApiResponse(step, plan.request, view(response.status, response.json), state));
  }
  return { state, checks, sent };
}

const happy = {
  'log in': { status: 200, json: { token: 'tok-123456' } },
  'place order': { status: 201, json: { id: 'ord_1' } },
  account: { status: 200, json: { realized: 1, unrealized: 2, total: 3, cash: 50 } },
};

describe('critical path steps', () => {
  it('carries captured values into later requests, keeping their type', () => {
    const { sent, checks, state } = runAll(local, happy);
    assert.deepEqual(sent, [
      'POST /login {"user":"demo"} ',
      'POST /orders {"quantity":2} Bearer tok-123456',
      'GET /positions/ord_1 null Bearer tok-123456',
      'GET /account null Bearer tok-123456',
    ]);
    assert.deepEqual(checks.filter((c) => c.outcome !== 'pass'), []);
    assert.deepEqual(state.secrets, ['tok-123456']);
  });

  it('fails a wrong status naming the request, and blocks what depends on it without new failures', () => {
    const { checks } = runAll(local, { ...happy, 'place order': { status: 422, json: { message: 'trading is halted' } } });
    const failed = checks.filter((c) => c.outcome === 'fail');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.name, 'place order: POST /orders answers 201');
    assert.match(failed[0]?.message ?? '', /POST \/orders answered 422, expected 201: .*trading is halted/);
    assert.match(checks.find((c) => c.name === 'positions')?.message ?? '', /needs \$\{orderId\} from step "place order", which failed/);
    assert.equal(checks.find((c) => c.name.startsWith('account: cash'))?.outcome, 'skip');
  });

  it('fails a body expectation with expected and actual values (a wrong P&L)', () => {
    const { checks } = runAll(local, { ...happy, account: { status: 200, json: { realized: 0, unrealized: 1.5, total: -500, cash: 50 } } });
    const pnl = checks.find((c) => c.name.includes('P&L adds up'));
    assert.equal(pnl?.outcome, 'fail');
    assert.match(pnl?.message ?? '', /expected "total" ≈ 1\.5 \(±0\.01\), got -500/);
  });

  it('sends a state-changing step only where it is allowed, never in a dry run, and skips what needs it', () => {
    for (const context of [{ environment: 'local' as const, dryRun: true, login }, { environment: 'production' as const, dryRun: false, login }]) {
      const { checks, sent, state } = runAll(context, happy);
      assert.equal(sent.length, 2, sent.join('\n'));
      assert.equal(checks.filter((c) => c.outcome === 'fail').length, 0);
      assert.match(checks.find((c) => c.name === 'place order')?.message ?? '', /changes state \(POST\) and (DRY_RUN=1 forbids that|is not allowed in production: smoke\.criticalPath\.api\["place order"\]\.allowStateChangeIn names local, staging)/);
      assert.equal(checks.find((c) => c.name.startsWith('account: cash'))?.outcome, 'skip');
      assert.equal(checks.find((c) => c.name.includes('P&L adds up'))?.outcome, 'pass');
      assert.equal(state.skipped.length, 2);
    }
  });

  it('never sends a POST, PUT, PATCH or DELETE step nobody marked (read-only by default)', () => {
    const unmarked = smokeSection.parse({ criticalPath: { api: [{ name: 'reset', method: 'DELETE', path: '/account' }] } }).criticalPath.api[0]!;
    const plan = planApiStep(unmarked, new PathState([unmarked], {}), local);
    assert.deepEqual(plan, { kind: 'skip', reason: 'changes state (DELETE) and is not allowed in local: list local in smoke.criticalPath.api["reset"].allowStateChangeIn to send it there' });
    const notLogin = planApiStep(loginStep, new PathState(steps, { API_USER: 'demo' }), { environment: 'local', dryRun: false });
    assert.equal(notLogin.kind, 'skip', 'without auth.login naming it, a POST login step is a POST like any other');
  });

  it('fails a missing capture and a variable nobody provides', () => {
    const state = new PathState(steps, {});
    const plan = planApiStep(loginStep, state, local);
    assert.equal(plan.kind, 'unknown');
    const checks = evaluateApiResponse(order, { method: 'POST', path: '/orders', body: {}, headers: {}, auth: 'none' }, view(201, { other: 1 }), state);
    assert.match(checks.find((c) => c.outcome === 'fail')?.message ?? '', /cannot capture \$\{orderId\}: "id" is absent/);
    assert.ok(positions && account);
  });

  it('plans page steps with the same rules', () => {
    const state = new PathState([], { API_USER: 'demo' });
    const fill = { action: 'fill', selector: '#user', value: '${API_USER}', needs: [] };
    assert.deepEqual(planUiStep(fill, state, local), { kind: 'run', values: { action: 'fill', selector: '#user', value: 'demo' } });
    const click = { action: 'click', selector: '#buy', name: 'buy', allowStateChangeIn: ['local' as const], needs: [] };
    assert.equal(planUiStep(click, state, local).kind, 'run');
    assert.equal(planUiStep(click, state, { environment: 'local', dryRun: true }).kind, 'skip');
    assert.deepEqual(planUiStep(click, state, { environment: 'staging', dryRun: false }), { kind: 'skip', reason: 'changes state (as marked) and is not allowed in staging: smoke.criticalPath.ui["buy"].allowStateChangeIn names local' });
    notRunCheck('buy', 'critical', { kind: 'skip', reason: 'dry' }, state);
    assert.equal(planUiStep({ action: 'expectText', selector: '#s', text: 'Filled', name: 'filled', needs: ['buy'] }, state, local).kind, 'skip');
  });

  it('refuses needs that name no earlier step, and duplicate names', () => {
    assert.throws(() => smokeSection.parse({ criticalPath: { api: [{ name: 'a', path: '/a', needs: ['b'] }, { name: 'b', path: '/b' }] } }), /must name an earlier step/);
    assert.throws(() => smokeSection.parse({ criticalPath: { api: [{ name: 'a', path: '/a' }, { name: 'a', path: '/b' }] } }), /must be unique/);
  });
});
