import type { PlaywrightTestProject } from '@playwright/test';
import { aggregateProject, buildGateProjects, type BuildOptions } from './buildProjects.ts';
import { GATES, QUICK_GATES } from './gates.ts';

export { GATES, GATE_ORDER, QUICK_GATES, type GateDefinition } from './gates.ts';
export { buildGateProjects, nearestMemberAncestors, type GateMetadata } from './buildProjects.ts';

/** Every gate, `full` over all of them, and `quick` over its own chain of the three core gates. */
export function allProjects(options: Omit<BuildOptions, 'prefix' | 'members' | 'aggregate'> = {}): PlaywrightTestProject[] {
  const gates = buildGateProjects(GATES, options);
  const quick = buildGateProjects(GATES, { ...options, prefix: 'quick-', members: QUICK_GATES, aggregate: 'quick' });
  return [
    ...gates,
    ...quick,
    aggregateProject('full', GATES.map((gate) => gate.name), options.rootDir),
    aggregateProject('quick', QUICK_GATES.map((gate) => `quick-${gate}`), options.rootDir),
  ];
}
