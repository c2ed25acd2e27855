import { describeReadiness, type Readiness } from '../review/readiness.ts';
import { describePolicy, SEVERITIES } from '../risk/policy.ts';
import { formatRate } from '../risk/rate.ts';
import type { RunResult, Verdict } from '../risk/types.ts';
import { describeWaiver, type Waiver } from '../risk/waivers.ts';

export interface SummaryContext {
  runId: string;
  mode: string;
  target: { name: string; baseUrl: string; apiUrl: string; environment: string };
  startTime: string;
  endTime: string;
  durationSeconds: number;
  gitSha: string | null;
  waiversInForce: Waiver[];
  expiredWaivers: Waiver[];
  skipped: { taskId: string; reason: string }[];
  reports: { log: string; html?: string; allure?: string };
  /** Extra sections contributed by gates (e.g. the rollback hook's result). */
  notes?: { title: string; lines: string[] }[];
  /** Production readiness (reviewer sign-off): beside the verdict, never part of it. Rewritten by `npm run review`. */
  readiness?: Readiness;
}

/** The executive summary as data: what `.json` holds and `.md` renders. */
export interface ExecutiveSummary {
  schema: 'meta-orchestrator/executive-summary';
  version: 1;
  verdict: Verdict;
  exitCode: 0 | 1;
  reasons: string[];
  riskRate: number;
  run: SummaryContext;
  result: RunResult;
  nextActions: string[];
}

const VERDICT_LINE: Record<Verdict, string> = {
  PASS: 'PASS: the build may ship.',
  WARNING: 'WARNING: the build may ship, but the warnings below need an owner.',
  CRITICAL: 'CRITICAL: the deploy is blocked.',
};

/** Next actions, derived from what failed, what was blocked and what warned. */
export function nextActions(result: RunResult): string[] {
  const actions: string[] = [];
  const seen = new Set<string>();
  for (const failure of result.failures) {
    const key = `${failure.taskId}#${failure.operation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (actions.length >= 10) break;
    actions.push(`Fix ${failure.gate}: ${failure.operation} (${failure.location}), then re-run \`npx playwright test --project=${failure.gate} --no-deps\`.`);
  }
  if (result.failures.length > seen.size + 0 && actions.length >= 10) actions.push(`... and ${result.failures.length - 10} more failures in the sections above.`);
  const findings = result.findings ?? [];
  const weighty = findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
  if (weighty.length > 0) actions.push(`Look at ${weighty.length} critical or high finding(s) (Findings): they did not stop the chain, but the policy counts them.`);
  else if (findings.length > 0 && result.verdict !== 'PASS') actions.push(`${findings.length} finding(s) spent the error budget: fix the most frequent check first (Findings).`);
  if (result.blockedGates.length > 0) actions.push(`After the fixes, run the full chain again: ${result.blockedGates.join(', ')} never ran.`);
  const expired = result.warnings.filter((w) => w.kind === 'waiver-expired');
  if (expired.length > 0) actions.push(`Renew or remove ${expired.length} expired waiver(s).`);
  const hollow = result.warnings.filter((w) => w.kind === 'hollow');
  if (hollow.length > 0) actions.push(`Give ${hollow.length} hollow check(s) something to look at, or remove them.`);
  const flaky = result.warnings.filter((w) => w.kind === 'flaky');
  if (flaky.length > 0) actions.push(`Stabilise ${flaky.length} flaky task(s).`);
  if (result.interrupted) actions.push('The run was interrupted: run it again to completion before trusting any number.');
  if (actions.length === 0) actions.push(result.verdict === 'PASS' ? 'None: ship it.' : 'Review the warnings above and give each an owner.');
  return actions;
}

export function buildExecutiveSummary(result: RunResult, context: SummaryContext): ExecutiveSummary {
  return {
    schema: 'meta-orchestrator/executive-summary',
    version: 1,
    verdict: result.verdict,
    exitCode: result.exitCode,
    reasons: result.reasons,
    riskRate: result.riskRate,
    run: context,
    result,
    nextActions: nextActions(result),
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function clip(text: string, limit = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}...` : flat;
}

/** The seeds' summary-metrics block. */
export function metricsBlock(result: RunResult): string {
  const counts = result.findingCounts;
  const rows: [string, string][] = [
    ['Total Tasks:', String(result.tasks.total)],
    ['Completed:', String(result.tasks.completed)],
    ['Failed:', String(result.tasks.failed)],
    ['Flaky:', String(result.tasks.flaky)],
    ['Blocked:', String(result.tasks.blocked)],
    ['Skipped:', String(result.tasks.skipped)],
    ['Interrupted:', String(result.tasks.interrupted)],
    ['Operations:', `${result.operations.operations} (${result.operations.failed} failed, ${result.operations.warned} warned)`],
    ['Findings:', counts ? `${result.operations.findings ?? 0} (${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')})` : '0'],
    ['Warnings:', String(result.warnings.length)],
    ['Risk Rate:', `${formatRate(result.riskRate)} (target: <= ${formatRate(result.thresholds.riskTarget)}, critical: > ${formatRate(result.thresholds.riskCritical)})`],
    ['Verdict:', result.verdict],
  ];
  return rows.map(([k, v]) => `${k.padEnd(18)}${v}`).join('\n');
}

export function renderMarkdown(summary: ExecutiveSummary): string {
  const { result, run } = summary;
  const out: string[] = [];
  out.push(`# Release gate: ${summary.verdict}`, '');
  out.push(`**${VERDICT_LINE[summary.verdict]}** Risk rate ${formatRate(summary.riskRate)}.`, '');
  for (const reason of summary.reasons) out.push(`- ${reason}`);
  out.push('');
  if (run.readiness) out.push(...readinessLines(run.readiness), '');
  out.push(`Target **${run.target.name}** (${run.target.environment}) at ${run.target.baseUrl}; mode \`${run.mode}\`; run \`${run.runId}\`${run.gitSha ? ` at ${run.gitSha.slice(0, 12)}` : ''}; ${run.startTime} to ${run.endTime} (${run.durationSeconds.toFixed(1)} s).`, '');
  if (result.policy) out.push(`Severity ${describePolicy(result.policy)}; the rest spends the error budget.`, '');
  out.push('## Gates', '');
  out.push('| gate | status | tasks | checks | failed | findings | warnings | risk rate | duration |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const gate of result.gates) {
    const stopped = gate.operations.failed - (gate.operations.findings ?? 0);
    out.push(`| ${gate.gate} | ${gate.status} | ${gate.tasks.total} | ${gate.operations.operations} | ${stopped} | ${gate.operations.findings ?? 0} | ${gate.warnings} | ${formatRate(gate.riskRate)} | ${gate.durationSeconds.toFixed(1)} s |`);
  }
  out.push('', '## Summary metrics', '', '```', metricsBlock(result), '```', '');
  out.push('## Failures', '', 'Failed checks at a blocking severity: each stopped its task, and the gates after it.', '');
  if (result.failures.length === 0) out.push('None.');
  renderEntries(out, result.failures);
  out.push('', '## Findings', '', 'Failed checks below the blocking severities: their tasks passed, and each spent the error budget.', '');
  const findings = result.findings ?? [];
  if (findings.length === 0) out.push('None.');
  renderEntries(out, findings);
  out.push('', '## Blocked gates', '');
  out.push(result.blockedGates.length === 0 ? 'None.' : result.blockedGates.map((g) => `- ${g}: never ran, a gate it depends on failed.`).join('\n'));
  out.push('', '## Warnings', '');
  if (result.warnings.length === 0) out.push('None.');
  for (const warning of result.warnings.slice(0, 100)) out.push(`- [${warning.kind}]${warning.gate ? ` ${warning.gate}` : ''}: ${cell(clip(warning.message))}`);
  out.push('', '## Waivers in force', '');
  if (run.waiversInForce.length === 0 && run.expiredWaivers.length === 0) out.push('None.');
  for (const waiver of run.waiversInForce) out.push(`- ${describeWaiver(waiver)}`);
  for (const waiver of run.expiredWaivers) out.push(`- EXPIRED, no longer applied: ${describeWaiver(waiver)}`);
  if (run.skipped.length > 0) {
    out.push('', '## Skipped', '');
    for (const skip of run.skipped) out.push(`- \`${skip.taskId}\`: ${skip.reason}`);
  }
  for (const note of run.notes ?? []) {
    out.push('', `## ${note.title}`, '', ...note.lines);
  }
  out.push('', '## Next actions', '');
  summary.nextActions.forEach((action, i) => out.push(`${i + 1}. ${action}`));
  out.push('', '## Reports', '', `- Execution log: ${run.reports.log}`);
  if (run.reports.html) out.push(`- Playwright HTML report: ${run.reports.html} (\`npx playwright show-report\`)`);
  if (run.reports.allure) out.push(`- Allure results: ${run.reports.allure} (\`npm run report:allure\`)`);
  out.push('');
  return out.join('\n');
}

/** Production readiness under the verdict: the state, what holds it, and any discrepancy. */
export function readinessLines(readiness: Readiness): string[] {
  const lines = [`**Production readiness: ${readiness.state}**${readiness.required ? '' : ' (no sign-off required: review.signOffs is empty)'}. It does not change the verdict.`];
  if (readiness.required) lines.push('', '| sign-off | gates | status | approved by | reviewers |', '|---|---|---|---|---|');
  for (const s of readiness.signOffs) lines.push(`| ${s.name} | ${s.gates.join(', ')} | ${s.status} | ${s.approvedBy.join(', ') || '-'} | ${s.reviewers.join(', ')} (${s.needed} needed) |`);
  if (readiness.pending.length > 0) lines.push('', ...readiness.pending.map((line) => `- pending: ${cell(line)}`));
  for (const d of readiness.discrepancies) lines.push(`- DISCREPANCY (${d.kind}): ${d.reviewer} on ${d.signOff} ${cell(d.message)}`);
  return lines;
}

/** Failures or findings, worst first, each with its evidence and attachments. */
function renderEntries(out: string[], entries: RunResult['failures']): void {
  const rank = (severity: string) => SEVERITIES.indexOf(severity as never);
  const sorted = [...entries].sort((a, b) => rank(a.severity) - rank(b.severity));
  for (const entry of sorted.slice(0, 100)) {
    const check = entry.check ? ` \`${entry.check}\`` : '';
    out.push(`- **${entry.gate}** \`${entry.taskId}\` (${entry.location}), ${entry.operation}${check} [${entry.severity}]${entry.synthetic ? ' (the task failed without recording a failed check)' : ''}: ${cell(clip(entry.message))}`);
    if (entry.evidence !== undefined) out.push(`  - evidence: \`${clip(JSON.stringify(entry.evidence), 300)}\``);
    for (const file of entry.attachments ?? []) out.push(`  - attached: ${file}`);
  }
  if (sorted.length > 100) out.push(`- ... and ${sorted.length - 100} more (see the execution log).`);
}

/** The few lines printed at the end of a run: verdict first. */
export function renderShort(summary: ExecutiveSummary, summaryPath: string): string {
  const { result } = summary;
  const lines = [
    '',
    `Verdict: ${summary.verdict}  risk rate ${formatRate(summary.riskRate)}  (${result.tasks.total} tasks: ${result.tasks.completed} completed, ${result.tasks.failed} failed, ${result.tasks.flaky} flaky, ${result.tasks.blocked} blocked, ${result.tasks.skipped} skipped; ${result.operations.operations} operations, ${result.operations.failed} failed of which ${result.operations.findings ?? 0} findings; ${result.warnings.length} warnings)`,
  ];
  for (const reason of summary.reasons) lines.push(`  - ${reason}`);
  if (summary.run.readiness) lines.push(`Production readiness: ${describeReadiness(summary.run.readiness)}`);
  for (const gate of result.gates) {
    lines.push(`  ${gate.gate.padEnd(12)} ${gate.status.padEnd(11)} ${String(gate.tasks.total).padStart(3)} tasks ${String(gate.operations.operations).padStart(5)} ops ${String(gate.operations.failed).padStart(3)} failed  ${formatRate(gate.riskRate)}`);
  }
  for (const failure of result.failures.slice(0, 8)) lines.push(`  x ${failure.taskId}: ${failure.operation}: ${clip(failure.message, 160)}`);
  if (result.failures.length > 8) lines.push(`  ... ${result.failures.length - 8} more failures`);
  const findings = result.findings ?? [];
  for (const finding of findings.slice(0, 8)) lines.push(`  ! [${finding.severity}] ${finding.taskId}: ${finding.operation}: ${clip(finding.message, 140)}`);
  if (findings.length > 8) lines.push(`  ... ${findings.length - 8} more findings`);
  lines.push(`Executive summary: ${summaryPath}`);
  return lines.join('\n');
}
