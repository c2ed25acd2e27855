import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseExecutionLog, type GateRecord, type RunRecord } from '../../lib/log/index.ts';
import { chronological, parseHistory, type HistoryEntry } from '../../lib/ops/history.ts';
import { appendLines, parseReviews, type ParsedReviews, type ReviewRecord } from '../../lib/review/log.ts';
import { computeReadiness, type Readiness, type SignOffPlan } from '../../lib/review/readiness.ts';
import { renderMarkdown, type ExecutiveSummary } from '../../lib/summary/index.ts';
import { UserError } from '../dashboard/cli.ts';
import { reportsDirFromEnv } from '../dashboard/source.ts';
import { REVIEWS_FILE, verdictReadiness } from '../../reporters/readiness.ts';
import { writeFileAtomic } from '../../reporters/output.ts';

export { reportsDirFromEnv };

/** A finished run as a review reads it: who must sign, how its gates ended, and which run is newest. */
export interface RunForReview {
  runId: string;
  target: string;
  environment: string;
  verdict: string;
  gates: Record<string, string>;
  plan: SignOffPlan[];
  /** The newest run of the same target and environment. */
  latestRunId: string;
}

function history(reportsDir: string): HistoryEntry[] {
  const file = path.join(reportsDir, 'history.jsonl');
  if (!existsSync(file)) throw new UserError(`no ${path.relative(process.cwd(), file) || file}: run the gates first (reviews sign off a finished run)`);
  return chronological(parseHistory(readFileSync(file, 'utf8')).entries);
}

/** Finds a run by id (or `latest`) in history.jsonl and reads its plan and gates from its execution log. */
export function loadRun(reportsDir: string, runArg: string): RunForReview {
  const entries = history(reportsDir);
  const entry = runArg === 'latest' ? entries.at(-1) : entries.find((e) => e.run_id === runArg);
  if (!entry) throw new UserError(`no run ${runArg} in ${path.join(reportsDir, 'history.jsonl')}; recent runs: ${entries.slice(-5).map((e) => e.run_id).join(', ') || 'none'}`);
  const logFile = path.resolve(reportsDir, entry.log);
  if (!existsSync(logFile)) throw new UserError(`the execution log of run ${entry.run_id} (${logFile}) is gone: its sign-off plan cannot be read`);
  const records = parseExecutionLog(readFileSync(logFile, 'utf8'), path.basename(logFile)).records;
  const run = records.find((r): r is RunRecord => r.type === 'run');
  const gates = Object.fromEntries(records.filter((r): r is GateRecord => r.type === 'gate').map((g) => [g.gate, g.status]));
  if (!run?.sign_offs) throw new UserError(`run ${entry.run_id} recorded no sign-off plan (it ran before review.signOffs existed): review a newer run`);
  const latest = entries.filter((e) => e.target === entry.target && e.environment === entry.environment).at(-1);
  return { runId: entry.run_id, target: entry.target, environment: entry.environment, verdict: entry.verdict, gates, plan: run.sign_offs, latestRunId: latest?.run_id ?? entry.run_id };
}

export function readReviews(reportsDir: string): ParsedReviews {
  const file = path.join(reportsDir, REVIEWS_FILE);
  return existsSync(file) ? parseReviews(readFileSync(file, 'utf8')) : { decisions: [] };
}

/** Readiness of a run from reviews.jsonl as it is now. */
export function readinessNow(reportsDir: string, run: Pick<RunForReview, 'runId' | 'plan' | 'gates'>): Readiness {
  const reviews = readReviews(reportsDir);
  return computeReadiness(run.plan, run.runId, run.gates, reviews.decisions, reviews.tampered);
}

/** Who ran the command: what an auditor asks after "who approved". */
export function recordedBy(): ReviewRecord['recorded_by'] {
  let gitEmail: string | null = null;
  try {
    gitEmail = execFileSync('git', ['config', 'user.email'], { timeout: 3_000, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    // no git, or no user.email
  }
  return { user: os.userInfo().username, host: os.hostname(), git_email: gitEmail };
}

/**
 * Appends one record under a lock file, so two reviewers signing at once cannot both chain to the
 * same line. A lock older than 30 s is a crashed command's and is taken over.
 */
export async function appendReview(reportsDir: string, record: Omit<ReviewRecord, 'prev_sha256' | 'type'>): Promise<void> {
  const file = path.join(reportsDir, REVIEWS_FILE);
  const lock = `${file}.lock`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 30_000) unlinkSync(lock);
      else if (attempt > 100) throw new UserError(`${lock} is held by another review command: try again`);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const fd = openSync(file, 'a');
    try {
      writeSync(fd, appendLines(existing, record, new Date()));
    } finally {
      closeSync(fd);
    }
  } finally {
    unlinkSync(lock);
  }
}

/** verdict.json and the executive summary show readiness: rewritten when they are this run's. */
export function refreshReports(reportsDir: string, run: RunForReview, readiness: Readiness): string[] {
  const updated: string[] = [];
  const verdictFile = path.join(reportsDir, 'verdict.json');
  if (existsSync(verdictFile)) {
    const verdict = JSON.parse(readFileSync(verdictFile, 'utf8')) as { run_id?: string };
    if (verdict.run_id === run.runId) {
      writeFileAtomic(verdictFile, `${JSON.stringify({ ...verdict, readiness: verdictReadiness(readiness, run.plan, run.gates) }, null, 2)}\n`);
      updated.push(verdictFile);
    }
  }
  const summaryFile = path.join(reportsDir, 'executive-summary.json');
  if (existsSync(summaryFile)) {
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as ExecutiveSummary;
    if (summary.run?.runId === run.runId) {
      summary.run.readiness = readiness;
      writeFileAtomic(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
      writeFileAtomic(path.join(reportsDir, 'executive-summary.md'), renderMarkdown(summary));
      updated.push(summaryFile, path.join(reportsDir, 'executive-summary.md'));
    }
  }
  return updated;
}
