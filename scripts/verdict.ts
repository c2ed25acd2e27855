import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseReviews } from '../lib/review/log.ts';
import { computeReadiness, describeReadiness, type Readiness, type SignOffPlan } from '../lib/review/readiness.ts';
import { REVIEWS_FILE } from '../reporters/readiness.ts';

/**
 * `npm run verdict [-- --require-reviews [--wait <seconds>]] [verdict.json]`: exits by the verdict the
 * risk reporter wrote (merge-reports does not exit non-zero on failures, so CI asks this instead).
 * With --require-reviews it also exits 2 while production readiness is ON HOLD, so a deploy job
 * can wait for the reviewers; readiness never turns a blocking verdict into a pass.
 */
interface VerdictFile {
  verdict?: string;
  exit_code?: number;
  risk_rate?: number;
  reasons?: string[];
  run_id?: string;
  readiness?: { sign_offs?: SignOffPlan[]; gates?: Record<string, string> };
}

const ON_HOLD_EXIT = 2;

function readiness(reports: string, verdict: VerdictFile): Readiness | string {
  const plan = verdict.readiness?.sign_offs;
  if (!plan || !verdict.readiness?.gates) return 'the verdict file has no sign-off plan (written before review.signOffs existed): run the gates again';
  if (plan.length === 0) return 'review.signOffs names no sign-off, so there is nothing to wait for: configure the reviewers, or drop --require-reviews';
  let text = '';
  try {
    text = readFileSync(path.join(reports, REVIEWS_FILE), 'utf8');
  } catch {
    // no review yet: every sign-off is pending
  }
  const reviews = parseReviews(text);
  return computeReadiness(plan, verdict.run_id ?? '', verdict.readiness.gates, reviews.decisions, reviews.tampered);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'require-reviews': { type: 'boolean' }, wait: { type: 'string' } } });
  const reports = process.env.REPORTS_DIR || path.join(process.env.OUTPUT_ROOT || '.', 'reports');
  const file = path.resolve(positionals[0] ?? path.join(reports, 'verdict.json'));
  let verdict: VerdictFile;
  try {
    verdict = JSON.parse(readFileSync(file, 'utf8')) as VerdictFile;
  } catch (error) {
    console.error(`No verdict to read at ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): run the gates or merge-reports first.`);
    return 1;
  }
  if (typeof verdict.verdict !== 'string' || (verdict.exit_code !== 0 && verdict.exit_code !== 1)) {
    console.error(`${file} is not a verdict written by the risk reporter.`);
    return 1;
  }
  console.log(`Verdict ${verdict.verdict} (run ${verdict.run_id}, risk rate ${verdict.risk_rate?.toFixed(2)} %): ${(verdict.reasons ?? []).join('; ')}`);
  if (verdict.exit_code !== 0 || !values['require-reviews']) return verdict.exit_code;
  const waitSeconds = Number(values.wait ?? 0);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    console.error(`--wait must be a number of seconds, got "${values.wait}"`);
    return 1;
  }
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const state = readiness(path.dirname(file), verdict);
    if (typeof state === 'string') {
      console.error(`Production readiness cannot be judged: ${state}.`);
      return ON_HOLD_EXIT;
    }
    console.log(`Production readiness: ${describeReadiness(state)}`);
    for (const d of state.discrepancies) console.log(`  DISCREPANCY (${d.kind}): ${d.reviewer} on ${d.signOff} ${d.message}`);
    if (state.state === 'READY') return 0;
    if (Date.now() >= deadline) return ON_HOLD_EXIT;
    await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, Math.max(1_000, deadline - Date.now()))));
  }
}

process.exitCode = await main();
