import { renderTable } from './table.ts';
import type { DashboardView } from './view.ts';

/** One target of a workspace run: its id and its dashboard view, or why there is none yet. */
export type TargetView = { id: string; view: DashboardView } | { id: string; problem: string };

/**
 * Every target of a workspace run side by side, one row each: state, verdict, progress, risk and
 * each gate's status; the release verdict (worst of the targets by default) above them when known.
 */
export function renderOverview(targets: readonly TargetView[], release?: { verdict: string; reasons: readonly string[] }): string {
  const gateNames = [...new Set(targets.flatMap((t) => ('view' in t ? t.view.gates.map((g) => g.gate) : [])))];
  const rows = targets.map((target) => {
    if (!('view' in target)) return [target.id, target.problem];
    const { view } = target;
    const byGate = new Map(view.gates.map((g) => [g.gate, g.status]));
    return [
      target.id,
      view.state,
      view.verdict ?? '-',
      `${view.tasks.done}/${view.tasks.planned} (${view.completionPercent.toFixed(0)} %)`,
      `${view.risk.rate.toFixed(2)} % of ${view.risk.operations}`,
      `${view.tasks.failed} failed, ${view.tasks.blocked} blocked`,
      ...gateNames.map((gate) => byGate.get(gate) ?? '-'),
    ];
  });
  const head = release ? [`Release: ${release.verdict}${release.reasons.length > 0 ? ` (${release.reasons.slice(0, 3).join('; ')})` : ''}`, ''] : [];
  return [...head, renderTable(['target', 'state', 'verdict', 'tasks', 'risk', 'tasks failed', ...gateNames], rows, { maxCell: 60 })].join('\n');
}
