import type { Verdict } from '../risk/types.ts';

/** One target's verdict as its own risk reporter wrote it (`reports/<target>/verdict.json`), or its absence. */
export interface TargetOutcome {
  id: string;
  name: string;
  description?: string;
  /** Absent: the target's chain was not part of this run (`--project=<other target>`), or wrote no verdict. */
  verdict?: Verdict;
  exitCode?: 0 | 1;
  riskRate?: number;
  reasons?: string[];
  tasks?: Record<string, number>;
  /** Why the chain did not run, when a staged rollout held it back. */
  heldBack?: string;
}

export interface Stage {
  name: string;
  targets: readonly string[];
}

/**
 * A staged target whose stage before did not pass and whose own tasks never ran was held back by the
 * rollout: said so, rather than reported as a target that failed on its own.
 */
export function holdBack(targets: readonly TargetOutcome[], stages: readonly Stage[]): TargetOutcome[] {
  const byId = new Map(targets.map((target) => [target.id, { ...target }]));
  stages.forEach((stage, i) => {
    const previous = stages[i - 1];
    if (!previous) return;
    const failed = previous.targets.filter((id) => {
      const outcome = byId.get(id);
      return outcome?.heldBack !== undefined || outcome?.verdict === 'CRITICAL';
    });
    if (failed.length === 0) return;
    for (const id of stage.targets) {
      const outcome = byId.get(id);
      if (!outcome || (outcome.tasks?.completed ?? 0) > 0 || (outcome.tasks?.failed ?? 0) > 0) continue;
      outcome.heldBack = `stage ${JSON.stringify(previous.name)} did not pass (${failed.join(', ')} CRITICAL), so stage ${JSON.stringify(stage.name)} did not start`;
    }
  });
  return targets.map((target) => byId.get(target.id)!);
}

export interface ReleasePolicy {
  combine: 'worst';
  advisory: readonly string[];
}

export interface ReleaseResult {
  verdict: Verdict;
  exitCode: 0 | 1;
  reasons: string[];
  targets: (TargetOutcome & { advisory: boolean; counts: boolean })[];
}

const RANK: Record<Verdict, number> = { PASS: 0, WARNING: 1, CRITICAL: 2 };

/**
 * The release's verdict from its targets' (policy `worst`: the worst verdict of the targets that
 * count; advisory targets are shown, never decisive). A counted target that did not run leaves the
 * release unproven: WARNING at least, with the reason. Pure.
 */
export function releaseVerdict(targets: readonly TargetOutcome[], policy: ReleasePolicy, stages: readonly Stage[] = []): ReleaseResult {
  const advisory = new Set(policy.advisory);
  const staged = holdBack(targets, stages);
  const rows = staged.map((target) => ({ ...target, advisory: advisory.has(target.id), counts: !advisory.has(target.id) && target.verdict !== undefined }));
  const reasons: string[] = [];
  let verdict: Verdict = 'PASS';
  let exitCode: 0 | 1 = 0;
  for (const row of rows) {
    if (row.advisory) continue;
    if (row.heldBack) {
      reasons.push(`${row.id} was held back: ${row.heldBack}`);
      verdict = 'CRITICAL';
      exitCode = 1;
      continue;
    }
    if (row.verdict === undefined) {
      reasons.push(`${row.id} was not validated in this run`);
      if (RANK[verdict] < RANK.WARNING) verdict = 'WARNING';
      continue;
    }
    if (RANK[row.verdict] > RANK[verdict]) verdict = row.verdict;
    if (row.exitCode === 1) exitCode = 1;
    if (row.verdict !== 'PASS') reasons.push(`${row.id} is ${row.verdict}${row.reasons?.[0] ? `: ${row.reasons[0]}` : ''}`);
  }
  if (verdict === 'CRITICAL') exitCode = 1;
  if (rows.every((row) => row.verdict === undefined && !row.heldBack)) {
    return { verdict: 'CRITICAL', exitCode: 1, reasons: ['no target was validated in this run'], targets: rows };
  }
  return { verdict, exitCode, reasons, targets: rows };
}

/** The release summary's Markdown: the release verdict, then every target side by side. */
export function renderReleaseMarkdown(name: string, runId: string, result: ReleaseResult, stages: readonly Stage[] = []): string {
  const lines = [
    `# Release ${name}: ${result.verdict}`,
    '',
    `Run \`${runId}\`. Policy: the worst verdict of the targets that count.${stages.length > 0 ? ` Stages: ${stages.map((stage) => `${stage.name} (${stage.targets.join(', ')})`).join(' -> ')}.` : ''}`,
    '',
    ...(result.reasons.length > 0 ? [...result.reasons.map((reason) => `- ${reason}`), ''] : []),
    '| target | verdict | risk rate | tasks | counts for the release | summary |',
    '|---|---|---|---|---|---|',
    ...result.targets.map((t) => {
      const tasks = t.tasks ? `${t.tasks.total ?? 0} (${t.tasks.failed ?? 0} failed, ${t.tasks.blocked ?? 0} blocked)` : '-';
      const verdict = t.heldBack ? 'HELD BACK' : (t.verdict ?? 'NOT RUN');
      const counts = t.advisory ? 'no (advisory)' : 'yes';
      return `| ${t.id} (${t.name}) | ${verdict} | ${t.riskRate === undefined ? '-' : `${t.riskRate.toFixed(2)} %`} | ${tasks} | ${counts} | ${t.heldBack ?? (t.verdict ? `[summary](${t.id}/executive-summary.md)` : '-')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
