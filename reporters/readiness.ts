import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReviews } from '../lib/review/log.ts';
import { computeReadiness, type Readiness, type SignOffPlan } from '../lib/review/readiness.ts';
import type { GateResult } from '../lib/risk/types.ts';

export const REVIEWS_FILE = 'reviews.jsonl';

/** How each gate of the run ended, as readiness and the review command read it. */
export function gateStatuses(gates: readonly Pick<GateResult, 'gate' | 'status'>[]): Record<string, string> {
  return Object.fromEntries(gates.map((gate) => [gate.gate, gate.status]));
}

/** Readiness of a run from the reviews recorded so far in the reports folder (none yet, for a run just ended, unless RUN_ID was reused). */
export function readinessOf(reportsDir: string, plan: readonly SignOffPlan[], runId: string, gates: Record<string, string>): Readiness {
  let text = '';
  try {
    text = readFileSync(path.join(reportsDir, REVIEWS_FILE), 'utf8');
  } catch {
    // no review yet
  }
  const reviews = parseReviews(text);
  return computeReadiness(plan, runId, gates, reviews.decisions, reviews.tampered);
}

/** The readiness block of verdict.json. */
export function verdictReadiness(readiness: Readiness, plan: readonly SignOffPlan[], gates: Record<string, string>) {
  return { state: readiness.state, required: readiness.required, pending: readiness.pending, discrepancies: readiness.discrepancies, sign_offs: plan, gates };
}
