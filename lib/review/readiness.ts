import type { ReviewConfig } from '../config/sections/review.ts';

/*
 * Production readiness: whether the people named in the config signed off a run. It sits next to
 * the verdict and never changes it: a PASS can wait ON HOLD, a CRITICAL stays CRITICAL.
 */

/** A sign-off as a run records it (its name resolved): the plan the run was judged against. */
export interface SignOffPlan {
  name: string;
  gates: string[];
  reviewers: string[];
  approvals: number;
}

export type ReadinessState = 'READY' | 'ON HOLD';
export type DiscrepancyKind = 'gate-failed' | 'not-latest';

export interface Discrepancy {
  kind: DiscrepancyKind;
  message: string;
}

/** One decision, as reviews.jsonl keeps it (the fields readiness reads). */
export interface ReviewDecision {
  run_id: string;
  sign_off: string;
  decision: 'approve' | 'reject';
  reviewer: string;
  note: string;
  time: string;
  discrepancies: Discrepancy[];
}

export interface SignOffStatus {
  name: string;
  gates: string[];
  status: 'approved' | 'rejected' | 'missing' | 'not-run';
  approvedBy: string[];
  rejectedBy: { reviewer: string; note: string }[];
  /** Approvals that do not count, with why (a discrepancy). */
  flagged: { reviewer: string; discrepancies: string[] }[];
  needed: number;
  reviewers: string[];
}

export interface Readiness {
  state: ReadinessState;
  /** False when the config names no sign-off: READY, with nothing to wait for. */
  required: boolean;
  signOffs: SignOffStatus[];
  /** One line each: what holds the release. */
  pending: string[];
  discrepancies: { reviewer: string; signOff: string; kind: DiscrepancyKind; message: string }[];
  /** Set when reviews.jsonl does not verify: nothing in it can be trusted. */
  tampered?: string;
}

export function planOf(config: ReviewConfig): SignOffPlan[] {
  return config.signOffs.map((entry) => ({ name: entry.name ?? entry.gates[0]!, gates: [...entry.gates], reviewers: [...entry.reviewers], approvals: entry.approvals }));
}

const PASSING = new Set(['passed', 'skipped']);

/** What is wrong with an approval of `plan` for a run whose gates ended as `gates`, signed when `latestRunId` was newest. */
export function discrepanciesOf(plan: SignOffPlan, runId: string, gates: Readonly<Record<string, string>>, latestRunId: string | undefined): Discrepancy[] {
  const found: Discrepancy[] = [];
  const failed = plan.gates.filter((gate) => gates[gate] !== undefined && !PASSING.has(gates[gate]!));
  if (failed.length > 0) found.push({ kind: 'gate-failed', message: `approves ${failed.map((gate) => `${gate} (${gates[gate]})`).join(', ')}, which did not pass in run ${runId}` });
  if (latestRunId && latestRunId !== runId) found.push({ kind: 'not-latest', message: `approves run ${runId}, but ${latestRunId} is the latest run of its target` });
  return found;
}

/**
 * Readiness of one run: every sign-off approved by enough of its reviewers (each reviewer's last
 * decision counts), none rejected. An approval flagged with a discrepancy is listed, never counted.
 */
export function computeReadiness(plan: readonly SignOffPlan[], runId: string, gates: Readonly<Record<string, string>>, decisions: readonly ReviewDecision[], tampered?: string): Readiness {
  const signOffs: SignOffStatus[] = plan.map((signOff) => {
    const latest = new Map<string, ReviewDecision>();
    for (const decision of decisions) {
      if (decision.run_id === runId && decision.sign_off === signOff.name && signOff.reviewers.includes(decision.reviewer)) latest.set(decision.reviewer, decision);
    }
    const final = [...latest.values()];
    const rejectedBy = final.filter((d) => d.decision === 'reject').map((d) => ({ reviewer: d.reviewer, note: d.note }));
    const approvals = final.filter((d) => d.decision === 'approve');
    const flagged = approvals.filter((d) => d.discrepancies.length > 0).map((d) => ({ reviewer: d.reviewer, discrepancies: d.discrepancies.map((x) => x.message) }));
    const approvedBy = approvals.filter((d) => d.discrepancies.length === 0).map((d) => d.reviewer);
    const notRun = signOff.gates.filter((gate) => gates[gate] === undefined);
    const status: SignOffStatus['status'] = notRun.length > 0 ? 'not-run' : rejectedBy.length > 0 ? 'rejected' : approvedBy.length >= signOff.approvals ? 'approved' : 'missing';
    return { name: signOff.name, gates: signOff.gates, status, approvedBy, rejectedBy, flagged, needed: signOff.approvals, reviewers: signOff.reviewers };
  });
  const pending = tampered ? [`reviews.jsonl does not verify: ${tampered}`] : [];
  for (const s of signOffs) {
    if (s.status === 'approved') continue;
    if (s.status === 'not-run') pending.push(`${s.name}: ${s.gates.filter((g) => gates[g] === undefined).join(', ')} did not run in ${runId}, so it cannot be signed off`);
    else if (s.status === 'rejected') pending.push(`${s.name}: rejected by ${s.rejectedBy.map((r) => `${r.reviewer}${r.note ? ` ("${r.note}")` : ''}`).join(', ')}`);
    else pending.push(`${s.name}: ${s.approvedBy.length} of ${s.needed} approval(s), from ${s.reviewers.join(' or ')}${s.flagged.length ? `; not counted: ${s.flagged.map((f) => `${f.reviewer} (${f.discrepancies.join('; ')})`).join(', ')}` : ''}`);
  }
  const discrepancies = decisions
    .filter((d) => d.run_id === runId)
    .flatMap((d) => d.discrepancies.map((x) => ({ reviewer: d.reviewer, signOff: d.sign_off, kind: x.kind, message: x.message })));
  return { state: pending.length === 0 ? 'READY' : 'ON HOLD', required: plan.length > 0, signOffs, pending, discrepancies, ...(tampered ? { tampered } : {}) };
}

/** One line: "READY", "READY (no sign-off required)" or "ON HOLD pending ...". */
export function describeReadiness(readiness: Readiness): string {
  if (readiness.state === 'READY') return readiness.required ? `READY: signed off (${readiness.signOffs.map((s) => `${s.name} by ${s.approvedBy.join(', ')}`).join('; ')})` : 'READY (no sign-off required: review.signOffs is empty)';
  return `ON HOLD pending ${readiness.pending.join('; ')}`;
}
