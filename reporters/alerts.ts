import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWebhookPayload, detectQualityAlerts, notifyReason, type ReportLinks } from '../lib/ops/alerts.ts';
import { parseHistory, previousVerdict } from '../lib/ops/history.ts';
import { attemptBudget, backoffDelays, isRetryable, policyFromEnv, type RetryPolicy } from '../lib/ops/retry.ts';
import type { ExecutiveSummary } from '../lib/summary/build.ts';

export interface SendAlertsInput {
  summary: ExecutiveSummary;
  /** The verdict of the previous run (read from history.jsonl before this run's line is appended). */
  previousVerdict: string | undefined;
  reportsDir: string;
  env: Record<string, string | undefined>;
}

export interface SendAlertsResult {
  webhook: { status: 'disabled' | 'not-needed' | 'sent' | 'failed'; attempts: number; detail: string; elapsedMs: number };
  qualityAlerts: number;
  alertsFile: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Never written to a log: the webhook's path and query are its secret. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/...`;
  } catch {
    return 'the webhook URL';
  }
}

/** Posts `body` with bounded retries and backoff; resolves within the policy's total time bound. */
export async function postWithRetry(url: string, body: unknown, policy: RetryPolicy): Promise<{ ok: boolean; attempts: number; detail: string; elapsedMs: number }> {
  const started = Date.now();
  let attempts = 0;
  let detail = 'not attempted';
  for (const delay of backoffDelays(policy)) {
    if (delay > 0) {
      if (Date.now() - started + delay >= policy.totalTimeoutMs) break;
      await sleep(delay);
    }
    const budget = attemptBudget(policy, Date.now() - started);
    if (budget <= 0) break;
    attempts += 1;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budget);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, attempts, detail: `HTTP ${response.status}`, elapsedMs: Date.now() - started };
      detail = `HTTP ${response.status}`;
      if (!isRetryable({ status: response.status })) break;
    } catch (error) {
      detail = controller.signal.aborted ? `no answer within ${budget} ms` : (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    } finally {
      clearTimeout(timer);
    }
  }
  return { ok: false, attempts, detail, elapsedMs: Date.now() - started };
}

/** The previous verdict of the same target and environment; call it before this run's history line is written. */
export function readPreviousVerdict(reportsDir: string, target?: { name: string; environment: string }): string | undefined {
  try {
    const file = path.join(reportsDir, 'history.jsonl');
    if (!existsSync(file)) return undefined;
    return previousVerdict(parseHistory(readFileSync(file, 'utf8')).entries, target);
  } catch {
    return undefined;
  }
}

function reportLinks(summary: ExecutiveSummary, reportsDir: string, env: Record<string, string | undefined>): ReportLinks {
  const base = env.REPORT_BASE_URL?.replace(/\/+$/, '');
  const link = (file: string | undefined) => {
    if (!file) return undefined;
    const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
    return base ? `${base}/${relative.split(path.sep).join('/')}` : relative;
  };
  return {
    summary: link(path.join(reportsDir, 'executive-summary.md')),
    log: link(summary.run.reports.log),
    html: link(summary.run.reports.html),
    allure: link(summary.run.reports.allure),
  };
}

/**
 * Called by the risk reporter at the end of a run. Writes the quality inspector's alerts to
 * `alerts.jsonl` and, with WEBHOOK_URL set, posts the verdict on WARNING, CRITICAL and the first
 * PASS after them. Never throws and never takes longer than the webhook's total time bound.
 */
export async function sendAlerts(input: SendAlertsInput): Promise<SendAlertsResult> {
  const result: SendAlertsResult = { webhook: { status: 'disabled', attempts: 0, detail: 'WEBHOOK_URL is not set', elapsedMs: 0 }, qualityAlerts: 0, alertsFile: null };
  try {
    const alerts = detectQualityAlerts(input.summary);
    if (alerts.length > 0) {
      mkdirSync(input.reportsDir, { recursive: true });
      const file = path.join(input.reportsDir, 'alerts.jsonl');
      appendFileSync(file, alerts.map((a) => `${JSON.stringify(a)}\n`).join(''));
      result.qualityAlerts = alerts.length;
      result.alertsFile = file;
    }
  } catch (error) {
    console.error(`Alerts: could not write the quality alerts: ${(error as Error).message}`);
  }
  const url = input.env.WEBHOOK_URL?.trim();
  if (!url) return result;
  try {
    const reason = notifyReason(input.summary.verdict, input.previousVerdict);
    if (!reason) {
      result.webhook = { status: 'not-needed', attempts: 0, detail: `PASS after ${input.previousVerdict ?? 'no previous run'}: nothing to announce`, elapsedMs: 0 };
      return result;
    }
    const payload = buildWebhookPayload(input.summary, { reason, previousVerdict: input.previousVerdict, links: reportLinks(input.summary, input.reportsDir, input.env) });
    const sent = await postWithRetry(url, payload, policyFromEnv(input.env));
    result.webhook = { status: sent.ok ? 'sent' : 'failed', attempts: sent.attempts, detail: sent.detail, elapsedMs: sent.elapsedMs };
    if (!sent.ok) console.error(`Alerts: the webhook at ${redactUrl(url)} was not reached after ${sent.attempts} attempt(s) in ${sent.elapsedMs} ms (${sent.detail}); the run's verdict stands.`);
  } catch (error) {
    result.webhook = { status: 'failed', attempts: result.webhook.attempts, detail: (error as Error).message, elapsedMs: 0 };
    console.error(`Alerts: the webhook failed: ${(error as Error).message}; the run's verdict stands.`);
  }
  return result;
}
