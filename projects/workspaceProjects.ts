import path from 'node:path';
import type { PlaywrightTestProject } from '@playwright/test';
import { aggregateProject, buildGateProjects, type BuildOptions } from './buildProjects.ts';
import { GATES } from './gates.ts';

import { CROSS_PLATFORM_ID, ROLLOUT_GATE } from '../lib/workspace/variables.ts';

export { targetTag } from '../lib/workspace/variables.ts';

/** Excludes the tests tagged for any other target; untagged tests (read the target at run time) run in every chain. */
export function otherTargetsPattern(id: string): RegExp {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`@target:(?!${escaped}(\\s|$))`);
}

export interface WorkspaceTargetProjects {
  id: string;
  /** The team's own spec folders per gate, from this target's config. */
  extraFolders?: Record<string, string[]>;
  testTimeouts?: Record<string, number>;
  baseURL?: string;
}

export interface WorkspaceStage {
  name: string;
  targets: readonly string[];
  /** The verdicts of the stage before that let this one start (default PASS and WARNING). */
  proceedOn?: readonly ('PASS' | 'WARNING')[];
}

/** What a rollout gate reads, from its project's metadata: the stage before and where its verdicts are. */
export interface RolloutMetadata {
  stage: string;
  previous: { name: string; targets: string[] };
  proceedOn: ('PASS' | 'WARNING')[];
  /** The reports' root; each target's verdicts are in `<reportsDir>/<target>/`. */
  reportsDir: string;
}

/**
 * One chain of gate projects per target (`<target>/<gate>`, each carrying its target and gate in
 * metadata), an aggregate per target (`<target>`) and `full` over every chain. Chains share no
 * dependency: a failing gate blocks its own target's later gates, never another target's. A target of
 * a later stage starts with its rollout gate (`<target>/rollout`), after every gate of the stage
 * before: it lets the target's first gates start only when the stage before's verdicts allow it.
 */
export function workspaceProjects(targets: readonly WorkspaceTargetProjects[], build: Pick<BuildOptions, 'rootDir'> & { crossPlatform?: boolean; stages?: readonly WorkspaceStage[]; reportsDir?: string } = {}): PlaywrightTestProject[] {
  const projects: PlaywrightTestProject[] = [];
  const rootDir = build.rootDir ?? process.cwd();
  const staging = new Map<string, { stage: string; rollout?: RolloutMetadata }>();
  (build.stages ?? []).forEach((stage, i, stages) => {
    const previous = stages[i - 1];
    for (const id of stage.targets) {
      staging.set(id, {
        stage: stage.name,
        ...(previous ? {
          rollout: {
            stage: stage.name,
            previous: { name: previous.name, targets: [...previous.targets] },
            proceedOn: [...(stage.proceedOn ?? ['PASS', 'WARNING'])],
            reportsDir: build.reportsDir ?? path.join(rootDir, 'reports'),
          },
        } : {}),
      });
    }
  });
  const aggregates: PlaywrightTestProject[] = [];
  for (const target of targets) {
    const staged = staging.get(target.id);
    const rollout = staged?.rollout ? rolloutProject(target.id, staged.rollout, rootDir) : undefined;
    const chain = buildGateProjects(GATES, {
      ...build,
      prefix: `${target.id}/`,
      extraFolders: target.extraFolders,
      testTimeouts: target.testTimeouts,
      ...(target.baseURL ? { use: { baseURL: target.baseURL } } : {}),
    }).map((project) => {
      const first = (project.dependencies ?? []).length === 0;
      return {
        ...project,
        ...(rollout && first ? { dependencies: [rollout.name!] } : {}),
        grepInvert: otherTargetsPattern(target.id),
        metadata: { ...project.metadata, target: target.id, ...(staged ? { stage: staged.stage } : {}) },
      };
    });
    const own = rollout ? [rollout, ...chain] : chain;
    projects.push(...own);
    aggregates.push({ ...aggregateProject(target.id, own.map((project) => project.name!), build.rootDir), metadata: { aggregate: target.id, target: target.id } });
  }
  if (build.crossPlatform) aggregates.push(crossPlatformProject(targets.map((target) => target.id), rootDir));
  return [...projects, ...aggregates, aggregateProject('full', aggregates.map((project) => project.name!), build.rootDir)];
}

/** A later stage's first gate: after every gate of the stage before, it reads their verdicts. */
export function rolloutProject(id: string, rollout: RolloutMetadata, rootDir: string): PlaywrightTestProject {
  const last = GATES[GATES.length - 1]!.name;
  const dependencies = rollout.previous.targets.map((other) => `${other}/${last}`);
  return {
    name: `${id}/${ROLLOUT_GATE}`,
    testDir: path.resolve(rootDir, 'tests', ROLLOUT_GATE),
    testMatch: /\.spec\.[cm]?[jt]s$/,
    dependencies,
    grepInvert: otherTargetsPattern(id),
    metadata: { gate: ROLLOUT_GATE, phase: 'ROLLOUT', dependencies, target: id, stage: rollout.stage, rollout },
  };
}

/** The gate of how the targets fit together: after every target's own chain, its own project. */
export function crossPlatformProject(targetIds: readonly string[], rootDir: string): PlaywrightTestProject {
  const last = GATES[GATES.length - 1]!.name;
  const folder = path.resolve(rootDir, 'tests', CROSS_PLATFORM_ID);
  return {
    name: CROSS_PLATFORM_ID,
    testDir: folder,
    testMatch: /\.spec\.[cm]?[jt]s$/,
    dependencies: targetIds.map((id) => `${id}/${last}`),
    fullyParallel: true,
    metadata: { gate: CROSS_PLATFORM_ID, phase: 'CROSS_PLATFORM', dependencies: targetIds.map((id) => `${id}/${last}`), target: CROSS_PLATFORM_ID },
  };
}
