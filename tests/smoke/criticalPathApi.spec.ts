import { test } from '../../fixtures/index.ts';
import { bodySnippet } from '../../lib/http.ts';
import { PathState, baseVariables, evaluateApiResponse, notRunCheck, planApiStep, type StepCheck } from '../../lib/smoke/criticalPath.ts';
import { stateChangeContext } from '../../lib/stateChange.ts';
import { recordSkippedSteps, recordStepChecks } from './record.ts';
import { environmentFor } from '../../lib/workspace/variables.ts';

test.describe('critical path', () => {
  test('through the API', { tag: '@critical' }, async ({ api, risk, target }) => {
    const steps = target.smoke.criticalPath.api;
    test.skip(steps.length === 0, 'not configured: smoke.criticalPath.api lists no steps');
    const base = baseVariables(environmentFor(target.meta.target), target.auth);
    for (const secret of base.secrets) risk.redactor.add(secret);
    const state = new PathState(steps, base.variables);
    const context = stateChangeContext(target);
    for (const step of steps) {
      const plan = planApiStep(step, state, context);
      let checks: StepCheck[];
      if (plan.kind !== 'run') {
        checks = [notRunCheck(step.name, step.severity, plan, state)];
      } else {
        const { request } = plan;
        const result = await api.request(request.method, request.path, { data: request.body, headers: request.headers, auth: request.auth });
        checks = evaluateApiResponse(step, request, { status: result.status, json: result.json, jsonError: result.jsonError, bodySnippet: bodySnippet(result.text, 200) }, state);
        // Captured tokens are secrets from the moment they exist.
        for (const secret of state.secrets) risk.redactor.add(secret);
      }
      recordStepChecks(risk, checks);
    }
    recordSkippedSteps(risk, state);
  });
});
