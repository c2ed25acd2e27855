import { CROSS_PLATFORM_ID } from '../workspace/variables.ts';
import { CI_SHARDS, type PlanGate } from './plan.ts';

/**
 * The CI plan of a workspace: every target's gates as jobs (`<target>/<gate>`, sharded as a single
 * target's), a staged target's first gates after the stage before, and the cross-platform gate after
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
  const waitsFor = new Map<string, string[]>();
  (input.stages ?? []).forEach((stage, i, stages) => {
    const previous = stages[i - 1];
    for (const id of stage.targets) waitsFor.set(id, previous ? previous.targets.map((other) => `${other}/${last}`) : []);
  });
  const planned: PlanGate[] = input.targets.flatMap((id) => gates.map((gate) => ({
    name: `${id}/${gate.name}`,
    dependencies: gate.dependencies.length > 0 ? gate.dependencies.map((dependency) => `${id}/${dependency}`) : (waitsFor.get(id) ?? []),
  })));
  if (input.crossPlatform) planned.push({ name: CROSS_PLATFORM_GATE, dependencies: input.targets.map((id) => `${id}/${last}`) });
  return planned;
}

/** Each target's gates sharded as the single-target plan shards them. */
export function workspaceShards(planned: readonly PlanGate[]): Record<string, number> {
  return Object.fromEntries(planned.map((gate) => [gate.name, CI_SHARDS[gate.name.split('/').pop() ?? ''] ?? 1]));
}
