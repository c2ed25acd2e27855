import { CROSS_PLATFORM_ID, ROLLOUT_GATE } from '../workspace/variables.ts';
import { CI_SHARDS, type PlanGate } from './plan.ts';

/**
 * The CI plan of a workspace: every target's gates as jobs (`<target>/<gate>`, sharded as a single
 * target's), a staged target's rollout gate after the stage before (merging that stage's blobs into
 * its verdicts, which the rollout gate reads) and its first gates after it, and the cross-platform gate after
 * every target's last gate, mirroring the workspace's Playwright projects. Pure.
 */
export interface WorkspacePlanInput {
  targets: readonly string[];
  stages?: readonly { name: string; targets: readonly string[] }[];
  crossPlatform?: boolean;
}

export const CROSS_PLATFORM_GATE = CROSS_PLATFORM_ID;

export function workspacePlanGates(gates: readonly PlanGate[], input: WorkspacePlanInput): PlanGate[] {
  const last = gates[gates.length - 1]!.name;
  const previousStage = new Map<string, readonly string[]>();
  (input.stages ?? []).forEach((stage, i, stages) => {
    const previous = stages[i - 1];
    if (previous) for (const id of stage.targets) previousStage.set(id, previous.targets);
  });
  const planned: PlanGate[] = input.targets.flatMap((id) => {
    const before = previousStage.get(id);
    const rollout: PlanGate[] = before ? [{ name: `${id}/${ROLLOUT_GATE}`, dependencies: before.map((other) => `${other}/${last}`), mergesFirst: before }] : [];
    return [...rollout, ...gates.map((gate) => ({
      name: `${id}/${gate.name}`,
      dependencies: gate.dependencies.length > 0 ? gate.dependencies.map((dependency) => `${id}/${dependency}`) : rollout.map((r) => r.name),
    }))];
  });
  if (input.crossPlatform) planned.push({ name: CROSS_PLATFORM_GATE, dependencies: input.targets.map((id) => `${id}/${last}`) });
  return planned;
}

/** Each target's gates sharded as the single-target plan shards them. */
export function workspaceShards(planned: readonly PlanGate[]): Record<string, number> {
  return Object.fromEntries(planned.map((gate) => [gate.name, CI_SHARDS[gate.name.split('/').pop() ?? ''] ?? 1]));
}
