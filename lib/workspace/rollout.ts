import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Verdict } from '../risk/types.ts';
import { STAGE_VERDICT_FILE } from './variables.ts';

/** What a target of the stage before wrote the moment its last task ended (`reports/<target>/stage-verdict.json`). */
export interface StageVerdictFile {
  run_id?: string;
  verdict?: Verdict;
  risk_rate?: number;
  reasons?: string[];
}

export interface StageJudgement {
  target: string;
  /** The stage may start as far as this target is concerned. */
  proceeds: boolean;
  message: string;
  evidence: Record<string, unknown>;
}

/**
 * Whether one target of the stage before lets the next stage start: its verdict of this run (a file
 * from another run, or none, does not), one of the verdicts the stage proceeds on. Pure but for the read.
 */
export function judgeStageTarget(input: {
  target: string;
  reportsDir: string;
  runId: string | undefined;
  previousStage: string;
  stage: string;
  proceedOn: readonly Verdict[];
}): StageJudgement {
  const file = path.join(input.reportsDir, input.target, STAGE_VERDICT_FILE);
  const refuse = (why: string, evidence: Record<string, unknown> = {}): StageJudgement => ({
    target: input.target,
    proceeds: false,
    message: `stage ${JSON.stringify(input.previousStage)} did not pass (${why}), so stage ${JSON.stringify(input.stage)} did not start`,
    evidence: { file, ...evidence },
  });
  let written: StageVerdictFile;
  try {
    written = JSON.parse(readFileSync(file, 'utf8')) as StageVerdictFile;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return refuse(`${input.target} wrote no verdict in ${file}${missing ? ': its gates did not all run in this run' : `: ${(error as Error).message}`}`);
  }
  if (input.runId && written.run_id !== input.runId) {
    return refuse(`${input.target}'s verdict in ${file} is from run ${String(written.run_id)}, not this run (${input.runId}): its gates did not all run in this run`, { run_id: written.run_id });
  }
  const evidence = { verdict: written.verdict, risk_rate: written.risk_rate, reasons: written.reasons ?? [], run_id: written.run_id };
  if (!written.verdict || !input.proceedOn.includes(written.verdict)) {
    const reasons = (written.reasons ?? []).slice(0, 3).join('; ');
    return refuse(`${input.target} ${written.verdict ?? 'has no verdict'}${reasons ? `: ${reasons}` : ''}; this stage proceeds on ${input.proceedOn.join(' or ')}`, evidence);
  }
  return { target: input.target, proceeds: true, message: `${input.target} is ${written.verdict}`, evidence: { file, ...evidence } };
}
