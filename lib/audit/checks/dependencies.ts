import semver from 'semver';
import type { Finding } from '../findings.ts';
import type { Severity } from '../../risk/types.ts';
import { scalarEntries } from '../yamlWalk.ts';

export const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'] as const;

/** The package.json fields that declare dependencies. */
export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface NpmLock {
  name?: string;
  version?: string;
  lockfileVersion?: number;
  packages?: Record<string, Manifest & { version?: string }>;
}

/** Line of a key in a JSON text (first occurrence), for findings that point into package.json. */
function lineOfKey(text: string, key: string, section?: string): number {
  const entry = scalarEntries(text).find((e) => e.path[e.path.length - 1] === key && (section === undefined || e.path[0] === section));
  return entry?.line ?? 1;
}

/** Whether a manifest asks for any package at all: one that does not has nothing to lock. */
export function hasDependencies(manifestText: string): boolean {
  try {
    const manifest = JSON.parse(manifestText) as Manifest;
    return DEPENDENCY_SECTIONS.some((section) => Object.keys(manifest[section] ?? {}).length > 0);
  } catch {
    // unparsable: the syntax check reports it, and this check still looks for a lockfile
    return true;
  }
}

/**
 * package-lock.json (v2/v3) agrees with package.json: same name and version, the root entry lists
 * the same ranges, and every direct dependency is locked at a version its range accepts. For a
 * workspace member, `memberDir` (its folder relative to the lockfile's) names its entry in the lock.
 */
export function compareNpmLock(manifestFile: string, manifestText: string, lockFile: string, lockText: string, memberDir?: string): Finding[] {
  const findings: Finding[] = [];
  let manifest: Manifest;
  let lock: NpmLock;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
    lock = JSON.parse(lockText) as NpmLock;
  } catch (error) {
    return [{ file: lockFile, rule: 'lockfile-parse', message: `cannot be compared: ${(error as Error).message}`, severity: 'high' }];
  }
  const finding = (file: string, line: number, rule: string, message: string) => findings.push({ file, line, rule, message, severity: 'high' });
  if (!lock.packages || (lock.lockfileVersion ?? 1) < 2) {
    finding(lockFile, lineOfKey(lockText, 'lockfileVersion'), 'lockfile-version', `lockfileVersion ${lock.lockfileVersion ?? 1} is too old to compare: run npm install with npm 7 or later`);
    return findings;
  }
  const member = memberDir !== undefined;
  const root = lock.packages[memberDir ?? ''];
  if (member && !root) {
    finding(lockFile, 1, 'lockfile-mismatch', `has no entry for the workspace ${memberDir} (${manifestFile}): run npm install at the workspace root`);
    return findings;
  }
  const entry = root ?? {};
  const lockedName = member ? entry.name : lock.name ?? entry.name;
  const lockedVersion = member ? entry.version : lock.version ?? entry.version;
  if (manifest.name !== undefined && lockedName !== undefined && lockedName !== manifest.name) {
    finding(lockFile, lineOfKey(lockText, 'name'), 'lockfile-mismatch', `locks "${lockedName}" but ${manifestFile} is "${manifest.name}"`);
  }
  if (manifest.version !== undefined && lockedVersion !== undefined && lockedVersion !== manifest.version) {
    finding(lockFile, lineOfKey(lockText, 'version'), 'lockfile-mismatch', `locks version ${lockedVersion} but ${manifestFile} says ${manifest.version}`);
  }
  // A member's packages are installed beside it or hoisted to the root's node_modules.
  const installedVersion = (name: string) => (member ? lock.packages![`${memberDir}/node_modules/${name}`]?.version : undefined) ?? lock.packages![`node_modules/${name}`]?.version;
  for (const section of DEPENDENCY_SECTIONS) {
    const wanted = manifest[section] ?? {};
    const locked = entry[section] ?? {};
    for (const [name, range] of Object.entries(wanted)) {
      if (locked[name] !== range) {
        finding(manifestFile, lineOfKey(manifestText, name, section), 'lockfile-mismatch', `${section}.${name} is "${range}" but ${lockFile} records ${locked[name] === undefined ? 'nothing' : `"${locked[name]}"`}: run npm install`);
        continue;
      }
      const installed = installedVersion(name);
      if (section === 'peerDependencies') continue;
      if (installed === undefined) {
        if (section !== 'optionalDependencies') finding(lockFile, 1, 'lockfile-mismatch', `${name} is not locked (no node_modules/${name} entry)`);
      } else if (semver.validRange(range) && semver.valid(installed) && !semver.satisfies(installed, range, { includePrerelease: true })) {
        finding(lockFile, lineOfKey(lockText, `node_modules/${name}`), 'lockfile-mismatch', `${name} is locked at ${installed}, outside the range "${range}" of ${manifestFile}`);
      }
    }
    for (const name of Object.keys(locked)) {
      if (!(name in wanted)) finding(lockFile, lineOfKey(lockText, name, 'packages'), 'lockfile-mismatch', `${section}.${name} is locked but ${manifestFile} no longer asks for it: run npm install`);
    }
  }
  return findings;
}

export interface AuditOutcome {
  /** 'skipped' with a reason when the registry did not answer. */
  status: 'ran' | 'skipped';
  reason?: string;
  counts: Record<string, number>;
  /** Advisories at or above the level: package, severity, title. */
  advisories: Array<{ name: string; severity: string; title: string }>;
}

const LEVELS = ['info', 'low', 'moderate', 'high', 'critical'];

/** Reads `npm audit --json` output; network and registry errors become a skip with the reason. */
export function parseNpmAudit(stdout: string, level: string): AuditOutcome {
  let report: { error?: { code?: string; summary?: string; detail?: string }; message?: string; metadata?: { vulnerabilities?: Record<string, number> }; vulnerabilities?: Record<string, { name: string; severity: string; via: Array<string | { title?: string }> }> };
  try {
    report = JSON.parse(stdout || '{}') as typeof report;
  } catch {
    return { status: 'skipped', reason: `npm audit printed no JSON: ${stdout.slice(0, 200)}`, counts: {}, advisories: [] };
  }
  if (report.error || !report.metadata) {
    const detail = report.error?.summary || report.error?.detail || report.message || 'no audit metadata in the answer';
    const reason = report.error?.code ? `${report.error.code}: ${detail}` : detail;
    return { status: 'skipped', reason, counts: {}, advisories: [] };
  }
  const floor = LEVELS.indexOf(level);
  const advisories = Object.values(report.vulnerabilities ?? {})
    .filter((vulnerability) => LEVELS.indexOf(vulnerability.severity) >= floor)
    .map((vulnerability) => ({
      name: vulnerability.name,
      severity: vulnerability.severity,
      title: vulnerability.via.map((via) => (typeof via === 'string' ? `via ${via}` : via.title ?? '')).filter(Boolean).join('; ').slice(0, 200),
    }));
  return { status: 'ran', counts: report.metadata.vulnerabilities ?? {}, advisories };
}

/** npm's advisory severities to the risk model's: the worst advisory listed decides (moderate = medium). */
export function advisorySeverity(advisories: readonly { severity: string }[]): Severity {
  const mapped: Record<string, Severity> = { critical: 'critical', high: 'high', moderate: 'medium', low: 'low', info: 'low' };
  const order: Severity[] = ['critical', 'high', 'medium', 'low'];
  let worst: Severity = 'low';
  for (const advisory of advisories) {
    const severity = mapped[advisory.severity] ?? 'high';
    if (order.indexOf(severity) < order.indexOf(worst)) worst = severity;
  }
  return worst;
}
