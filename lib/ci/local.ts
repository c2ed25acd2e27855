import { PlanError, buildCiPlan, type CiJob, type CiPlan, type PlanGate } from './plan.ts';

/**
 * `ci:local`'s pure parts: the plan from its options, and what a gate's shards add up to.
 */

export interface LocalOptions {
  /** `--shards N`: every gate split N ways (default: the CI shard counts). */
  shards?: string;
  /** `--gates a,b`: a subset of the gates, e.g. a cheap rehearsal. */
  gates?: string;
}

export function localPlan(gates: readonly PlanGate[], options: LocalOptions): CiPlan {
  let shards: number | undefined;
  if (options.shards !== undefined) {
    shards = Number(options.shards);
    if (!/^\d+$/.test(options.shards.trim())) throw new PlanError(`--shards must be a whole number, got "${options.shards}"`);
  }
  const members = options.gates === undefined
    ? undefined
    : options.gates.split(',').map((name) => name.trim()).filter(Boolean);
  if (members && members.length === 0) throw new PlanError('--gates needs at least one gate name, e.g. --gates audit,data-flows');
  return buildCiPlan(gates, { ...(members ? { members } : {}), ...(shards !== undefined ? { shards } : {}) });
}

/** One invocation of the runner for a job: `shard` is undefined for a gate that is not sharded. */
export interface ShardRun {
  job: CiJob;
  shard: number | undefined;
  /** Folder name of its outputs, e.g. `browser-2`. */
  label: string;
}

export function shardRuns(job: CiJob): ShardRun[] {
  if (job.shards === 1) return [{ job, shard: undefined, label: job.gate }];
  return Array.from({ length: job.shards }, (_, index) => ({ job, shard: index + 1, label: `${job.gate}-${index + 1}` }));
}

/** The Playwright arguments of one shard run (`list`: the blocked form, tests listed but not run). */
export function shardArgs(run: ShardRun, list: boolean): string[] {
  return [
    'playwright', 'test', `--project=${run.job.gate}`, '--no-deps',
    ...(run.shard === undefined ? [] : [`--shard=${run.shard}/${run.job.shards}`]),
    ...(list ? ['--list'] : []),
  ];
}
