import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localPlan, shardArgs, shardRuns } from '../../../lib/ci/local.ts';
import { CI_SHARDS, PlanError, buildCiPlan, dependencyOrder, gateAction, type GateOutcome } from '../../../lib/ci/plan.ts';
import { GATES, GATE_ORDER, QUICK_GATES, allProjects } from '../../../projects/index.ts';

/** The projects' own dependencies by gate, from the real project builder (prefix stripped). */
function projectNeeds(prefix: string): Map<string, string[]> {
  const needs = new Map<string, string[]>();
  for (const project of allProjects({ rootDir: '/suite' })) {
    const name = project.name ?? '';
    const gate = (project.metadata as { gate?: string } | undefined)?.gate;
    if (!gate || name !== `${prefix}${gate}`) continue;
    needs.set(gate, (project.dependencies ?? []).map((d) => d.slice(prefix.length)).sort());
  }
  return needs;
}

describe('CI plan from the gate table', () => {
  test('one job per gate, in dependency order, each needing exactly its project dependencies', () => {
    const plan = buildCiPlan(GATES);
    assert.deepEqual(plan.jobs.map((j) => j.gate), [...GATE_ORDER]);
    const needs = projectNeeds('');
    for (const job of plan.jobs) assert.deepEqual([...job.needs].sort(), needs.get(job.gate), `needs of ${job.gate}`);
    const seen = new Set<string>();
    for (const job of plan.jobs) {
      for (const need of job.needs) assert.ok(seen.has(need), `${job.gate} needs ${need}, which must come first`);
      seen.add(job.gate);
    }
  });

  test('a subset keeps the order through gates left out, like the quick chain of projects', () => {
    const plan = buildCiPlan(GATES, { members: QUICK_GATES });
    const needs = projectNeeds('quick-');
    assert.deepEqual(plan.jobs.map((j) => j.gate), [...QUICK_GATES]);
    for (const job of plan.jobs) assert.deepEqual([...job.needs].sort(), needs.get(job.gate), `quick needs of ${job.gate}`);
    assert.deepEqual(buildCiPlan(GATES, { members: ['smoke', 'audit'] }).jobs.map((j) => [j.gate, j.needs]), [['audit', []], ['smoke', ['audit']]]);
  });

  test('shard counts: the CI table covers every gate; one count for all; out-of-range counts are refused', () => {
    assert.deepEqual(Object.keys(CI_SHARDS).sort(), [...GATE_ORDER].sort());
    assert.deepEqual(buildCiPlan(GATES).jobs.map((j) => j.shards), GATE_ORDER.map((g) => CI_SHARDS[g]));
    assert.ok(buildCiPlan(GATES).jobs.some((j) => j.shards > 1), 'some gate is sharded in CI');
    assert.ok(buildCiPlan(GATES, { shards: 3 }).jobs.every((j) => j.shards === 3));
    for (const bad of [0, 17, 1.5, Number.NaN]) {
      assert.throws(() => buildCiPlan(GATES, { shards: bad }), (e: unknown) => e instanceof PlanError && /whole number from 1 to 16/.test((e as Error).message), String(bad));
    }
  });

  test('unknown gates, unknown dependencies and cycles are refused with their names', () => {
    assert.throws(() => buildCiPlan(GATES, { members: ['audit', 'nope'] }), /unknown gate\(s\) nope: the gates are audit, data-flows/);
    assert.throws(() => dependencyOrder([{ name: 'a', dependencies: ['b'] }]), /gate "a" depends on "b", which is not a gate/);
    assert.throws(() => dependencyOrder([{ name: 'a', dependencies: ['b'] }, { name: 'b', dependencies: ['a'] }]), /a, b depend on each other in a cycle/);
  });

  test('dependency order does not trust the table order', () => {
    const shuffled = [{ name: 'c', dependencies: ['b'] }, { name: 'b', dependencies: ['a'] }, { name: 'a', dependencies: [] }];
    assert.deepEqual(dependencyOrder(shuffled).map((g) => g.name), ['a', 'b', 'c']);
  });
});

describe('gate action', () => {
  const plan = buildCiPlan(GATES);
  const job = (gate: string) => plan.jobs.find((j) => j.gate === gate)!;
  const outcomes = (entries: Array<[string, GateOutcome]>) => new Map(entries);

  test('a gate runs when every gate it needs passed, and is blocked when one failed or was blocked', () => {
    assert.equal(gateAction(job('audit'), outcomes([])), 'run');
    assert.equal(gateAction(job('data-flows'), outcomes([['audit', 'passed']])), 'run');
    assert.equal(gateAction(job('data-flows'), outcomes([['audit', 'failed']])), 'block');
    assert.equal(gateAction(job('contracts'), outcomes([['browser', 'passed'], ['a11y', 'failed'], ['visual', 'passed']])), 'block');
    assert.equal(gateAction(job('smoke'), outcomes([['contracts', 'blocked']])), 'block');
    // A sibling of a failed gate still runs: it does not depend on it.
    assert.equal(gateAction(job('a11y'), outcomes([['audit', 'passed'], ['data-flows', 'passed'], ['browser', 'failed']])), 'run');
  });
});

describe('ci:local options', () => {
  test('--shards and --gates build the plan; bad values are user errors', () => {
    const plan = localPlan(GATES, { shards: '2', gates: 'data-flows, audit' });
    assert.deepEqual(plan.jobs.map((j) => [j.gate, j.shards, j.needs]), [['audit', 2, []], ['data-flows', 2, ['audit']]]);
    assert.deepEqual(localPlan(GATES, {}).jobs.map((j) => j.shards), GATE_ORDER.map((g) => CI_SHARDS[g]));
    assert.throws(() => localPlan(GATES, { shards: 'three' }), /--shards must be a whole number, got "three"/);
    assert.throws(() => localPlan(GATES, { shards: '2x' }), /--shards must be a whole number/);
    assert.throws(() => localPlan(GATES, { gates: ' , ' }), /--gates needs at least one gate name/);
    assert.throws(() => localPlan(GATES, { gates: 'audit,smok' }), /unknown gate\(s\) smok/);
  });

  test('shard runs: one per shard with --shard i/n, the blocked form lists only', () => {
    const [audit] = localPlan(GATES, { shards: '3', gates: 'audit' }).jobs;
    const runs = shardRuns(audit!);
    assert.deepEqual(runs.map((r) => r.label), ['audit-1', 'audit-2', 'audit-3']);
    assert.deepEqual(shardArgs(runs[1]!, false), ['playwright', 'test', '--project=audit', '--no-deps', '--shard=2/3']);
    assert.deepEqual(shardArgs(runs[1]!, true).at(-1), '--list');
    const [single] = localPlan(GATES, { shards: '1', gates: 'audit' }).jobs;
    assert.deepEqual(shardArgs(shardRuns(single!)[0]!, false), ['playwright', 'test', '--project=audit', '--no-deps']);
  });
});
