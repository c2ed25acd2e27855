/**
 * The CI plan: one job per gate, in dependency order, each with the jobs it waits for (`needs`) and
 * its shard count. Built from the gate table, so the workflow and `ci:local` cannot drift from the
 * projects. Pure: takes the gates as data.
 */

/** The part of a gate definition the plan reads (projects/gates.ts GateDefinition fits it). */
export interface PlanGate {
  name: string;
  dependencies: readonly string[];
  /** A workspace's rollout gate: the targets of the stage before, whose blobs it merges into their verdicts first. */
  mergesFirst?: readonly string[];
}

export interface CiJob {
  gate: string;
  /** The gates of the plan this one waits for: its nearest ancestors among the planned gates. */
  needs: string[];
  /** How many shards the gate is split into (1: not sharded). */
  shards: number;
  /** The targets whose blob reports the job merges before its gate runs (a rollout gate reads their verdicts). */
  mergesFirst?: string[];
}

export interface CiPlan {
  jobs: CiJob[];
}

/**
 * Shards per gate in CI. A gate is worth sharding when its tests are many or slow: browser, visual
 * and a11y hold most of the suite's wall time (pages at every viewport, screenshots, Lighthouse run
 * one at a time). The others finish in well under a minute: a second runner would only add setup.
 */
export const CI_SHARDS: Readonly<Record<string, number>> = {
  audit: 1,
  'data-flows': 1,
  browser: 3,
  a11y: 2,
  visual: 2,
  contracts: 1,
  smoke: 1,
};

/** Most shards a gate may be split into: past that, setup time outweighs the split. */
export const MAX_SHARDS = 16;

export class PlanError extends Error {}

export interface PlanOptions {
  /** Only these gates (default: all), e.g. the quick set or a cheap rehearsal. */
  members?: readonly string[];
  /** One shard count for every gate, or counts per gate (missing gates: 1). Default: CI_SHARDS. */
  shards?: number | Readonly<Record<string, number>>;
}

/** The gates in an order where every gate comes after all its dependencies (stable: table order first). */
export function dependencyOrder(gates: readonly PlanGate[]): PlanGate[] {
  const byName = new Map(gates.map((gate) => [gate.name, gate]));
  for (const gate of gates) {
    for (const dependency of gate.dependencies) {
      if (!byName.has(dependency)) throw new PlanError(`gate "${gate.name}" depends on "${dependency}", which is not a gate`);
    }
  }
  const placed = new Set<string>();
  const ordered: PlanGate[] = [];
  while (ordered.length < gates.length) {
    const next = gates.find((gate) => !placed.has(gate.name) && gate.dependencies.every((d) => placed.has(d)));
    if (!next) {
      const rest = gates.filter((gate) => !placed.has(gate.name)).map((gate) => gate.name);
      throw new PlanError(`the gates ${rest.join(', ')} depend on each other in a cycle`);
    }
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/**
 * The nearest ancestors of a gate among the members: a subset keeps the order of the full chain
 * without waiting for gates left out (the rule projects/ applies to the quick chain).
 */
export function nearestPlannedAncestors(gates: readonly PlanGate[], gate: string, members: ReadonlySet<string>): string[] {
  const byName = new Map(gates.map((g) => [g.name, g]));
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    for (const dependency of byName.get(name)?.dependencies ?? []) {
      if (seen.has(dependency)) continue;
      seen.add(dependency);
      if (members.has(dependency)) found.push(dependency);
      else visit(dependency);
    }
  };
  visit(gate);
  return found;
}

function shardCount(gate: string, shards: PlanOptions['shards']): number {
  const count = typeof shards === 'number' ? shards : (shards ?? CI_SHARDS)[gate] ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS) {
    throw new PlanError(`shards for gate "${gate}" must be a whole number from 1 to ${MAX_SHARDS}, got ${String(count)}`);
  }
  return count;
}

/** The plan: the members' jobs in dependency order, with their needs and shard counts. */
export function buildCiPlan(gates: readonly PlanGate[], options: PlanOptions = {}): CiPlan {
  const names = gates.map((gate) => gate.name);
  const members = new Set(options.members ?? names);
  const unknown = [...members].filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new PlanError(`unknown gate(s) ${unknown.join(', ')}: the gates are ${names.join(', ')}`);
  if (members.size === 0) throw new PlanError('the plan needs at least one gate');
  const jobs = dependencyOrder(gates)
    .filter((gate) => members.has(gate.name))
    .map((gate) => ({
      gate: gate.name,
      needs: nearestPlannedAncestors(gates, gate.name, members),
      shards: shardCount(gate.name, options.shards),
      ...(gate.mergesFirst ? { mergesFirst: [...gate.mergesFirst] } : {}),
    }));
  return { jobs };
}

/** What became of a gate in a run of the plan. */
export type GateOutcome = 'passed' | 'failed' | 'blocked';

/**
 * A gate runs only when every gate it needs passed; otherwise it is blocked, as Playwright blocks
 * the dependants of a failed project in one unsharded run.
 */
export function gateAction(job: CiJob, outcomes: ReadonlyMap<string, GateOutcome>): 'run' | 'block' {
  return job.needs.every((need) => outcomes.get(need) === 'passed') ? 'run' : 'block';
}
