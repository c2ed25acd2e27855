import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter } from '@playwright/test/reporter';
import type { Verdict } from '../lib/risk/types.ts';
import { releaseVerdict, renderReleaseMarkdown, type ReleasePolicy, type Stage, type TargetOutcome } from '../lib/workspace/release.ts';
import { resolveOutputDir, writeFileAtomic } from './output.ts';

export interface ReleaseReporterOptions {
  outputDir?: string;
  runId: string;
  name: string;
  targets: { id: string; name: string; description?: string }[];
  release: ReleasePolicy;
  stages?: Stage[];
}

interface TargetVerdictFile {
  run_id?: string;
  verdict?: Verdict;
  exit_code?: 0 | 1;
  risk_rate?: number;
  reasons?: string[];
  tasks?: Record<string, number>;
  /** Its rollout gate did not let it start: why. */
  held_back?: string;
}

/**
 * The release's verdict in a workspace run. Listed after every target's risk reporter, whose
 * `onEnd` has written `<reports>/<target>/verdict.json` by the time this one's runs (Playwright
 * ends reporters in order): it reads them, combines them by the workspace's policy, writes
 * `verdict.json` and `release-summary.md` at the reports' root, and decides the run's status.
 */
export default class ReleaseReporter implements Reporter {
  private readonly listOnly = process.argv.includes('--list');

  constructor(private readonly options: ReleaseReporterOptions) {}

  printsToStdio(): boolean {
    return false;
  }

  async onEnd(_result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.listOnly) return undefined;
    try {
      const dir = resolveOutputDir(process.env.REPORTS_DIR, this.options.outputDir, 'reports');
      const outcomes = this.options.targets.map((target) => this.outcomeOf(dir, target));
      const stages = this.options.stages ?? [];
      const result = releaseVerdict(outcomes, this.options.release, stages);
      const { runId, name } = this.options;
      writeFileAtomic(path.join(dir, 'release-summary.md'), renderReleaseMarkdown(name, runId, result, stages));
      const targets = Object.fromEntries(result.targets.map((t) => [t.id, { name: t.name, verdict: t.verdict ?? null, exit_code: t.exitCode ?? null, risk_rate: t.riskRate ?? null, advisory: t.advisory, ...(t.heldBack ? { held_back: t.heldBack } : {}) }]));
      writeFileAtomic(path.join(dir, 'verdict.json'), `${JSON.stringify({ run_id: runId, release: name, verdict: result.verdict, exit_code: result.exitCode, reasons: result.reasons, policy: this.options.release, stages, targets }, null, 2)}\n`);
      appendFileSync(path.join(dir, 'release-history.jsonl'), `${JSON.stringify({ run_id: runId, time: new Date().toISOString(), release: name, verdict: result.verdict, targets: Object.fromEntries(result.targets.map((t) => [t.id, t.verdict ?? null])) })}\n`);
      const width = Math.max(...result.targets.map((t) => t.id.length));
      console.log([
        `Release ${name}: ${result.verdict}`,
        ...result.targets.map((t) => `  ${t.id.padEnd(width)}  ${(t.heldBack ? 'HELD BACK' : (t.verdict ?? 'NOT RUN')).padEnd(9)} ${t.riskRate === undefined ? '' : `${t.riskRate.toFixed(2)} %`}${t.advisory ? '  (advisory)' : ''}`),
        ...result.reasons.map((reason) => `  - ${reason}`),
        `  ${path.relative(process.cwd(), path.join(dir, 'release-summary.md'))}`,
      ].join('\n'));
      return { status: result.exitCode === 1 ? 'failed' : 'passed' };
    } catch (error) {
      console.error(`Release reporter could not compute the release verdict: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { status: 'failed' };
    }
  }

  /** This run's verdict of one target: one written by an earlier run (another run id) does not count. */
  private outcomeOf(dir: string, target: { id: string; name: string; description?: string }): TargetOutcome {
    const base: TargetOutcome = { id: target.id, name: target.name, ...(target.description ? { description: target.description } : {}) };
    let file: TargetVerdictFile;
    try {
      file = JSON.parse(readFileSync(path.join(dir, target.id, 'verdict.json'), 'utf8')) as TargetVerdictFile;
    } catch {
      return base;
    }
    if (file.run_id !== this.options.runId || !file.verdict) return base;
    return { ...base, verdict: file.verdict, exitCode: file.exit_code, riskRate: file.risk_rate, reasons: file.reasons, tasks: file.tasks, ...(file.held_back ? { heldBack: file.held_back } : {}) };
  }
}
