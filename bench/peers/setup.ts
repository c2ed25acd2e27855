import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GNU_TIME, SetupError } from '../lib/measure.ts';
import { BENCH_DIR, ROOT } from '../lib/results.ts';
import { CHROMIUM } from './configs.ts';
import {
  formatDuration, installDecision, installFailureMessage, NO_BROWSER_DOWNLOAD_ENV, PEER_PACKAGES, RETRY_COMMAND,
  type InstallFacts, type LockData,
} from './install.ts';

export const PEER_BIN = path.join(BENCH_DIR, 'node_modules', '.bin');
/** A fresh install takes about a minute on 2 cores; ten means the registry is not answering. */
export const INSTALL_TIMEOUT_MS = 600_000;
const LOCK_FILE = path.join(BENCH_DIR, 'package-lock.json');
const INSTALL_LOG = path.join(BENCH_DIR, '.work', 'peers', 'npm-ci.log');

const mtimeOf = (file: string): number | undefined => (existsSync(file) ? statSync(file).mtimeMs : undefined);
const missingBins = (): string[] => PEER_PACKAGES.map((p) => p.bin).filter((bin) => !existsSync(path.join(PEER_BIN, bin)));
const relative = (file: string) => path.relative(ROOT, file);

export function installFacts(): InstallFacts {
  return {
    manifestMtimeMs: mtimeOf(path.join(BENCH_DIR, 'package.json')),
    lockMtimeMs: mtimeOf(LOCK_FILE),
    markerMtimeMs: mtimeOf(path.join(BENCH_DIR, 'node_modules', '.package-lock.json')),
    missingBins: missingBins(),
  };
}

function readLock(): LockData | undefined {
  try {
    return JSON.parse(readFileSync(LOCK_FILE, 'utf8')) as LockData;
  } catch {
    return undefined;
  }
}

interface NpmRun { exitCode: number | null; timedOut: boolean; output: string }

/** `npm ci` in its own process group, so a timeout or Ctrl-C stops its scripts too. */
async function npmCi(timeoutMs: number): Promise<NpmRun> {
  const child = spawn('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    env: { ...process.env, ...NO_BROWSER_DOWNLOAD_ENV, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const stop = () => {
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
  };
  const onSignal = () => { stop(); process.exit(130); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; stop(); }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', (error) => { output += `\n${error.message}`; resolve(null); });
    child.on('close', (code) => resolve(code));
  });
  clearTimeout(timer);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return { exitCode, timedOut, output };
}

/**
 * Installs the peer tools into bench/node_modules when absent or older than bench/package*.json,
 * with no browser download (they run the system Chromium); a failure is a SetupError naming the
 * package, the peer that needs it and the command to retry.
 */
export async function ensurePeerTools(log: (line: string) => void, timeoutMs = INSTALL_TIMEOUT_MS): Promise<void> {
  const decision = installDecision(installFacts());
  if (!decision.install) return;
  log(`installing the peer tools into bench/node_modules (${decision.reason}): npm ci, about a minute, stopped after ${formatDuration(timeoutMs)}...`);
  const started = performance.now();
  const run = await npmCi(timeoutMs);
  mkdirSync(path.dirname(INSTALL_LOG), { recursive: true });
  writeFileSync(INSTALL_LOG, run.output);
  if (run.exitCode !== 0 || run.timedOut) {
    throw new SetupError(installFailureMessage({ ...run, timeoutMs, lock: readLock(), logFile: relative(INSTALL_LOG) }));
  }
  const missing = PEER_PACKAGES.filter((p) => !existsSync(path.join(PEER_BIN, p.bin)));
  if (missing.length > 0) {
    const names = missing.map((p) => `${p.tool} (package ${p.packages[0]})`).join(', ');
    throw new SetupError(`npm ci finished but bench/node_modules/.bin lacks ${names}; npm's output: ${relative(INSTALL_LOG)}; retry by hand, from the repository root: ${RETRY_COMMAND}`);
  }
  log(`installed in ${Math.round((performance.now() - started) / 1000)} s (npm's output: ${relative(INSTALL_LOG)})`);
}

/** The peers' browser: lhci and pa11y-ci are pointed at it, and neither downloads its own. */
export function requirePeerBrowser(): void {
  if (!existsSync(CHROMIUM)) {
    throw new SetupError(`${CHROMIUM} is missing: the peers run the suite's system Chromium; install the Debian package "chromium" (apt-get install -y chromium chromium-headless-shell)`);
  }
}

export interface ToolVersion {
  name: string;
  version: string;
  detail: string;
}

function firstLine(command: string, args: string[]): { ok: boolean; line: string } {
  const result = spawnSync(command, args, { cwd: BENCH_DIR, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...NO_BROWSER_DOWNLOAD_ENV, NO_COLOR: '1' } });
  const line = (result.stdout ?? '').split('\n').find((l) => l.trim())?.trim() ?? '';
  return { ok: result.status === 0 && line !== '', line: line || (result.stderr ?? '').trim().split('\n').at(-1) || String(result.error ?? `exit ${result.status}`) };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(BENCH_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** Each peer as it answers `--version` (proof that it starts), with its installed packages; then the browser and GNU time. */
export function peerVersions(): ToolVersion[] {
  const versions: ToolVersion[] = [];
  const broken: string[] = [];
  for (const peer of PEER_PACKAGES) {
    const answer = firstLine(path.join(PEER_BIN, peer.bin), ['--version']);
    if (!answer.ok) broken.push(`${peer.tool}: \`${peer.bin} --version\` failed: ${answer.line}`);
    versions.push({ name: peer.tool, version: answer.line, detail: peer.packages.map((name) => `${name}@${packageVersion(name)}`).join(', ') });
  }
  if (broken.length > 0) {
    throw new SetupError(`installed peer tools do not start:\n  ${broken.join('\n  ')}\n  reinstall from the repository root: rm -rf bench/node_modules && ${RETRY_COMMAND}`);
  }
  for (const [name, file] of [['chromium', CHROMIUM], ['time', GNU_TIME]] as const) {
    const line = firstLine(file, ['--version']).line;
    // Debian's GNU time reports its version as UNKNOWN.
    versions.push({ name, version: /\d+(?:\.\d+)+/.exec(line)?.[0] ?? '-', detail: `${file} (${line})` });
  }
  return versions;
}

export function formatVersions(versions: ToolVersion[]): string {
  const width = Math.max(...versions.map((v) => v.name.length));
  const versionWidth = Math.max(...versions.map((v) => v.version.length));
  return versions.map((v) => `  ${v.name.padEnd(width)}  ${v.version.padEnd(versionWidth)}  ${v.detail}`).join('\n');
}
