import type { ExecutiveSummary } from '../summary/build.ts';
import { formatRate } from '../risk/rate.ts';
import type { Verdict } from '../risk/types.ts';

export type NotifyReason = 'critical' | 'warning' | 'recovered';

/** WARNING and CRITICAL always; a PASS only when it ends a streak of them (the "recovered" message). */
export function notifyReason(verdict: Verdict, previous: string | undefined): NotifyReason | undefined {
  if (verdict === 'CRITICAL') return 'critical';
  if (verdict === 'WARNING') return 'warning';
  if (previous === 'WARNING' || previous === 'CRITICAL') return 'recovered';
  return undefined;
}

export interface ReportLinks {
  summary?: string;
  log?: string;
  html?: string;
  allure?: string;
  dashboard?: string;
}

export interface FailedCheck {
  task_id: string;
  gate: string;
  check: string;
  severity: string;
  message: string;
}

/** The webhook body: Slack-compatible (`text`, `attachments[].fields`) plus the same facts as plain fields. */
export interface WebhookPayload {
  text: string;
  verdict: Verdict;
  previous_verdict: string | null;
  reason: NotifyReason;
  risk_rate: number;
  risk: string;
  run_id: string;
  target: string;
  environment: string;
  mode: string;
  reasons: string[];
  failed_checks: FailedCheck[];
  failed_checks_total: number;
  blocked_gates: string[];
  report_links: ReportLinks;
  attachments: { color: string; fields: { title: string; value: string; short: boolean }[] }[];
}

const COLOUR: Record<Verdict, string> = { PASS: '#2e9e5b', WARNING: '#d8a200', CRITICAL: '#d2373c' };
const HEADLINE: Record<NotifyReason, string> = {
  critical: 'CRITICAL: the deploy is blocked',
  warning: 'WARNING: the build may ship, the warnings need an owner',
  recovered: 'PASS again: the release gate recovered',
};

function oneLine(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 3)}...` : flat;
}

export function buildWebhookPayload(summary: ExecutiveSummary, input: { reason: NotifyReason; previousVerdict: string | undefined; links: ReportLinks; maxChecks?: number }): WebhookPayload {
  const { run, result } = summary;
  const maxChecks = input.maxChecks ?? 10;
  // Failures that stopped the chain first, then the findings that spent the error budget.
  const checks = [...result.failures, ...(result.findings ?? [])];
  const failed: FailedCheck[] = checks.slice(0, maxChecks).map((f) => ({
    task_id: f.taskId, gate: f.gate, check: f.operation, severity: f.severity, message: oneLine(f.message, 300),
  }));
  const risk = formatRate(summary.riskRate);
  const lines = [
    `*${HEADLINE[input.reason]}* on ${run.target.name} (${run.target.environment}), mode ${run.mode}, risk rate ${risk}.`,
    ...summary.reasons.slice(0, 5).map((r) => `- ${r}`),
    ...failed.slice(0, 5).map((f) => `x ${f.task_id}: ${f.check}: ${oneLine(f.message, 140)}`),
  ];
  if (checks.length > 5) lines.push(`... ${checks.length - 5} more failed check(s)`);
  const links = Object.entries(input.links).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0);
  if (links.length > 0) lines.push(`Reports: ${links.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return {
    text: lines.join('\n'),
    verdict: summary.verdict,
    previous_verdict: input.previousVerdict ?? null,
    reason: input.reason,
    risk_rate: summary.riskRate,
    risk,
    run_id: run.runId,
    target: run.target.name,
    environment: run.target.environment,
    mode: run.mode,
    reasons: summary.reasons,
    failed_checks: failed,
    failed_checks_total: checks.length,
    blocked_gates: result.blockedGates,
    report_links: Object.fromEntries(links),
    attachments: [{
      color: COLOUR[summary.verdict],
      fields: [
        { title: 'Verdict', value: summary.verdict, short: true },
        { title: 'Risk rate', value: risk, short: true },
        { title: 'Failed checks', value: `${result.failures.length} stopped the chain, ${result.findings?.length ?? 0} finding(s)`, short: true },
        { title: 'Run', value: run.runId, short: true },
        ...links.map(([k, v]) => ({ title: `Report: ${k}`, value: v, short: false })),
      ],
    }],
  };
}

export type QualityAlertKind = 'hollow-check' | 'expired-waiver' | 'flaky-task' | 'gate-not-run';

/** One line of `reports/alerts.jsonl`. */
export interface QualityAlert {
  type: 'quality-alert';
  kind: QualityAlertKind;
  run_id: string;
  time: string;
  gate: string | null;
  task_id: string | null;
  message: string;
}

const WARNING_KINDS: Partial<Record<string, QualityAlertKind>> = { hollow: 'hollow-check', 'waiver-expired': 'expired-waiver', flaky: 'flaky-task' };
const NOT_RUN: readonly string[] = ['blocked', 'skipped', 'interrupted'];

/**
 * The quality inspector: signs that the suite itself is weaker than its verdict says: checks that
 * looked at nothing, waivers past their date, tasks that pass only on retry, gates that never ran.
 */
export function detectQualityAlerts(summary: ExecutiveSummary): QualityAlert[] {
  const base = { type: 'quality-alert' as const, run_id: summary.run.runId, time: summary.run.endTime };
  const alerts: QualityAlert[] = [];
  for (const warning of summary.result.warnings) {
    const kind = WARNING_KINDS[warning.kind];
    if (kind) alerts.push({ ...base, kind, gate: warning.gate ?? null, task_id: warning.taskId ?? null, message: warning.message });
  }
  const blocked = new Set(summary.result.blockedGates);
  for (const gate of summary.result.gates) {
    if (!NOT_RUN.includes(gate.status) && !blocked.has(gate.gate)) continue;
    blocked.delete(gate.gate);
    alerts.push({ ...base, kind: 'gate-not-run', gate: gate.gate, task_id: null, message: `gate ${gate.gate} did not run (${gate.status}): ${gate.tasks.total} task(s) produced no result` });
  }
  for (const gate of blocked) alerts.push({ ...base, kind: 'gate-not-run', gate, task_id: null, message: `gate ${gate} did not run: a gate it depends on failed` });
  return alerts;
}
