import type { ApiStep, BodyExpectation } from '../config/sections/smoke.ts';
import { evaluateExpectation, expectationVariables, resolvePath } from './expectations.ts';
import { templateVariables } from '../http.ts';
import { requestChangesState, stateChangeRefusal, type StateChangeContext, type TargetEnvironment } from '../stateChange.ts';
import { fillTemplate, referencedVariables, type Variables } from './template.ts';

/**
 * The critical path as a state machine over declared steps: which step may run, what it sends
 * (placeholders filled from earlier captures), and which checks its response passes. Pure: the
 * spec performs the requests and records what this returns.
 */
export type StepState = 'passed' | 'failed' | 'skipped';

/** Where the path runs: the environment, DRY_RUN, and the configured login (read-only by default: lib/stateChange.ts). */
export type PathContext = StateChangeContext;

/** Variables every step may use: the environment, with the configured default credentials. */
export const baseVariables = templateVariables;

export type Readiness =
  | { kind: 'ready' }
  /** A step it depends on was skipped on purpose (dry run): not a failure. */
  | { kind: 'skip'; reason: string }
  /** A step it depends on failed: that failure is already recorded; this is not run. */
  | { kind: 'blocked'; reason: string }
  /** It refers to a variable nobody provides: a config mistake, recorded as a failure. */
  | { kind: 'unknown'; reason: string };

/** Tracks step outcomes and captured variables along one run of the path. */
export class PathState {
  readonly states = new Map<string, StepState>();
  /** Which step declares each captured variable. */
  private readonly capturedBy = new Map<string, string>();
  readonly variables: Variables;
  readonly secrets: string[] = [];
  readonly skipped: string[] = [];

  constructor(steps: readonly ApiStep[] | readonly { name?: string }[], base: Variables) {
    this.variables = { ...base };
    for (const step of steps) {
      if ('capture' in step) for (const variable of Object.keys(step.capture)) this.capturedBy.set(variable, step.name);
    }
  }

  /** Whether something that needs these steps and variables can run now. */
  readiness(needs: readonly string[], variables: readonly string[]): Readiness {
    const sources = [...needs.map((step) => ({ step, via: `step "${step}"` }))];
    for (const variable of variables) {
      if (this.variables[variable] !== undefined) continue;
      const step = this.capturedBy.get(variable);
      if (!step) return { kind: 'unknown', reason: `\${${variable}} is captured by no step and not set in the environment` };
      sources.push({ step, via: `\${${variable}} from step "${step}"` });
    }
    for (const { step, via } of sources) {
      const state = this.states.get(step);
      if (state === 'skipped') return { kind: 'skip', reason: `needs ${via}, which was skipped` };
      if (state === 'failed') return { kind: 'blocked', reason: `needs ${via}, which failed` };
      if (state === undefined) return { kind: 'blocked', reason: `needs ${via}, which has not run` };
    }
    // A variable whose step passed but whose capture failed: that failure is already recorded.
    for (const variable of variables) {
      if (this.variables[variable] === undefined) return { kind: 'blocked', reason: `needs \${${variable}}, which was not captured` };
    }
    return { kind: 'ready' };
  }
}

export interface PlannedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
  auth: 'none' | 'token';
}

export type StepPlan = { kind: 'run'; request: PlannedRequest } | Exclude<Readiness, { kind: 'ready' }>;

/**
 * What to do with a step now: skip (it may change state and is not allowed to here, or it follows
 * a skipped step), stop, or send this request.
 */
export function planApiStep(step: ApiStep, state: PathState, context: PathContext): StepPlan {
  const refusal = stateChangeRefusal(requestChangesState(step.method, step.path, context), step.allowStateChangeIn, context, `smoke.criticalPath.api[${JSON.stringify(step.name)}]`);
  if (refusal) return { kind: 'skip', reason: refusal };
  const variables = referencedVariables([step.path, step.body, step.headers]);
  const readiness = state.readiness(step.needs, [...variables]);
  if (readiness.kind !== 'ready') return readiness;
  const filled = fillTemplate({ path: step.path, body: step.body, headers: step.headers }, state.variables);
  return { kind: 'run', request: { method: step.method, path: filled.value.path, body: filled.value.body, headers: filled.value.headers, auth: step.auth } };
}

export interface StepCheck {
  name: string;
  outcome: 'pass' | 'fail' | 'skip';
  message: string;
  severity: ApiStep['severity'];
  evidence?: Record<string, unknown>;
}

export interface ResponseView {
  status: number;
  json: unknown;
  /** Why the body is not JSON, when it is not. */
  jsonError?: string;
  bodySnippet: string;
}

function expectedStatuses(step: ApiStep): number[] {
  return Array.isArray(step.expectStatus) ? step.expectStatus : [step.expectStatus];
}

/**
 * Checks one response: status first (a wrong status makes the body meaningless, so nothing else
 * is checked), then captures, then the body expectations. Updates the path state.
 */
export function evaluateApiResponse(step: ApiStep, request: PlannedRequest, response: ResponseView, state: PathState): StepCheck[] {
  const checks: StepCheck[] = [];
  const statuses = expectedStatuses(step);
  const where = `${request.method} ${request.path}`;
  const statusName = `${step.name}: ${step.method} ${step.path} answers ${statuses.join(' or ')}`;
  if (!statuses.includes(response.status)) {
    checks.push({ name: statusName, outcome: 'fail', severity: step.severity, message: `${where} answered ${response.status}, expected ${statuses.join(' or ')}: ${response.bodySnippet}`, evidence: { status: response.status } });
    state.states.set(step.name, 'failed');
    return checks;
  }
  checks.push({ name: statusName, outcome: 'pass', severity: step.severity, message: `${where} answered ${response.status}` });
  let failed = false;
  for (const [variable, capture] of Object.entries(step.capture)) {
    const spec = typeof capture === 'string' ? { path: capture, default: undefined, secret: false } : capture;
    const value = resolvePath(response.json, spec.path) ?? spec.default;
    if (value === undefined) {
      failed = true;
      const why = response.jsonError ? `the body is not JSON (${response.jsonError})` : `"${spec.path}" is absent: ${response.bodySnippet}`;
      checks.push({ name: `${step.name}: capture ${variable} from "${spec.path}"`, outcome: 'fail', severity: step.severity, message: `${where}: cannot capture \${${variable}}: ${why}` });
      continue;
    }
    state.variables[variable] = value;
    if (spec.secret && typeof value === 'string') state.secrets.push(value);
  }
  for (const expectation of step.expect) {
    const check = checkExpectation(step, expectation, response, state);
    if (check.outcome === 'fail') failed = true;
    checks.push(check);
  }
  state.states.set(step.name, failed ? 'failed' : 'passed');
  return checks;
}

function checkExpectation(step: ApiStep, expectation: BodyExpectation, response: ResponseView, state: PathState): StepCheck {
  const readiness = state.readiness(expectation.needs, expectationVariables(expectation));
  const result = evaluateExpectation(expectation, response.json, state.variables);
  const name = `${step.name}: ${result.name}`;
  if (readiness.kind === 'skip' || readiness.kind === 'blocked') return { name, outcome: 'skip', severity: expectation.severity, message: readiness.reason };
  if (readiness.kind === 'unknown') return { name, outcome: 'fail', severity: expectation.severity, message: readiness.reason };
  return {
    name,
    outcome: result.passed ? 'pass' : 'fail',
    severity: expectation.severity,
    message: `${step.method} ${step.path}: ${result.message}`,
    evidence: { actual: result.actual, expected: result.expected },
  };
}

/**
 * A step that did not run: skipped (dry run, or after a skipped step), blocked (after a failed
 * step: not a new failure), or refused (unknown variable: a config mistake, recorded as failed).
 */
export function notRunCheck(name: string, severity: StepCheck['severity'], plan: Exclude<StepPlan, { kind: 'run' }>, state: PathState): StepCheck {
  state.states.set(name, plan.kind === 'skip' ? 'skipped' : 'failed');
  if (plan.kind === 'skip') state.skipped.push(`${name}: ${plan.reason}`);
  return { name, outcome: plan.kind === 'unknown' ? 'fail' : 'skip', severity, message: `${name} not run: ${plan.reason}` };
}

/** Plan for a declarative page step: same rules, with no request to build. */
export function planUiStep(step: { name?: string; allowStateChangeIn?: readonly TargetEnvironment[]; needs: string[] } & Record<string, unknown>, state: PathState, context: PathContext): { kind: 'run'; values: Record<string, unknown> } | Exclude<Readiness, { kind: 'ready' }> {
  // A page action's effect is unknown to the suite: the config's mark is what says it changes state.
  const key = `smoke.criticalPath.ui[${JSON.stringify(step.name ?? step.action)}]`;
  const refusal = stateChangeRefusal(step.allowStateChangeIn ? 'as marked' : undefined, step.allowStateChangeIn, context, key);
  if (refusal) return { kind: 'skip', reason: refusal };
  const { name: _name, needs, allowStateChangeIn: _allowed, mutating: _mutating, ...values } = step;
  const readiness = state.readiness(needs, [...referencedVariables(values)]);
  if (readiness.kind !== 'ready') return readiness;
  return { kind: 'run', values: fillTemplate(values, state.variables).value };
}
