import { execFile } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ignore, { type Ignore } from 'ignore';
import { globMatcher, type PathMatcher } from './findings.ts';

const run = promisify(execFile);

export interface RepoFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  size: number;
}

export type SkipReason = 'oversized' | 'binary' | 'missing';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

/** The files an audit looks at. Holds names and sizes only, never contents. */
export interface RepositoryListing {
  root: string;
  /** 'git': tracked files (git ls-files); 'walk': a directory walk that honours .gitignore. */
  source: 'git' | 'walk';
  files: RepoFile[];
  skipped: SkippedFile[];
}

export interface ListOptions {
  maxFileBytes: number;
  exclude?: readonly string[];
}

/** Folders a walk never enters, even without a .gitignore saying so. */
const WALK_SKIPS = new Set(['.git', 'node_modules']);

/** Extensions that are binary by nature: skipped without reading them. */
const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'ico', 'tif', 'tiff', 'psd',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'jar',
  'mp3', 'mp4', 'wav', 'ogg', 'webm', 'mov', 'avi', 'exe', 'dll', 'so', 'dylib', 'wasm', 'class', 'pyc', 'node', 'sqlite', 'db',
]);

/** Tracked files when the folder is in a git work tree, else a walk honouring .gitignore. */
export async function listRepositoryFiles(root: string, options: ListOptions): Promise<RepositoryListing> {
  const names = (await gitFiles(root)) ?? undefined;
  const source = names ? 'git' : 'walk';
  const excluded: PathMatcher = globMatcher(options.exclude ?? []);
  const files: RepoFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const name of names ?? walkFiles(root)) {
    if (excluded(name)) continue;
    let size: number;
    try {
      const stat = lstatSync(path.join(root, name));
      if (!stat.isFile()) continue;
      size = stat.size;
    } catch {
      // Tracked but deleted in the work tree: nothing to read.
      skipped.push({ path: name, reason: 'missing' });
      continue;
    }
    if (size > options.maxFileBytes) skipped.push({ path: name, reason: 'oversized' });
    else if (BINARY_EXTENSIONS.has(extensionOf(name))) skipped.push({ path: name, reason: 'binary' });
    else files.push({ path: name, size });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, source, files, skipped };
}

async function gitFiles(root: string): Promise<string[] | undefined> {
  try {
    const inside = await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root });
    if (inside.stdout.trim() !== 'true') return undefined;
    // Paths relative to `root`, limited to it: a folder inside a bigger repository lists itself only.
    const listed = await run('git', ['ls-files', '-z', '--', '.'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    const names = listed.stdout.split('\0').filter((name) => name.length > 0);
    // Nothing tracked here: a folder the enclosing repository ignores or never added (a copy in a
    // scratch or build folder) is not its content, so it is walked instead of read as empty.
    return names.length > 0 ? names : undefined;
  } catch {
    return undefined;
  }
}

/** Depth-first walk; each folder's .gitignore applies below it, as git reads them. */
export function* walkFiles(root: string): Generator<string> {
  const stack: Array<{ dir: string; rules: Array<{ base: string; ig: Ignore }> }> = [{ dir: '', rules: [] }];
  while (stack.length > 0) {
    const { dir, rules: inherited } = stack.pop()!;
    const absolute = path.join(root, dir);
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      continue;
    }
    let rules = inherited;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        rules = [...inherited, { base: dir, ig: ignore().add(readFileSync(path.join(absolute, '.gitignore'), 'utf8')) }];
      } catch {
        // unreadable .gitignore: keep the inherited rules
      }
    }
    const children: string[] = [];
    for (const entry of entries) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (WALK_SKIPS.has(entry.name) || isIgnored(rules, `${relative}/`)) continue;
        children.push(relative);
      } else if (entry.isFile() && !isIgnored(rules, relative)) {
        yield relative;
      }
    }
    for (const child of children.reverse()) stack.push({ dir: child, rules });
  }
}

function isIgnored(rules: ReadonlyArray<{ base: string; ig: Ignore }>, relative: string): boolean {
  for (const { base, ig } of rules) {
    const local = base ? relative.slice(base.length + 1) : relative;
    if (ig.ignores(local)) return true;
  }
  return false;
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export type ReadResult = { kind: 'text'; text: string; bytes: Buffer } | { kind: 'binary' } | { kind: 'missing' };

/** Reads one file; a NUL byte in its first 8 KB means binary (git's own test). */
export function readRepositoryFile(root: string, file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch {
    return { kind: 'missing' };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary' };
  return { kind: 'text', text: bytes.toString('utf8'), bytes };
}

/** Counts of what a scan read and skipped: recorded as metrics, never dropped silently. */
export interface ScanCounts {
  examined: number;
  skippedBinary: number;
  bytes: number;
}

/**
 * The text files of the listing that match, read one at a time: the caller sees each file's text
 * while it handles it and nothing keeps it afterwards, so memory stays flat in the number of files.
 */
export function* textFiles(listing: RepositoryListing, match: PathMatcher, counts: ScanCounts): Generator<{ file: string; text: string; bytes: Buffer }> {
  for (const { path: file } of listing.files) {
    if (!match(file)) continue;
    const read = readRepositoryFile(listing.root, file);
    if (read.kind === 'binary') {
      counts.skippedBinary += 1;
      continue;
    }
    if (read.kind !== 'text') continue;
    counts.examined += 1;
    counts.bytes += read.bytes.length;
    yield { file, text: read.text, bytes: read.bytes };
  }
}

export function emptyCounts(): ScanCounts {
  return { examined: 0, skippedBinary: 0, bytes: 0 };
}
