import { environmentSecrets, Redactor } from '../redact.ts';
import { formatRate } from '../risk/rate.ts';
import { describeReadiness } from '../review/readiness.ts';
import { describeEta, formatDuration } from './eta.ts';
import type { DashboardView, RiskLevel } from './view.ts';

type Paint = 'green' | 'yellow' | 'red' | 'dim' | 'bold' | 'cyan';
const ANSI: Record<Paint, [number, number]> = { green: [32, 39], yellow: [33, 39], red: [31, 39], dim: [2, 22], bold: [1, 22], cyan: [36, 39] };
const LEVEL_PAINT: Record<RiskLevel, Paint> = { ok: 'green', warn: 'yellow', critical: 'red' };
const STATUS_PAINT: Record<string, Paint> = {
  completed: 'green', passed: 'green', done: 'green', PASS: 'green',
  flaky: 'yellow', skipped: 'dim', pending: 'dim', running: 'cyan', WARNING: 'yellow',
  failed: 'red', blocked: 'red', interrupted: 'red', CRITICAL: 'red',
};

export interface TerminalOptions {
  /** False when stdout is not a TTY or NO_COLOR is set. */
  color: boolean;
  width?: number;
  now?: Date;
}

function painter(color: boolean) {
  return (text: string, paint: Paint | undefined): string => {
    if (!color || !paint) return text;
    const [open, close] = ANSI[paint];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

function bar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.round((width * Math.min(done, total)) / total) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** A corrupt line may hold anything, a secret included: redact before showing it. */
const redactor = new Redactor(environmentSecrets());

/** The terminal dashboard as plain lines; colour only when asked. */
export function renderTerminal(view: DashboardView, options: TerminalOptions): string {
  const paint = painter(options.color);
  const width = Math.max(60, Math.min(options.width ?? 100, 160));
  const t = view.tasks;
  const out: string[] = [];
  const state = view.state === 'running' ? paint('RUNNING', 'cyan') : view.verdict ? paint(view.verdict, STATUS_PAINT[view.verdict]) : view.state;
  out.push(paint(`Meta-Orchestrator  run ${view.runId}  mode ${view.mode || '?'}`, 'bold'));
  out.push(`Target ${view.target.name || '?'} (${view.target.environment || '?'}) ${view.target.baseUrl}`);
  out.push(`State  ${state}${view.state === 'interrupted' ? ' (interrupted)' : ''}   elapsed ${formatDuration(view.elapsedSeconds)}   ETA ${describeEta(view.eta)}`);
  if (view.readiness) {
    // Beside the verdict, never instead of it: a sign-off does not change what the gates found.
    out.push(`Ready  ${paint(view.readiness.state, view.readiness.state === 'READY' ? 'green' : 'yellow')} ${describeReadiness(view.readiness).replace(/^(READY|ON HOLD):? ?/, '')}`);
    for (const d of view.readiness.discrepancies) out.push(paint(`       DISCREPANCY (${d.kind}): ${d.reviewer} on ${d.signOff} ${d.message}`, 'red'));
  }
  out.push('');
  out.push(`Tasks  ${t.planned} total  ${paint(`${t.completed} completed`, 'green')}  ${paint(`${t.failed} failed`, t.failed ? 'red' : undefined)}  ${paint(`${t.blocked} blocked`, t.blocked ? 'red' : undefined)}  ${t.flaky} flaky  ${t.skipped} skipped  ${t.pending} pending`);
  out.push(`Done   ${bar(t.done, t.planned, 30)} ${view.completionPercent.toFixed(1)} %`);
  out.push(`Errors ${paint(String(view.errors), view.errors ? 'red' : undefined)}   Warnings ${paint(String(view.warnings), view.warnings ? 'yellow' : undefined)}`);
  out.push(`Risk   ${paint(formatRate(view.risk.rate), LEVEL_PAINT[view.risk.level])} ${view.risk.label} (${view.risk.failedOperations} failed of ${view.risk.operations} operations; target <= ${formatRate(view.thresholds.riskTarget)}, critical > ${formatRate(view.thresholds.riskCritical)})`);
  for (const reason of view.reasons) out.push(paint(`       - ${reason}`, 'dim'));
  out.push('');
  out.push(paint('Gates', 'bold'));
  const gateWidth = Math.max(10, ...view.gates.map((g) => g.gate.length));
  for (const gate of view.gates) {
    const g = gate.tasks;
    out.push(`  ${gate.gate.padEnd(gateWidth)} ${paint(gate.status.padEnd(11), STATUS_PAINT[gate.status])} ${bar(g.done, g.planned, 20)} ${String(g.done).padStart(3)}/${String(g.planned).padEnd(3)} ${g.failed ? paint(`${g.failed} failed`, 'red') : '0 failed'}${g.blocked ? paint(` ${g.blocked} blocked`, 'red') : ''}  ${formatRate(gate.riskRate)}`);
  }
  if (view.gates.length === 0) out.push(paint('  (no gate planned yet)', 'dim'));
  out.push('');
  out.push(paint('Last activity', 'bold'));
  for (const line of view.activity) {
    const time = line.time ? line.time.slice(11, 19) : '--:--:--';
    const text = `  ${time} ${line.status.padEnd(11)} ${line.taskId}${line.detail ? `: ${line.detail}` : ''}`;
    out.push(paint(text.length > width ? `${text.slice(0, width - 3)}...` : text, STATUS_PAINT[line.status] === 'green' ? undefined : STATUS_PAINT[line.status]));
  }
  if (view.activity.length === 0) out.push(paint('  (no task finished yet)', 'dim'));
  if (view.logProblems.length > 0) {
    out.push('');
    out.push(paint('Log problems', 'bold'));
    for (const problem of view.logProblems) out.push(paint(`  line ${problem.line}: ${problem.reason}: ${redactor.text(problem.text.slice(0, 60))}`, 'yellow'));
  }
  return out.join('\n');
}
