/**
 * Whether the peer tools need installing, and what to say when they cannot be: plain functions of
 * file times, npm's output and the lockfile. The install itself is in setup.ts.
 */

export type PeerTool = 'secretlint' | 'lhci' | 'pa11y-ci' | 'prism';

export interface PeerPackage {
  tool: PeerTool;
  /** The command in bench/node_modules/.bin. */
  bin: string;
  /** Its entries in bench/package.json; the first one carries the tool's version. */
  packages: string[];
}

export const PEER_PACKAGES: PeerPackage[] = [
  { tool: 'secretlint', bin: 'secretlint', packages: ['secretlint', '@secretlint/secretlint-rule-preset-recommend'] },
  { tool: 'lhci', bin: 'lhci', packages: ['@lhci/cli'] },
  { tool: 'pa11y-ci', bin: 'pa11y-ci', packages: ['pa11y-ci'] },
  { tool: 'prism', bin: 'prism', packages: ['@stoplight/prism-cli'] },
];

export const PEER_TOOLS: PeerTool[] = PEER_PACKAGES.map((p) => p.tool);

/** No peer downloads a browser: they all run the system Chromium. */
export const NO_BROWSER_DOWNLOAD_ENV = {
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};

/** What to run by hand from the repository root, the same install the bench runs. */
export const RETRY_COMMAND = `${Object.entries(NO_BROWSER_DOWNLOAD_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} npm ci --prefix bench`;

/** Modification times in ms; undefined when the file is absent. */
export interface InstallFacts {
  manifestMtimeMs: number | undefined;
  lockMtimeMs: number | undefined;
  /** bench/node_modules/.package-lock.json, written by npm at the end of an install. */
  markerMtimeMs: number | undefined;
  /** Peer commands absent from bench/node_modules/.bin. */
  missingBins: string[];
}

export interface InstallDecision {
  install: boolean;
  reason: string;
}

/** npm rewrites files while installing: a difference under a second is the same install. */
const MTIME_TOLERANCE_MS = 1000;

/** The rule scripts/bootstrap.mjs applies to the product's install, plus the peers' commands. */
export function installDecision(facts: InstallFacts): InstallDecision {
  const installedAt = facts.markerMtimeMs;
  if (installedAt === undefined) return { install: true, reason: 'bench/node_modules is not installed' };
  const inputs = [['bench/package-lock.json', facts.lockMtimeMs], ['bench/package.json', facts.manifestMtimeMs]] as const;
  const newer = inputs.filter(([, mtime]) => mtime !== undefined && mtime > installedAt + MTIME_TOLERANCE_MS).map(([file]) => file);
  if (newer.length > 0) return { install: true, reason: `${newer.join(' and ')} changed since the last install` };
  if (facts.missingBins.length > 0) return { install: true, reason: `missing from bench/node_modules/.bin: ${facts.missingBins.join(', ')}` };
  return { install: false, reason: 'installed and up to date' };
}

/** A registry URL's package: `…/@scope%2fname`, `…/name/-/name-1.0.0.tgz`. */
function packageOfUrl(url: string): string | undefined {
  const pathname = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0]!.split('/-/')[0]!;
  const segments = pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const last = segments.at(-1);
  if (!last) return undefined;
  if (last.startsWith('@') && last.includes('/')) return last;
  const scope = segments.at(-2);
  return scope?.startsWith('@') ? `${scope}/${last}` : last;
}

const NAME = String.raw`((?:@[^@\s'"/]+/)?[^@\s'"/]+)`;
/** npm's lines that name the package at fault, and how to read the name out of each. */
const PACKAGE_PATTERNS: RegExp[] = [
  new RegExp(String.raw`No matching version found for ${NAME}@`, 'g'),
  new RegExp(String.raw`'${NAME}@[^']*' (?:is not in this registry|could not be found)`, 'g'),
  new RegExp(String.raw`Missing: ${NAME}@`, 'g'),
  new RegExp(String.raw`Invalid: lock file's ${NAME}@`, 'g'),
  new RegExp(String.raw`while extracting ${NAME}@`, 'g'),
  new RegExp(String.raw`npm error path \S*node_modules/${NAME}\s*$`, 'gm'),
];

/** The packages npm's error output blames, in the order it names them. */
export function failedPackages(npmOutput: string): string[] {
  const names = new Set<string>();
  for (const line of npmOutput.split('\n')) {
    for (const pattern of PACKAGE_PATTERNS) {
      for (const match of line.matchAll(pattern)) names.add(match[1]!);
    }
    const url = /request to (\S+) failed/.exec(line)?.[1] ?? /(?:GET|PUT) (https?:\/\/\S+)/.exec(line)?.[1];
    const fromUrl = url ? packageOfUrl(url) : undefined;
    if (fromUrl) names.add(fromUrl);
  }
  return [...names];
}

/** The part of a package-lock.json the dependency walk reads. */
export interface LockData {
  packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;
}

/** Where `name` required from the lock entry at `from` is installed: the nearest node_modules up the tree. */
function resolveInLock(lock: LockData, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

const nameOfLocation = (location: string) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** The peer tools whose install pulls in `packageName`, walking the lockfile from each peer's entries. */
export function peersNeeding(lock: LockData, packageName: string): PeerTool[] {
  const needing: PeerTool[] = [];
  for (const peer of PEER_PACKAGES) {
    if (peer.packages.includes(packageName)) {
      needing.push(peer.tool);
      continue;
    }
    const seen = new Set<string>();
    const queue = peer.packages.map((name) => resolveInLock(lock, '', name)).filter((l): l is string => l !== undefined);
    let found = false;
    while (queue.length > 0 && !found) {
      const location = queue.pop()!;
      if (seen.has(location)) continue;
      seen.add(location);
      if (nameOfLocation(location) === packageName) found = true;
      const entry = lock.packages[location] ?? {};
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
        const resolved = resolveInLock(lock, location, name);
        if (resolved && !seen.has(resolved)) queue.push(resolved);
      }
    }
    if (found) needing.push(peer.tool);
  }
  return needing;
}

/** npm's error code, and what it usually means here. */
const NPM_ERROR_HINTS: Record<string, string> = {
  E404: 'not in the registry: check the pinned version in bench/package.json',
  ETARGET: 'no such version in the registry: check the pinned version in bench/package.json',
  EUSAGE: 'bench/package-lock.json does not match bench/package.json: regenerate it with `npm install --package-lock-only --prefix bench`, keeping the pins',
  EINTEGRITY: 'the downloaded file does not match the lockfile checksum: retry; if it persists, regenerate the lockfile',
  ECONNREFUSED: 'the npm registry is unreachable: check the network or the `registry` setting',
  ECONNRESET: 'the connection to the npm registry was cut: retry',
  ETIMEDOUT: 'the npm registry did not answer in time: check the network, then retry',
  ENOTFOUND: 'the npm registry host name does not resolve: check the network or the `registry` setting',
  EAI_AGAIN: 'the npm registry host name does not resolve: check the network, then retry',
  ENOSPC: 'the disk is full',
  ELIFECYCLE: "a package's install script failed",
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

export interface InstallFailure {
  exitCode: number | null;
  timedOut: boolean;
  timeoutMs: number;
  output: string;
  /** bench/package-lock.json, parsed; undefined when unreadable. */
  lock: LockData | undefined;
  /** Where the whole output was saved. */
  logFile: string;
}

const TAIL_LINES = 12;

export const formatDuration = (ms: number): string => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/** One message for the user: what failed, which package and peer, npm's last words, and the command to retry. */
export function installFailureMessage(failure: InstallFailure): string {
  const lines = [failure.timedOut
    ? `could not install the peer tools into bench/node_modules: npm ci did not finish within ${formatDuration(failure.timeoutMs)} and was stopped`
    : `could not install the peer tools into bench/node_modules: npm ci exited with code ${failure.exitCode}`];
  // A failed install script reports its exit status as the code.
  const code = /^npm error command failed/m.test(failure.output) ? 'ELIFECYCLE' : /npm error code (\S+)/.exec(failure.output)?.[1];
  // Unreachable registry: every package fails, npm names the first one it asked for.
  const label = code && NETWORK_CODES.has(code) ? 'first download that failed' : 'package';
  for (const name of failedPackages(failure.output)) {
    const peers = failure.lock ? peersNeeding(failure.lock, name) : [];
    lines.push(`  ${label}: ${name}${peers.length > 0 ? `, needed by ${peers.join(', ')}` : ''}`);
  }
  if (code) lines.push(`  npm error ${code}${NPM_ERROR_HINTS[code] ? `: ${NPM_ERROR_HINTS[code]}` : ''}`);
  else if (failure.timedOut) lines.push('  the npm registry may be slow or unreachable: check the network, then retry');
  // After a usage error npm prints its help for `npm ci`: not worth quoting.
  const usage = failure.output.search(/^npm error (Clean install a project|Usage:)$/m);
  const tail = failure.output.slice(0, usage === -1 ? undefined : usage).split('\n').map((l) => l.trimEnd())
    .filter((l) => !/^(npm error)?\s*$|^npm error\s+at |A complete log of this run/.test(l)).slice(-TAIL_LINES);
  if (tail.length > 0) lines.push("  npm's last lines:", ...tail.map((l) => `    ${l}`));
  lines.push(`  full output: ${failure.logFile}`, `  retry by hand, from the repository root: ${RETRY_COMMAND}`);
  return lines.join('\n');
}
