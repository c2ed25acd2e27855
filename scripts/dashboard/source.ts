import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseExecutionLog, type ParsedLog } from '../../lib/log/index.ts';
import { parseHistory, type HistoryEntry } from '../../lib/ops/history.ts';
import { parseReviews, type ParsedReviews } from '../../lib/review/log.ts';
import type { TargetView } from '../../lib/ops/overview.ts';
import { buildDashboardView, type DashboardView } from '../../lib/ops/view.ts';
import { UserError } from './cli.ts';

/** Where the reporter writes: REPORTS_DIR, else OUTPUT_ROOT/reports, else ./reports (as playwright.config.ts does). */
export function reportsDirFromEnv(env: Record<string, string | undefined> = process.env): string {
  if (env.REPORTS_DIR) return path.resolve(env.REPORTS_DIR);
  return path.resolve(env.OUTPUT_ROOT ?? '.', 'reports');
}

export interface LogSource {
  /** The path given (e.g. latest.jsonl, a symlink re-pointed by every new run). */
  logPath: string;
  reportsDir: string;
}

export function logSource(logFlag: string | undefined, env: Record<string, string | undefined> = process.env): LogSource {
  if (logFlag) {
    const logPath = path.resolve(logFlag);
    return { logPath, reportsDir: path.dirname(logPath) };
  }
  const reportsDir = reportsDirFromEnv(env);
  return { logPath: path.join(reportsDir, 'latest.jsonl'), reportsDir };
}

export function readHistory(reportsDir: string): HistoryEntry[] {
  const file = path.join(reportsDir, 'history.jsonl');
  if (!existsSync(file)) return [];
  return parseHistory(readFileSync(file, 'utf8')).entries;
}

export function readLog(logPath: string): ParsedLog {
  if (!existsSync(logPath)) throw new UserError(`no execution log at ${path.relative(process.cwd(), logPath) || logPath}: run the suite first, or pass --log <path>`);
  if (statSync(logPath).isDirectory()) throw new UserError(`${logPath} is a folder, not an execution log`);
  return parseExecutionLog(readFileSync(logPath, 'utf8'), path.basename(logPath));
}

export function readReviewLog(reportsDir: string): ParsedReviews {
  const file = path.join(reportsDir, 'reviews.jsonl');
  return existsSync(file) ? parseReviews(readFileSync(file, 'utf8')) : { decisions: [] };
}

export function loadView(source: LogSource, now = new Date(), activityLines = 8): DashboardView {
  return buildDashboardView(readLog(source.logPath), { now, history: readHistory(source.reportsDir), activityLines, reviews: readReviewLog(source.reportsDir) });
}

/** Size, mtime and real target of the log and the history: changes when either moves on. */
export function fingerprint(source: LogSource): string {
  const parts: string[] = [];
  // A sign-off changes readiness: the reviews file moves the view on too.
  for (const file of [source.logPath, path.join(source.reportsDir, 'history.jsonl'), path.join(source.reportsDir, 'reviews.jsonl')]) {
    try {
      const stat = statSync(file);
      parts.push(`${realpathSync(file)}:${stat.size}:${stat.mtimeMs}`);
    } catch {
      parts.push(`${file}:absent`);
    }
  }
  return parts.join('|');
}

/** The targets of a workspace run: the folders of the reports holding a latest.jsonl. */
export function workspaceTargetIds(reportsDir: string): string[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(reportsDir, entry.name, 'latest.jsonl')))
    .map((entry) => entry.name)
    .sort();
}

export interface WorkspaceOverview {
  targets: TargetView[];
  /** The release verdict, once the run has written it. */
  release?: { verdict: string; reasons: string[]; runId?: string };
}

/** Every target's view (or why it has none) and the release verdict: what both dashboards show side by side. */
export function loadOverview(reportsDir: string, now = new Date()): WorkspaceOverview {
  const targets: TargetView[] = workspaceTargetIds(reportsDir).map((id) => {
    const dir = path.join(reportsDir, id);
    try {
      return { id, view: loadView({ logPath: path.join(dir, 'latest.jsonl'), reportsDir: dir }, now) };
    } catch (error) {
      return { id, problem: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
  });
  try {
    const verdict = JSON.parse(readFileSync(path.join(reportsDir, 'verdict.json'), 'utf8')) as { verdict?: unknown; reasons?: unknown; run_id?: unknown };
    if (typeof verdict.verdict === 'string') {
      return { targets, release: { verdict: verdict.verdict, reasons: Array.isArray(verdict.reasons) ? verdict.reasons.map(String) : [], ...(typeof verdict.run_id === 'string' ? { runId: verdict.run_id } : {}) } };
    }
  } catch {
    // no release verdict yet: the run is still going
  }
  return { targets };
}

/** Changes when any target's log, history or reviews move on, or the release verdict is written. */
export function workspaceFingerprint(reportsDir: string): string {
  const parts = workspaceTargetIds(reportsDir).map((id) => fingerprint({ logPath: path.join(reportsDir, id, 'latest.jsonl'), reportsDir: path.join(reportsDir, id) }));
  try {
    const stat = statSync(path.join(reportsDir, 'verdict.json'));
    parts.push(`verdict:${stat.size}:${stat.mtimeMs}`);
  } catch {
    parts.push('verdict:absent');
  }
  return parts.join('||');
}
