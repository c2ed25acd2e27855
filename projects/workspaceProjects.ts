import path from 'node:path';
import type { PlaywrightTestProject } from '@playwright/test';
import { aggregateProject, buildGateProjects, type BuildOptions } from './buildProjects.ts';
import { GATES } from './gates.ts';

import { CROSS_PLATFORM_ID } from '../lib/workspace/variables.ts';

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

/**
 * One chain of gate projects per target (`<target>/<gate>`, each carrying its target and gate in
 * metadata), an aggregate per target (`<target>`) and `full` over every chain. Chains share no
 * dependency: a failing gate blocks its own target's later gates, never another target's.
 */
export function workspaceProjects(targets: readonly WorkspaceTargetProjects[], build: Pick<BuildOptions, 'rootDir'> & { crossPlatform?: boolean; stages?: readonly { name: string; targets: readonly string[] }[] } = {}): PlaywrightTestProject[] {
  const projects: PlaywrightTestProject[] = [];
  const last = GATES[GATES.length - 1]!.name;
  // A staged target's first gates wait for every gate of the stage before it: a failure there holds it back.
  const waitsFor = new Map<string, { stage: string; after: string[] }>();
  (build.stages ?? []).forEach((stage, i, stages) => {
    const previous = stages[i - 1];
    for (const id of stage.targets) waitsFor.set(id, { stage: stage.name, after: previous ? previous.targets.map((other) => `${other}/${last}`) : [] });
  });
  const aggregates: PlaywrightTestProject[] = [];
  for (const target of targets) {
    const chain = buildGateProjects(GATES, {
      ...build,
      prefix: `${target.id}/`,
      extraFolders: target.extraFolders,
      testTimeouts: target.testTimeouts,
      ...(target.baseURL ? { use: { baseURL: target.baseURL } } : {}),
    }).map((project) => {
      const staged = waitsFor.get(target.id);
      const first = (project.dependencies ?? []).length === 0;
      return {
        ...project,
        ...(staged && first && staged.after.length > 0 ? { dependencies: staged.after } : {}),
        grepInvert: otherTargetsPattern(target.id),
        metadata: { ...project.metadata, target: target.id, ...(staged ? { stage: staged.stage } : {}) },
      };
    });
    projects.push(...chain);
    aggregates.push({ ...aggregateProject(target.id, chain.map((project) => project.name!), build.rootDir), metadata: { aggregate: target.id, target: target.id } });
  }
  if (build.crossPlatform) aggregates.push(crossPlatformProject(targets.map((target) => target.id), build.rootDir ?? process.cwd()));
  return [...projects, ...aggregates, aggregateProject('full', aggregates.map((project) => project.name!), build.rootDir)];
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
