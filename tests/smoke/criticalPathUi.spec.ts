import { test } from '../../fixtures/index.ts';
import { performUiStep, uiStepName } from '../../fixtures/uiSteps.ts';
import { PathState, baseVariables, notRunCheck, planUiStep } from '../../lib/smoke/criticalPath.ts';
import { stateChangeContext } from '../../lib/stateChange.ts';
import { recordSkippedSteps, recordStepChecks } from './record.ts';
import { environmentFor } from '../../lib/workspace/variables.ts';

test.describe('critical path', () => {
  test('through the pages', { tag: '@critical' }, async ({ page, pageGuard, risk, target }) => {
    const steps = target.smoke.criticalPath.ui;
    test.skip(steps.length === 0, 'not configured: smoke.criticalPath.ui lists no steps');
    const base = baseVariables(environmentFor(target.meta.target), target.auth);
    for (const secret of base.secrets) risk.redactor.add(secret);
    const state = new PathState([], base.variables);
    const context = stateChangeContext(target);
    for (const step of steps) {
      const name = uiStepName(step);
      const plan = planUiStep(step, state, context);
      if (plan.kind !== 'run') {
        recordStepChecks(risk, [notRunCheck(name, 'critical', plan, state)]);
        continue;
      }
      const timeout = step.timeoutMs ?? target.timeouts.expectMs;
      const started = performance.now();
      try {
        // A goto is a visit (the session for routes behind a login, the page shown checked); any other step is the
        // user's action, so the navigation it causes (a login form's redirect) is not the page leaving by itself.
        const goto = async (path: string) => {
          const visit = await pageGuard.visit(path, { as: { check: 'smoke/critical-path', severity: 'critical' } });
          if (!visit.ok) throw new Error(`${path} answered ${visit.status || 'nothing'} or showed another page (${visit.url})`);
        };
        const perform = () => performUiStep(step, plan.values, page, { timeout, goto });
        await (step.action === 'goto' ? perform() : pageGuard.act(perform));
        state.states.set(name, 'passed');
        // A page visit is recorded by the page guard itself.
        if (step.action !== 'goto') risk.pass(`${name} (${page.url().replace(target.meta.baseUrl, '') || '/'})`, { check: 'smoke/critical-path', severity: 'critical', durationMs: performance.now() - started });
      } catch (error) {
        state.states.set(name, 'failed');
        const message = (error as Error).message.split('\n').filter((line) => line.trim() !== '').slice(0, 4).join(' ');
        if (step.action !== 'goto') risk.fail(`${name} (${page.url().replace(target.meta.baseUrl, '') || '/'})`, `${name} failed on ${page.url()}: ${message}`, { check: 'smoke/critical-path', severity: 'critical', durationMs: performance.now() - started });
      }
    }
    // The guard keeps only what counts: browser.ignoreRequests already applied.
    const problems = pageGuard.problems;
    if (problems.length === 0) risk.pass('no failed request or page error along the path', { check: 'smoke/page-problems' });
    else risk.fail('no failed request or page error along the path', problems.slice(0, 5).map((p) => `${p.kind} ${p.url}: ${p.detail}`).join('; '), { check: 'smoke/page-problems' });
    recordSkippedSteps(risk, state);
  });
});
