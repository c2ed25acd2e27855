import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import { inlineProject } from '../helpers/inlineProject.ts';
import type { SuiteRun } from '../helpers/runSuite.ts';

const spec = `import { test, expect } from '@fixtures';
test('three checks, one fails', async ({ risk }) => {
  await risk.check('status is 200', () => expect(1).toBe(1), { check: 'data-flows/status' });
  await risk.check('body is JSON', () => expect(500, 'GET /x status').toBe(200), { check: 'data-flows/status', evidence: { url: '/x' } });
  risk.fail('latency under budget', 'took 900 ms, budget 300 ms', { check: 'data-flows/status', evidence: { ms: 900 } });
});
test('a finding leaves the test green', async ({ risk }) => {
  risk.pass('clean', { check: 'data-flows/status' });
  risk.fail('minor thing', 'one low-severity finding', { check: 'data-flows/status', severity: 'low' });
  risk.warn('soft limit', 'near the limit', { check: 'data-flows/status' });
  risk.fail('known defect', 'answers 500 until the fix ships', { check: 'data-flows/status' });
});
test('a task of many checks', async ({ risk }) => {
  for (let i = 0; i < 250; i++) await risk.check('check ' + i, () => expect(i).toBeGreaterThanOrEqual(0), { check: 'data-flows/status' });
  risk.fail('one late finding', 'past the cap, still a step', { check: 'data-flows/status', severity: 'low' });
});
`;
const audit = `import { test } from '@fixtures';
test('a token in the sources', async ({ risk }) => {
  const token = ['plantedAud', 'itToken93x'].join('');
  risk.redactor.add(token);
  const finding = 'src/app.ts:3:7 generic-token: token ' + token;
  risk.fail('secrets in src/app.ts', finding, { check: 'audit/secrets', severity: 'low', evidence: { findings: [finding], total: 1 } });
});
`;
const waivers = `waivers: [{ check: 'data-flows/a-finding-leaves-the-test-green#known defect', reason: 'ticket 42', owner: 'team-api', expires: '2999-12-31' }],`;

interface AllureResult { name: string; labels: { name: string; value: string }[] }
function allureResults(run: SuiteRun): AllureResult[] {
  const dir = path.join(run.outputRoot, 'allure-results');
  return readdirSync(dir).filter((f) => f.endsWith('-result.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as AllureResult);
}

interface JsonStep { title: string; error?: { message?: string; stack?: string }; location?: { file: string; line: number }; steps?: JsonStep[] }
interface JsonResult { status: string; steps: JsonStep[]; errors: { message?: string }[] }
interface JsonSpec { title: string; tests: { results: JsonResult[]; annotations: { type: string; description?: string }[] }[] }

function specsOf(run: SuiteRun): JsonSpec[] {
  const report = JSON.parse(readFileSync(path.join(run.outputRoot, 'results.json'), 'utf8')) as { suites: { specs: JsonSpec[]; suites?: unknown[] }[] };
  return report.suites.flatMap((suite) => suite.specs);
}

describe('checks are steps of their test', () => {
  const project = inlineProject('steps', [{ name: 'audit' }, { name: 'data-flows' }], { 'data-flows/steps.spec.ts': spec, 'audit/secrets.spec.ts': audit }, waivers);
  let specs: JsonSpec[];
  let run: SuiteRun;
  before(async () => {
    run = await project.run([], { JSON_REPORT: '1' });
    specs = specsOf(run);
  });

  test('every operation is a step; the failed ones carry their message and evidence, at the spec line', () => {
    const result = specs.find((s) => s.title === 'three checks, one fails')!.tests[0]!.results[0]!;
    assert.equal(result.status, 'failed', run.stdout + run.stderr);
    const steps = new Map(result.steps.map((step) => [step.title, step]));
    for (const title of ['status is 200', 'body is JSON', 'latency under budget']) assert.ok(steps.has(title), `no step "${title}" in ${[...steps.keys()].join(', ')}`);
    assert.equal(steps.get('status is 200')!.error, undefined);
    const failed = steps.get('body is JSON')!;
    assert.match(failed.error?.message ?? '', /\[critical\] data-flows\/status body is JSON: .*GET \/x status/s);
    assert.match(failed.error?.message ?? '', /"url": "\/x"/);
    assert.match(failed.error?.stack ?? '', /data-flows\/steps\.spec\.ts:4:/);
    const late = steps.get('latency under budget')!;
    assert.match(late.error?.stack ?? '', /data-flows\/steps\.spec\.ts:5:/);
    assert.match(late.error?.message ?? '', /took 900 ms/);
    assert.match(late.error?.message ?? '', /"ms": 900/);
  });

  test('a finding is a red step on a passing test, shown as an annotation; a warning says so in its title', () => {
    const entry = specs.find((s) => s.title === 'a finding leaves the test green')!.tests[0]!;
    const result = entry.results[0]!;
    assert.equal(result.status, 'passed');
    const minor = result.steps.find((step) => step.title === 'minor thing');
    assert.match(minor?.error?.message ?? '', /\[low\].*one low-severity finding/);
    assert.ok(result.steps.some((step) => step.title === 'soft limit (warning: near the limit)'), result.steps.map((s) => s.title).join(', '));
    assert.ok(entry.annotations.some((a) => a.type === 'finding (low)' && /minor thing/.test(a.description ?? '')));
  });

  test('a task of thousands of checks shows the first 200 passed ones and every failure, and counts the rest in an annotation', () => {
    const result = specs.find((s) => s.title === 'a task of many checks')!.tests[0]!.results[0]!;
    const titles = result.steps.map((step) => step.title);
    assert.equal(titles.filter((t) => /^check \d+$/.test(t)).length, 200);
    assert.match(result.steps.find((step) => step.title === 'one late finding')?.error?.message ?? '', /past the cap/);
    const annotations = specs.find((s) => s.title === 'a task of many checks')!.tests[0]!.annotations;
    assert.ok(annotations.some((a) => a.type === 'checks' && a.description === "200 passed checks are steps; 50 more passed, listed in the risk attachment (STEPS_PER_TEST=all or report.passedStepsPerTest: 'all' shows every one)"), JSON.stringify(annotations));
    assert.equal(run.tasks.find((t) => t.task_id === 'data-flows/a-task-of-many-checks')?.metrics.operations, 251);
  });

  test('the failed test ends with one error at its first blocking check, not in the fixture', () => {
    const result = specs.find((s) => s.title === 'three checks, one fails')!.tests[0]!.results[0]! as JsonResult & { errors: { message?: string; location?: { file: string; line: number } }[] };
    assert.match(result.errors[0]?.message ?? '', /2 of 3 check\(s\) failed/);
    assert.match(result.errors[0]?.location?.file ?? '', /data-flows[\\/]steps\.spec\.ts$/);
    assert.equal(result.errors[0]?.location?.line, 4);
  });

  test('Allure files each test by gate, severity and waiver owner, and shows the verdict', () => {
    const results = allureResults(run);
    const labels = (name: string) => results.find((r) => r.name === name)?.labels ?? [];
    const value = (name: string, label: string) => labels(name).filter((l) => l.name === label).map((l) => l.value);
    assert.deepEqual(value('three checks, one fails', 'feature'), ['data-flows']);
    assert.deepEqual(value('three checks, one fails', 'parentSuite'), ['data-flows']);
    assert.deepEqual(value('three checks, one fails', 'severity'), ['blocker']);
    assert.deepEqual(value('a finding leaves the test green', 'severity'), ['minor']);
    assert.deepEqual(value('a finding leaves the test green', 'owner'), ['team-api']);
    assert.deepEqual(value('a finding leaves the test green', 'waiver'), ['data-flows/a-finding-leaves-the-test-green#known defect until 2999-12-31 (ticket 42)']);
    const environment = readFileSync(path.join(run.outputRoot, 'allure-results', 'environment.properties'), 'utf8');
    assert.match(environment, /^verdict=CRITICAL$/m);
    assert.match(environment, /^gate\\ data-flows=failed/m);
  });

  test('the audit findings are SARIF 2.1.0 for code scanning: file, line, rule, level, and no secret in clear', () => {
    const text = readFileSync(path.join(run.outputRoot, 'reports', 'audit.sarif'), 'utf8');
    assert.doesNotMatch(text, /plantedAuditToken93x/);
    const log = JSON.parse(text) as Log;
    assert.equal(log.version, '2.1.0');
    const result = log.runs[0]!.results![0]!;
    assert.equal(result.ruleId, 'audit/secrets/generic-token');
    assert.equal(result.level, 'note');
    assert.deepEqual(result.locations?.[0]?.physicalLocation?.region, { startLine: 3, startColumn: 7 });
    assert.equal(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'src/app.ts');
    assert.match(result.message.text ?? '', /\[REDACTED\]/);
  });

  test('the risk verdict still counts the same operations', () => {
    const failedTask = run.tasks.find((t) => t.task_id === 'data-flows/three-checks-one-fails')!;
    assert.deepEqual(failedTask.metrics, { operations: 3, failed_operations: 2, warn_operations: 0, findings: 0 });
  });

  test('STEPS_PER_TEST=all makes every passed check a step, with nothing left to count', async () => {
    const all = await project.run(['--grep', 'a task of many checks'], { JSON_REPORT: '1', STEPS_PER_TEST: 'all' });
    const spec = specsOf(all).find((s) => s.title === 'a task of many checks')!;
    assert.equal(spec.tests[0]!.results[0]!.steps.filter((step) => /^check \d+$/.test(step.title)).length, 250);
    assert.ok(!spec.tests[0]!.annotations.some((a) => a.type === 'checks'), JSON.stringify(spec.tests[0]!.annotations));
  });
});
