import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/index.ts';
import type { AuditConfig } from '../config/sections/audit.ts';
import type { RiskRecorder } from '../risk/recorder.ts';
import type { Severity } from '../risk/types.ts';
import { listRepositoryFiles, type RepositoryListing, type ScanCounts } from './files.ts';
import { formatFinding, type Finding } from './findings.ts';

/** What every audit check works from: the config section, the repository and its file list. */
export interface AuditContext {
  root: string;
  config: AuditConfig;
  listing: RepositoryListing;
}

/** Listings by repository and options: the checks of one worker share one (names and sizes only). */
const listings = new Map<string, Promise<RepositoryListing>>();

/** A repository that is not there must fail every check loudly, never pass on zero files. */
export function assertRepository(root: string): void {
  let stats;
  try {
    stats = statSync(root);
  } catch (error) {
    throw new Error(`TARGET_REPO ${root} does not exist (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): set TARGET_REPO or audit.repository to the application's repository.`);
  }
  if (!stats.isDirectory()) throw new Error(`TARGET_REPO ${root} is not a folder: set TARGET_REPO or audit.repository to the application's repository.`);
  try {
    readdirSync(root);
  } catch (error) {
    throw new Error(`TARGET_REPO ${root} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check its permissions.`);
  }
}

export async function auditContext(target: ResolvedConfig): Promise<AuditContext> {
  const root = target.meta.repository;
  assertRepository(root);
  const options = { maxFileBytes: target.audit.maxFileBytes, exclude: target.audit.exclude };
  const key = JSON.stringify([root, options]);
  let listing = listings.get(key);
  if (!listing) {
    listing = listRepositoryFiles(root, options);
    listings.set(key, listing);
  }
  return { root, config: target.audit, listing: await listing };
}

/** The reports folder of this run (OUTPUT_ROOT, as the reporter resolves it). */
export function reportsDir(env: Record<string, string | undefined> = process.env): string {
  return path.join(path.resolve(env.OUTPUT_ROOT ?? '.'), 'reports');
}

const RANK: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };

export function worstSeverity(findings: readonly Finding[], fallback: Severity): Severity {
  let worst: Severity | undefined;
  for (const finding of findings) if (!worst || RANK[finding.severity] > RANK[worst]) worst = finding.severity;
  return worst ?? fallback;
}

/**
 * Findings with the config's severity for each rule (`severity["audit/lockfile/lockfile-missing"]`),
 * those set `off` dropped; the check the operation names (`<check>/<rule>` when one rule made them all).
 */
function judged(risk: RiskRecorder, check: string, findings: readonly Finding[]): { findings: Finding[]; check: string } {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const level = risk.severityOf(`${check}/${finding.rule}`, finding.severity);
    if (level !== 'off') kept.push(level === finding.severity ? finding : { ...finding, severity: level });
  }
  const rules = new Set(kept.map((finding) => finding.rule));
  return { findings: kept, check: rules.size === 1 ? `${check}/${[...rules][0]}` : check };
}

/** How many findings a failure message lists before it sums up the rest (all are in the evidence). */
const LISTED = 10;

export function describeFindings(findings: readonly Finding[]): string {
  const lines = findings.slice(0, LISTED).map(formatFinding);
  if (findings.length > LISTED) lines.push(`... and ${findings.length - LISTED} more`);
  return lines.join('\n');
}

/**
 * One operation of `check` (an id of lib/risk/checks: `audit/secrets`) for one examined unit (a
 * file, a rule, a service): pass when it has no finding, fail naming every finding's
 * file:line:column and rule otherwise, at the worst of their severities.
 */
export function recordExamined(risk: RiskRecorder, check: string, name: string, raw: readonly Finding[], metrics?: Record<string, number>): void {
  const { findings, check: named } = judged(risk, check, raw);
  if (findings.length === 0) {
    risk.pass(name, { check, ...(metrics ? { metrics } : {}) });
    return;
  }
  risk.fail(name, describeFindings(findings), {
    check: named,
    severity: worstSeverity(findings, 'low'),
    evidence: { findings: findings.slice(0, 200).map(formatFinding), total: findings.length },
    ...(metrics ? { metrics } : {}),
  });
}

/** Findings that only warn (documented-but-unused variables, triage at level warn). */
export function recordWarnings(risk: RiskRecorder, check: string, name: string, raw: readonly Finding[]): void {
  const { findings, check: named } = judged(risk, check, raw);
  if (findings.length === 0) return;
  risk.warn(name, describeFindings(findings), { check: named, severity: worstSeverity(findings, 'low'), evidence: { findings: findings.slice(0, 200).map(formatFinding), total: findings.length } });
}

/**
 * The scan's own bookkeeping, one operation: what the listing held, what was read and what was
 * skipped (oversized, binary, missing), so nothing is dropped silently.
 */
export function recordCoverage(risk: RiskRecorder, check: string, context: AuditContext, counts: ScanCounts): void {
  const skipped = context.listing.skipped;
  const byReason = (reason: string) => skipped.filter((file) => file.reason === reason).length;
  const name = `${check}: files examined (${context.listing.source})`;
  if (context.listing.files.length + skipped.length === 0) {
    // A check over no file cannot fail: an empty listing is a misdirected audit, never a pass.
    risk.fail(name, `no file to examine in ${context.root} (${context.listing.source === 'git' ? 'git ls-files' : 'a walk honouring .gitignore'} listed none after audit.exclude): point TARGET_REPO or audit.repository at the application's sources`, { check: 'audit/files-examined' });
    return;
  }
  risk.pass(name, {
    check: 'audit/files-examined',
    metrics: {
      filesListed: context.listing.files.length + skipped.length,
      filesExamined: counts.examined,
      bytesExamined: counts.bytes,
      skippedBinary: byReason('binary') + counts.skippedBinary,
      skippedOversized: byReason('oversized'),
      skippedMissing: byReason('missing'),
    },
    evidence: { repository: context.root, skipped: skipped.slice(0, 50).map((file) => `${file.path} (${file.reason})`) },
  });
}
