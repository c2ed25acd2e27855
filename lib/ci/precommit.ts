import type { Severity } from '../risk/types.ts';

/**
 * The pre-commit gate's pure parts: which findings block a commit, and the hook file git runs.
 *
 * A commit is blocked by the findings that must never land: critical ones by default (a committed
 * secret, a run that did not work), high and critical ones with --strict. Medium and low findings
 * are printed and left to the full gate in CI, whose verdict stays the authority: a pre-commit gate
 * that blocks on every nit gets uninstalled.
 */

/** The part of reports/executive-summary.json the decision reads. */
export interface SummaryForCommit {
  verdict: string;
  result: {
    interrupted?: boolean;
    failures: Array<{ taskId: string; operation: string; severity: Severity; message: string; synthetic?: boolean }>;
  };
}

export type CommitFinding = SummaryForCommit['result']['failures'][number];

export interface CommitDecision {
  block: boolean;
  /** The findings that block the commit. */
  blocking: CommitFinding[];
  /** Findings shown but not blocking at commit time. */
  advisory: CommitFinding[];
  reason: string;
}

const BLOCKING: Readonly<Record<'default' | 'strict', readonly Severity[]>> = {
  default: ['critical'],
  strict: ['critical', 'high'],
};

export function commitDecision(summary: SummaryForCommit, strict: boolean): CommitDecision {
  const severities = BLOCKING[strict ? 'strict' : 'default'];
  const failures = summary.result.failures;
  // A check that crashed found nothing either way: the commit cannot be called clean.
  const blocking = failures.filter((f) => severities.includes(f.severity) || f.synthetic === true);
  const advisory = failures.filter((f) => !blocking.includes(f));
  if (summary.result.interrupted) return { block: true, blocking, advisory, reason: 'the audit was interrupted before it finished' };
  if (blocking.length > 0) {
    return { block: true, blocking, advisory, reason: `${blocking.length} ${severities.join(' or ')} finding(s) block the commit` };
  }
  const note = advisory.length > 0 ? `; ${advisory.length} lesser finding(s) to fix before CI` : '';
  return { block: false, blocking, advisory, reason: `no ${severities.join(' or ')} finding${note}` };
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
