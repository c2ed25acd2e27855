import type { Page } from '@playwright/test';
import type { UiStep } from '../../lib/config/sections/smoke.ts';
import { expect, test, type PageGuard } from '../../fixtures/index.ts';
import { PathState, baseVariables, notRunCheck, planUiStep } from '../../lib/smoke/criticalPath.ts';
import { stateChangeContext } from '../../lib/stateChange.ts';
import { recordSkippedSteps, recordStepChecks } from './record.ts';

/** "fill #login-password": never the value, which may be a password. */
function stepName(step: UiStep): string {
  if (step.name) return step.name;
  return step.action === 'goto' ? `goto ${step.path}` : `${step.action} ${step.selector}`;
}

async function perform(step: UiStep, values: Record<string, unknown>, page: Page, guard: PageGuard, timeout: number): Promise<void> {
  const text = (key: string) => String(values[key] ?? '');
  switch (step.action) {
    case 'goto': {
      const status = await guard.visit(text('path'), { check: 'smoke/critical-path', severity: 'critical' });
      if (status >= 400 || status === 0) throw new Error(`${text('path')} answered ${status || 'nothing'}`);
      return;
    }
    case 'fill': return page.locator(text('selector')).fill(text('value'), { timeout });
    case 'select': {
      await page.locator(text('selector')).selectOption(text('value'), { timeout });
      return;
    }
    case 'click': return page.locator(text('selector')).click({ timeout });
    case 'expectText': return expect(page.locator(text('selector')), `${text('selector')} on ${page.url()} should contain "${text('text')}"`).toContainText(text('text'), { timeout });
    case 'expectVisible': return expect(page.locator(text('selector')), `${text('selector')} on ${page.url()} should be visible`).toBeVisible({ timeout });
  }
}

test.describe('critical path', () => {
  test('through the pages', { tag: '@critical' }, async ({ page, pageGuard, risk, target }) => {
    const steps = target.smoke.criticalPath.ui;
    test.skip(steps.length === 0, 'not configured: smoke.criticalPath.ui lists no steps');
    const base = baseVariables(process.env, target.auth);
    for (const secret of base.secrets) risk.redactor.add(secret);
    const state = new PathState([], base.variables);
    const context = stateChangeContext(target);
    for (const step of steps) {
      const name = stepName(step);
      const plan = planUiStep(step, state, context);
      if (plan.kind !== 'run') {
        recordStepChecks(risk, [notRunCheck(name, 'critical', plan, state)]);
        continue;
      }
      const timeout = step.timeoutMs ?? target.timeouts.expectMs;
      const started = performance.now();
      try {
        await perform(step, plan.values, page, pageGuard, timeout);
        state.states.set(name, 'passed');
        // A page visit is recorded by the page guard itself.
        if (step.action !== 'goto') risk.pass(`${name} (${page.url().replace(target.meta.baseUrl, '') || '/'})`, { check: 'smoke/critical-path', severity: 'critical', durationMs: performance.now() - started });
      } catch (error) {
        state.states.set(name, 'failed');
        const message = (error as Error).message.split('\n').filter((line) => line.trim() !== '').slice(0, 4).join(' ');
        if (step.action !== 'goto') risk.fail(`${name} (${page.url().replace(target.meta.baseUrl, '') || '/'})`, `${name} failed on ${page.url()}: ${message}`, { check: 'smoke/critical-path', severity: 'critical', durationMs: performance.now() - started });
      }
    }
    const problems = pageGuard.problems;
    if (problems.length === 0) risk.pass('no failed request or page error along the path', { check: 'smoke/page-problems' });
    else risk.fail('no failed request or page error along the path', problems.slice(0, 5).map((p) => `${p.kind} ${p.url}: ${p.detail}`).join('; '), { check: 'smoke/page-problems' });
    recordSkippedSteps(risk, state);
  });
});
