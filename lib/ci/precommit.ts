import type { Severity } from '../risk/types.ts';

/**
 * The pre-commit gate's pure parts: which findings block a commit, and the hook file git runs.
 *
 * The audit runs under the severity policy's `commit` preset (RISK_POLICY=commit: the seeds' "any
 * HIGH severity issue blocks a commit"), so the run's own failures are what blocks: critical and
 * high by default. `--strict` blocks on every finding as well. Lesser findings are printed and
 * left to the full gate in CI, whose verdict stays the authority: a pre-commit gate that blocks on
 * every nit gets uninstalled.
 */

type Entry = { taskId: string; operation: string; severity: Severity; message: string; synthetic?: boolean };

/** The part of reports/executive-summary.json the decision reads. */
export interface SummaryForCommit {
  verdict: string;
  result: {
    interrupted?: boolean;
    /** Failures at a blocking severity under the run's policy. */
    failures: Entry[];
    /** Failed checks below it. */
    findings?: Entry[];
    policy?: { blockOn: Severity[] };
  };
}

export type CommitFinding = Entry;

export interface CommitDecision {
  block: boolean;
  /** The findings that block the commit. */
  blocking: CommitFinding[];
  /** Findings shown but not blocking at commit time. */
  advisory: CommitFinding[];
  reason: string;
}

export function commitDecision(summary: SummaryForCommit, strict: boolean): CommitDecision {
  const blockOn = summary.result.policy?.blockOn ?? ['critical', 'high'];
  const failures = summary.result.failures;
  const findings = summary.result.findings ?? [];
  // Failures stopped the run under the commit policy; a check that crashed found nothing either way.
  const blocking = [...failures, ...(strict ? findings : [])];
  const advisory = strict ? [] : findings;
  const what = strict ? 'finding(s)' : `${blockOn.join(' or ')} finding(s)`;
  if (summary.result.interrupted) return { block: true, blocking, advisory, reason: 'the audit was interrupted before it finished' };
  if (blocking.length > 0) return { block: true, blocking, advisory, reason: `${blocking.length} ${what} block the commit` };
  const note = advisory.length > 0 ? `; ${advisory.length} lesser finding(s) to fix before CI` : '';
  return { block: false, blocking, advisory, reason: `no ${strict ? 'finding' : `${blockOn.join(' or ')} finding`}${note}` };
}

/** Marks the hook as ours: uninstall removes only a hook that carries it, install overwrites only it. */
export const HOOK_MARKER = '# meta-orchestrator:pre-commit';

export function isOurHook(text: string): boolean {
  return text.split('\n').some((line) => line.trim() === HOOK_MARKER);
}

/** A POSIX shell word that stays one argument whatever the path holds. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface HookOptions {
  /** The suite's root, where the hook runs the gate from. */
  suiteRoot: string;
  /** The audit target (the repository folder the audit gate reads). */
  target: string;
  strict: boolean;
}

/** The pre-commit hook: the audit gate on the staged snapshot of the target. */
export function hookScript(options: HookOptions): string {
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    '# Written by `npm run hooks:install`; `npm run hooks:uninstall` removes it.',
    '# Runs the audit gate on the staged snapshot of the audit target before each commit.',
    // git may hand the hook a relative index path (partial commits): keep it valid across the cd.
    'case "$GIT_INDEX_FILE" in ""|/*) ;; *) GIT_INDEX_FILE="$PWD/$GIT_INDEX_FILE"; export GIT_INDEX_FILE ;; esac',
    `cd ${shellQuote(options.suiteRoot)} || exit 1`,
    `exec node --import tsx scripts/precommit.ts --target ${shellQuote(options.target)}${options.strict ? ' --strict' : ''}`,
    '',
  ].join('\n');
}
