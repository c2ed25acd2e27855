import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError } from '../../../lib/config/index.ts';
import { releaseVerdict, type TargetOutcome } from '../../../lib/workspace/release.ts';
import { judgeStageTarget } from '../../../lib/workspace/rollout.ts';
import { STAGE_VERDICT_FILE } from '../../../lib/workspace/variables.ts';
import { resolveWorkspace, targetEnvironment } from '../../../lib/workspace/index.ts';
import { GATE_ORDER } from '../../../projects/index.ts';
import { otherTargetsPattern, workspaceProjects } from '../../../projects/workspaceProjects.ts';

/** Several targets in one run: the workspace file, each target's chain, its environment and the release verdict. */
const exists = () => true;

function problemsOf(raw: unknown): string[] {
  try {
    resolveWorkspace(raw, '/w/platforms.workspace.ts', exists);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.problems;
  }
  return [];
}

describe('workspace file', () => {
  test('targets resolve their config beside the workspace; the release policy defaults to the worst verdict', () => {
    const workspace = resolveWorkspace({ targets: [{ id: 'paiid', config: 'validation.config.ts' }, { id: 'papid-2mx', config: 'demo/2mx/validation.config.ts' }] }, '/w/platforms.workspace.ts', exists);
    assert.deepEqual(workspace.targets.map((t) => t.configFile), ['/w/validation.config.ts', '/w/demo/2mx/validation.config.ts']);
    assert.deepEqual(workspace.release, { combine: 'worst', advisory: [] });
  });

  test('every problem is reported at once with its key: duplicate ids, bad ids, unknown advisory targets, missing files', () => {
    const problems = problemsOf({ targets: [{ id: 'a', config: 'a.ts' }, { id: 'a', config: 'b.ts' }], release: { advisory: ['zzz'] } });
    assert.match(problems.join('\n'), /targets\[1\]\.id "a" is used twice/);
    assert.match(problems.join('\n'), /release\.advisory\[0\] names "zzz", which is not a target/);
    assert.match(problemsOf({ targets: [{ id: 'Pai iD', config: 'a.ts' }] }).join('\n'), /targets\[0\]\.id/);
    assert.match(problemsOf({ targets: [{ id: 'a', config: 'a.ts', colour: 'red' }] }).join('\n'), /colour/);
    try {
      resolveWorkspace({ targets: [{ id: 'a', config: 'nope.ts' }] }, '/w/x.ts', () => false);
      assert.fail('a missing config file must stop the run');
    } catch (error) {
      assert.match((error as ConfigError).problems.join('\n'), /targets\[0\]\.config: nope\.ts does not exist/);
    }
  });
});

describe('a target\'s environment', () => {
  test('its own BASE_URL, API_URL and TARGET_REPO by prefix, never the unprefixed ones; credentials shared unless it has its own', () => {
    const env = { BASE_URL: 'https://one.example', PAPID_2MX_BASE_URL: 'https://two.example', API_USER: 'shared', PAPID_2MX_API_TOKEN: 't2', TARGET_REPO: '/repo' };
    const two = targetEnvironment('papid-2mx', env);
    assert.equal(two.BASE_URL, 'https://two.example');
    assert.equal(two.API_TOKEN, 't2');
    assert.equal(two.API_USER, 'shared');
    assert.equal(two.TARGET_REPO, undefined);
    const one = targetEnvironment('paiid', env);
    assert.equal(one.BASE_URL, undefined, 'an unprefixed BASE_URL would point every target at one application');
  });
});

describe('projects of a workspace', () => {
  const projects = workspaceProjects([{ id: 'paiid' }, { id: 'papid-2mx' }], { rootDir: '/suite' });
  const byName = new Map(projects.map((p) => [p.name, p]));

  test('each target has its own chain <target>/<gate>, an aggregate <target>, and full runs every target', () => {
    for (const id of ['paiid', 'papid-2mx']) {
      for (const gate of GATE_ORDER) assert.ok(byName.has(`${id}/${gate}`), `${id}/${gate}`);
      assert.deepEqual(byName.get(id)?.dependencies, GATE_ORDER.map((gate) => `${id}/${gate}`));
    }
    assert.deepEqual(byName.get('full')?.dependencies, ['paiid', 'papid-2mx']);
    assert.deepEqual(byName.get('papid-2mx/contracts')?.dependencies, ['papid-2mx/browser', 'papid-2mx/a11y', 'papid-2mx/visual']);
    assert.deepEqual(byName.get('paiid/smoke')?.metadata, { gate: 'smoke', phase: 'SMOKE', dependencies: ['contracts'], target: 'paiid' });
  });

  test('no project depends on another target\'s project: a failing gate blocks only its own target', () => {
    for (const project of projects) {
      const target = (project.metadata as { target?: string }).target;
      if (!target || !project.name?.includes('/')) continue;
      for (const dependency of project.dependencies ?? []) assert.ok(dependency.startsWith(`${target}/`), `${project.name} depends on ${dependency}`);
    }
  });

  test('a target\'s projects leave out the tests declared for another target, including one whose id starts the same', () => {
    const pattern = otherTargetsPattern('paiid');
    assert.ok(pattern.test('screens home @target:papid-2mx'));
    assert.ok(pattern.test('x @target:paiid-next'));
    assert.ok(!pattern.test('screens home @target:paiid'));
    assert.ok(!pattern.test('screens home @target:paiid @critical'));
    assert.ok(!pattern.test('authentication secured operations'));
  });
});

describe('the release verdict', () => {
  const policy = { combine: 'worst' as const, advisory: [] };
  const pass = (id: string): TargetOutcome => ({ id, name: id, verdict: 'PASS', exitCode: 0, riskRate: 0 });
  const critical = (id: string): TargetOutcome => ({ id, name: id, verdict: 'CRITICAL', exitCode: 1, riskRate: 3, reasons: ['data-flows failed'] });

  test('both PASS: the release PASSes', () => {
    const result = releaseVerdict([pass('a'), pass('b')], policy);
    assert.equal(result.verdict, 'PASS');
    assert.equal(result.exitCode, 0);
  });

  test('the worst target decides, and the reason names it', () => {
    const result = releaseVerdict([pass('a'), critical('b')], policy);
    assert.equal(result.verdict, 'CRITICAL');
    assert.equal(result.exitCode, 1);
    assert.match(result.reasons[0]!, /^b is CRITICAL: data-flows failed/);
  });

  test('an advisory target is shown but does not decide', () => {
    const result = releaseVerdict([pass('a'), critical('b')], { combine: 'worst', advisory: ['b'] });
    assert.equal(result.verdict, 'PASS');
    assert.equal(result.targets[1]!.advisory, true);
  });

  test('a target not validated leaves the release unproven; a held-back one blocks it; none at all is CRITICAL', () => {
    assert.equal(releaseVerdict([pass('a'), { id: 'b', name: 'b' }], policy).verdict, 'WARNING');
    assert.equal(releaseVerdict([pass('a'), { id: 'b', name: 'b', heldBack: 'stage canary is CRITICAL' }], policy).verdict, 'CRITICAL');
    assert.equal(releaseVerdict([{ id: 'a', name: 'a' }, { id: 'b', name: 'b' }], policy).verdict, 'CRITICAL');
  });
});

describe('staged rollout', () => {
  test("a later stage's first gate waits for every gate of the stage before; unstaged targets start at once", () => {
    const projects = workspaceProjects([{ id: 'canary' }, { id: 'main' }, { id: 'other' }], { rootDir: '/suite', stages: [{ name: 'canary', targets: ['canary'] }, { name: 'everyone', targets: ['main'] }] });
    const byName = new Map(projects.map((p) => [p.name, p]));
    assert.deepEqual(byName.get('canary/audit')?.dependencies, []);
    assert.equal(byName.has('canary/rollout'), false, 'the first stage has no stage before to wait for');
    assert.deepEqual(byName.get('main/rollout')?.dependencies, ['canary/smoke']);
    assert.deepEqual(byName.get('main/audit')?.dependencies, ['main/rollout']);
    assert.deepEqual(byName.get('main/data-flows')?.dependencies, ['main/audit']);
    assert.deepEqual(byName.get('other/audit')?.dependencies, []);
    assert.equal((byName.get('main/smoke')?.metadata as { stage?: string }).stage, 'everyone');
    assert.deepEqual((byName.get('main/rollout')?.metadata as { rollout?: unknown }).rollout, {
      stage: 'everyone', previous: { name: 'canary', targets: ['canary'] }, proceedOn: ['PASS', 'WARNING'], reportsDir: '/suite/reports',
    });
    assert.ok(byName.get('main')?.dependencies?.includes('main/rollout'), "the target's aggregate runs its rollout gate");
  });

  test("the rollout gate judges each target of the stage before by this run's verdict and the stage's proceedOn", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rollout-'));
    const write = (target: string, body: unknown) => {
      mkdirSync(path.join(dir, target), { recursive: true });
      writeFileSync(path.join(dir, target, STAGE_VERDICT_FILE), typeof body === 'string' ? body : JSON.stringify(body));
    };
    const judge = (target: string, proceedOn: ('PASS' | 'WARNING')[] = ['PASS', 'WARNING']) => judgeStageTarget({ target, reportsDir: dir, runId: 'run-1', previousStage: 'canary', stage: 'everyone', proceedOn });
    write('warn', { run_id: 'run-1', verdict: 'WARNING', risk_rate: 0.6, reasons: ['risk rate 0.60 % above 0.5 %'] });
    write('findings', { run_id: 'run-1', verdict: 'CRITICAL', risk_rate: 0.4, reasons: ['2 high finding(s), at or above the policy\'s 2'] });
    write('old', { run_id: 'run-0', verdict: 'PASS' });
    write('garbage', '{"run_id": "run-1", "verd');
    assert.equal(judge('warn').proceeds, true);
    assert.equal(judge('warn', ['PASS']).proceeds, false, 'a strict canary proceeds on PASS alone');
    assert.match(judge('warn', ['PASS']).message, /stage "canary" did not pass \(warn WARNING: risk rate .*; this stage proceeds on PASS\), so stage "everyone" did not start/);
    const findings = judge('findings');
    assert.equal(findings.proceeds, false, 'CRITICAL from findings alone holds the next stage back');
    assert.match(findings.message, /findings CRITICAL: 2 high finding\(s\)/);
    assert.equal(findings.evidence.verdict, 'CRITICAL');
    assert.match(judge('old').message, /from run run-0, not this run \(run-1\)/);
    assert.match(judge('missing').message, /missing wrote no verdict .*its gates did not all run in this run/);
    assert.match(judge('garbage').message, /garbage wrote no verdict in .*stage-verdict\.json: .*JSON/);
  });

  test('stages name known targets, each once', () => {
    const problems = problemsOf({ targets: [{ id: 'a', config: 'a.ts' }, { id: 'b', config: 'b.ts' }], stages: [{ name: 'one', targets: ['a', 'zzz'] }, { name: 'two', targets: ['a'] }] });
    assert.match(problems.join('\n'), /stages\[0\]\.targets\[1\] names "zzz", which is not a target/);
    assert.match(problems.join('\n'), /stages\[1\]\.targets\[0\] names "a", which an earlier stage has/);
  });

  test('a stage that did not pass holds the next one back: the release says so and is CRITICAL', () => {
    const blocked = { total: 5, completed: 0, failed: 0, blocked: 5 };
    const result = releaseVerdict(
      [{ id: 'canary', name: 'c', verdict: 'CRITICAL', exitCode: 1, tasks: { total: 5, completed: 3, failed: 1, blocked: 1 } }, { id: 'main', name: 'm', verdict: 'CRITICAL', exitCode: 1, tasks: blocked }],
      { combine: 'worst', advisory: [] },
      [{ name: 'canary', targets: ['canary'] }, { name: 'everyone', targets: ['main'] }],
    );
    assert.equal(result.verdict, 'CRITICAL');
    assert.match(result.targets[1]!.heldBack ?? '', /stage "canary" did not pass \(canary CRITICAL\), so stage "everyone" did not start/);
    assert.match(result.reasons.join('\n'), /main was held back/);
    const passed = releaseVerdict([{ id: 'canary', name: 'c', verdict: 'PASS', exitCode: 0 }, { id: 'main', name: 'm', verdict: 'PASS', exitCode: 0 }], { combine: 'worst', advisory: [] }, [{ name: 'canary', targets: ['canary'] }, { name: 'everyone', targets: ['main'] }]);
    assert.equal(passed.verdict, 'PASS');
  });
});
