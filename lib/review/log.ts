import { createHash } from 'node:crypto';
import type { Discrepancy, ReviewDecision } from './readiness.ts';

/*
 * reports/reviews.jsonl, the review aggregator: a header, then one record per decision, append
 * only. Each record carries the SHA-256 of the line before it, so an edited or deleted line breaks
 * the chain and readiness says so instead of trusting it.
 */
export const REVIEWS_SCHEMA = 'meta-orchestrator/reviews';
export const REVIEWS_VERSION = 1;

export interface ReviewsHeader {
  type: 'header';
  schema: typeof REVIEWS_SCHEMA;
  version: number;
  created: string;
}

export interface ReviewRecord extends ReviewDecision {
  type: 'review';
  target: string;
  environment: string;
  /** The gates the sign-off covers, and how each ended in the run. */
  gates: Record<string, string>;
  run_verdict: string;
  /** The newest run of the target when this was recorded. */
  latest_run_id: string | null;
  /** Who ran the command (the operating system's user and host, git's user.email when set). */
  recorded_by: { user: string; host: string; git_email: string | null };
  prev_sha256: string;
}

export interface ParsedReviews {
  decisions: ReviewRecord[];
  /** Why the file cannot be trusted (a broken chain, an unknown schema); undefined when it verifies. */
  tampered?: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function headerLine(now: Date): string {
  const header: ReviewsHeader = { type: 'header', schema: REVIEWS_SCHEMA, version: REVIEWS_VERSION, created: now.toISOString() };
  return JSON.stringify(header);
}

/** The line to append after `existing` (the file's text, '' when new): the header first when needed. */
export function appendLines(existing: string, record: Omit<ReviewRecord, 'prev_sha256' | 'type'>, now: Date): string {
  const lines = existing.split('\n').filter((line) => line.trim() !== '');
  const out: string[] = [];
  if (lines.length === 0) {
    lines.push(headerLine(now));
    out.push(lines[0]!);
  }
  const full: ReviewRecord = { type: 'review', ...record, prev_sha256: sha256(lines[lines.length - 1]!) };
  out.push(JSON.stringify(full));
  return `${out.join('\n')}\n`;
}

/** Reads reviews.jsonl and verifies its chain; a file that does not verify yields no decision. */
export function parseReviews(text: string): ParsedReviews {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return { decisions: [] };
  let header: Partial<ReviewsHeader>;
  try {
    header = JSON.parse(lines[0]!) as Partial<ReviewsHeader>;
  } catch {
    return { decisions: [], tampered: 'line 1 is not JSON' };
  }
  if (header.type !== 'header' || header.schema !== REVIEWS_SCHEMA) return { decisions: [], tampered: 'line 1 is not a reviews header' };
  if ((header.version ?? 0) > REVIEWS_VERSION) return { decisions: [], tampered: `version ${header.version} is newer than this suite reads (${REVIEWS_VERSION})` };
  const decisions: ReviewRecord[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    let record: ReviewRecord;
    try {
      record = JSON.parse(lines[index]!) as ReviewRecord;
    } catch {
      return { decisions: [], tampered: `line ${index + 1} is not JSON` };
    }
    if (record.prev_sha256 !== sha256(lines[index - 1]!)) return { decisions: [], tampered: `line ${index + 1} does not follow line ${index} (a line was edited, removed or inserted)` };
    decisions.push({ ...record, discrepancies: Array.isArray(record.discrepancies) ? record.discrepancies as Discrepancy[] : [] });
  }
  return { decisions };
}
