import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';

/**
 * Monorepos: which workspace root (npm and yarn `workspaces`, pnpm's pnpm-workspace.yaml) a package
 * belongs to, so a member's dependencies are judged against the root's lockfile, not a lockfile it
 * was never meant to have.
 */
export interface WorkspaceRoot {
  /** The root's folder, relative to the repository ('.' for the repository itself). */
  dir: string;
  /** The member's folder relative to the root (the key of its entry in an npm lockfile). */
  memberDir: string;
  /** How the root declares its workspaces: the file that says so. */
  declaredIn: string;
}

/** Workspace globs a root declares, from its package.json or pnpm-workspace.yaml; [] when none. */
export function workspaceGlobs(packageJsonText: string | undefined, pnpmWorkspaceText: string | undefined): string[] {
  const globs: string[] = [];
  if (packageJsonText) {
    try {
      const manifest = JSON.parse(packageJsonText) as { workspaces?: unknown };
      const declared = Array.isArray(manifest.workspaces) ? manifest.workspaces : (manifest.workspaces as { packages?: unknown } | undefined)?.packages;
      if (Array.isArray(declared)) globs.push(...declared.filter((g): g is string => typeof g === 'string'));
    } catch {
      // a package.json that does not parse is the syntax check's finding, not this one's
    }
  }
  if (pnpmWorkspaceText) {
    try {
      const parsed = parseYaml(pnpmWorkspaceText) as { packages?: unknown } | null;
      if (Array.isArray(parsed?.packages)) globs.push(...parsed.packages.filter((g): g is string => typeof g === 'string'));
    } catch {
      // an unparsable pnpm-workspace.yaml is the syntax check's finding
    }
  }
  return globs;
}

/** Whether a folder (relative to the root) is one of the root's workspaces; `!negations` exclude. */
export function isWorkspaceMember(memberDir: string, globs: readonly string[]): boolean {
  const include = globs.filter((g) => !g.startsWith('!')).map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1).replace(/^\.\//, '').replace(/\/$/, ''));
  return picomatch.isMatch(memberDir, include, { dot: true }) && !(exclude.length > 0 && picomatch.isMatch(memberDir, exclude, { dot: true }));
}

/**
 * The nearest ancestor folder of `manifestDir` (relative to the repository, posix) that declares it
 * as a workspace. `read` gives a repository file's text, or undefined when there is none.
 */
export function findWorkspaceRoot(manifestDir: string, read: (file: string) => string | undefined): WorkspaceRoot | undefined {
  if (manifestDir === '.') return undefined;
  let dir = path.posix.dirname(manifestDir);
  for (;;) {
    const local = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
    const pnpm = read(local('pnpm-workspace.yaml'));
    const globs = workspaceGlobs(read(local('package.json')), pnpm);
    const memberDir = dir === '.' ? manifestDir : path.posix.relative(dir, manifestDir);
    if (globs.length > 0 && isWorkspaceMember(memberDir, globs)) {
      return { dir, memberDir, declaredIn: pnpm !== undefined && workspaceGlobs(undefined, pnpm).length > 0 ? local('pnpm-workspace.yaml') : local('package.json') };
    }
    if (dir === '.') return undefined;
    dir = path.posix.dirname(dir);
  }
}
