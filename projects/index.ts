import type { PlaywrightTestProject } from '@playwright/test';
import { aggregateProject, buildGateProjects, type BuildOptions } from './buildProjects.ts';
import { GATES, QUICK_GATES } from './gates.ts';

export { GATES, GATE_ORDER, QUICK_GATES, type GateDefinition } from './gates.ts';
export { buildGateProjects, nearestMemberAncestors, type GateMetadata } from './buildProjects.ts';

/** Set by the runner when the quick chain is asked for, so its workers build the same projects. */
export const QUICK_CHAIN_VARIABLE = 'VALIDATION_QUICK_CHAIN';

/** The project names a `playwright test` command line asks for (`--project=a`, `--project a b`). */
export function requestedProjects(argv: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--project=')) names.push(arg.slice('--project='.length));
    else if (arg === '--project') {
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) names.push(argv[++i]!);
    }
  }
  return names;
}

/**
 * The quick chain repeats three gates of the full chain: it exists only when asked for, so a plain
 * `npx playwright test` (or "run all" in an editor) runs and counts each check once.
 */
export function wantsQuickChain(argv: readonly string[], env: Record<string, string | undefined> = process.env): boolean {
  if (env[QUICK_CHAIN_VARIABLE] === '1') return true;
  return requestedProjects(argv).some((name) => {
    const pattern = new RegExp(`^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
    return pattern.test('quick') || /^quick-/i.test(name);
  });
}

/** Every gate and `full` over all of them; `quick` over its own chain of the three core gates when asked for. */
export function allProjects(options: Omit<BuildOptions, 'prefix' | 'members' | 'aggregate'> & { quick?: boolean } = {}): PlaywrightTestProject[] {
  const { quick: withQuick = true, ...build } = options;
  const gates = buildGateProjects(GATES, build);
  const projects = [...gates, aggregateProject('full', GATES.map((gate) => gate.name), build.rootDir)];
  if (!withQuick) return projects;
  const quick = buildGateProjects(GATES, { ...build, prefix: 'quick-', members: QUICK_GATES, aggregate: 'quick' });
  return [...gates, ...quick, projects[projects.length - 1]!, aggregateProject('quick', QUICK_GATES.map((gate) => `quick-${gate}`), build.rootDir)];
}
