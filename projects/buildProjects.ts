import path from 'node:path';
import type { PlaywrightTestProject } from '@playwright/test';
import type { GateDefinition } from './gates.ts';

export interface GateMetadata {
  gate: string;
  phase: string;
  /** The gates this one waits for, by gate name. */
  dependencies: string[];
  aggregate?: string;
}

/**
 * The nearest ancestors of `gate` that are in `members`: a subset chain keeps the order of the full
 * chain without pulling in the gates left out (Playwright runs every transitive dependency).
 */
export function nearestMemberAncestors(gates: readonly GateDefinition[], gate: string, members: ReadonlySet<string>): string[] {
  const byName = new Map(gates.map((g) => [g.name, g]));
  const found = new Set<string>();
  const visit = (name: string, seen: Set<string>) => {
    for (const dependency of byName.get(name)?.dependencies ?? []) {
      if (seen.has(dependency)) continue;
      seen.add(dependency);
      if (members.has(dependency)) found.add(dependency);
      else visit(dependency, seen);
    }
  };
  visit(gate, new Set());
  return [...found];
}

export interface BuildOptions {
  /** Folder the gate folders are relative to (the suite's root). */
  rootDir?: string;
  /** Prefix of the project names, e.g. 'quick-'. Empty for the full chain. */
  prefix?: string;
  /** Only these gates (default: all). */
  members?: readonly string[];
  /** Extra folders of the team's own specs per gate, from the config. */
  extraFolders?: Record<string, string[]>;
  use?: PlaywrightTestProject['use'];
  aggregate?: string;
  /** Per-test bound of a gate (ms), replacing the run's default there. */
  testTimeouts?: Record<string, number>;
}

/** One Playwright project per gate, chained by `dependencies`, each carrying its gate in metadata. */
export function buildGateProjects(gates: readonly GateDefinition[], options: BuildOptions = {}): PlaywrightTestProject[] {
  const prefix = options.prefix ?? '';
  const members = new Set(options.members ?? gates.map((g) => g.name));
  return gates
    .filter((gate) => members.has(gate.name))
    .map((gate) => {
      const dependencies = nearestMemberAncestors(gates, gate.name, members);
      const metadata: GateMetadata = { gate: gate.name, phase: gate.phase, dependencies, ...(options.aggregate ? { aggregate: options.aggregate } : {}) };
      const extra = options.extraFolders?.[gate.name] ?? [];
      const rootDir = options.rootDir ?? process.cwd();
      const folders = [gate.folder, ...extra].map((folder) => path.resolve(rootDir, folder));
      return {
        name: `${prefix}${gate.name}`,
        // Playwright walks testDir to find spec files: the gate's own folders, not the whole checkout
        // (run outputs and scratch folders pile up there, and walking them costs a second a run).
        testDir: commonAncestor(folders),
        testMatch: folders.map(specsUnder),
        dependencies: dependencies.map((name) => `${prefix}${name}`),
        fullyParallel: !gate.serial,
        ...(options.testTimeouts?.[gate.name] ? { timeout: options.testTimeouts[gate.name] } : {}),
        metadata,
        ...(options.use ? { use: options.use } : {}),
      } satisfies PlaywrightTestProject;
    });
}

/** The deepest folder holding every one of these absolute folders. */
export function commonAncestor(folders: readonly string[]): string {
  const outside = (base: string, folder: string) => {
    const relative = path.relative(base, folder);
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  };
  let common = folders[0] ?? path.parse(process.cwd()).root;
  for (const folder of folders.slice(1)) {
    while (common !== path.dirname(common) && outside(common, folder)) common = path.dirname(common);
  }
  return common;
}

/** Spec files anywhere under an absolute folder (matched against absolute paths): TypeScript, or compiled in the package. */
function specsUnder(folder: string): RegExp {
  const escaped = folder.split(path.sep).join('/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}/.*\\.spec\\.[cm]?[jt]s$`);
}

/** A project with no tests of its own that depends on a set of gate projects. */
export function aggregateProject(name: string, dependsOn: string[], rootDir = process.cwd()): PlaywrightTestProject {
  // No spec matches; testDir is this small folder so that finding none does not walk the checkout.
  return { name, testDir: path.join(rootDir, 'projects'), testMatch: /$^/, dependencies: dependsOn, metadata: { aggregate: name } };
}
