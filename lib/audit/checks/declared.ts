import path from 'node:path';
import semver from 'semver';
import type { RepositoryListing } from '../files.ts';
import { readRepositoryFile } from '../files.ts';
import { DEPENDENCY_SECTIONS } from './dependencies.ts';

const MANIFESTS = new Set(['package.json', 'bower.json']);

/**
 * Every version range the repository declares per package: package.json files (any dependency
 * field, workspaces included) and bower.json, outside node_modules. A manifest that does not parse
 * declares nothing (the syntax check reports it).
 */
export function declaredRanges(listing: RepositoryListing): Map<string, string[]> {
  const ranges = new Map<string, string[]>();
  for (const { path: file } of listing.files) {
    if (!MANIFESTS.has(path.posix.basename(file)) || file.split('/').includes('node_modules')) continue;
    const read = readRepositoryFile(listing.root, file);
    if (read.kind !== 'text') continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(read.text);
    } catch {
      continue;
    }
    if (manifest === null || typeof manifest !== 'object') continue;
    for (const field of DEPENDENCY_SECTIONS) {
      const deps = (manifest as Record<string, unknown>)[field];
      if (deps === null || typeof deps !== 'object') continue;
      for (const [name, range] of Object.entries(deps as Record<string, unknown>)) {
        if (typeof range !== 'string') continue;
        ranges.set(name, [...(ranges.get(name) ?? []), range]);
      }
    }
  }
  return ranges;
}

/**
 * Does a declared range reach the versions a rule is about? A range that is not semver (`latest`,
 * a git URL, `workspace:*`) may be any version, so it does; a package declared nowhere does not.
 */
export function declares(ranges: ReadonlyMap<string, readonly string[]>, pkg: string, range: string): boolean {
  const declared = ranges.get(pkg) ?? [];
  return declared.some((spec) => {
    // npm aliases ("npm:react@^18") name their own range.
    const own = /^npm:(?:@[^/]+\/)?[^@]+@(.+)$/.exec(spec)?.[1] ?? spec;
    const valid = semver.validRange(own);
    if (valid === null) return true;
    return semver.intersects(valid, range);
  });
}
