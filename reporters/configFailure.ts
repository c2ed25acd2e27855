import path from 'node:path';
import { headerRecord, summaryRecord, type RunRecord } from '../lib/log/index.ts';
import type { ConfigError } from '../lib/config/index.ts';
import { thresholdsSection } from '../lib/config/sections/risk.ts';
import { computeRun } from '../lib/risk/index.ts';
import { buildExecutiveSummary, renderMarkdown } from '../lib/summary/index.ts';
import { JsonlWriter, pointLatest, resolveOutputDir, writeFileAtomic } from './output.ts';

/** The config's own defaults: an invalid config has no thresholds of its own to trust. */
const DEFAULT_THRESHOLDS = thresholdsSection.parse(undefined);

/**
 * A config that does not validate stops the run before any test; it still leaves a complete log
 * (header, run, summary), an executive summary and verdict.json, all saying why.
 */
export function writeConfigFailure(reportsDir: string, error: ConfigError, now = new Date()): void {
  try {
    const dir = resolveOutputDir(reportsDir, undefined, 'reports');
    const runId = process.env.RUN_ID || `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-config`;
    const writer = new JsonlWriter(path.join(dir, `execution_log_${runId}.jsonl`));
    const result = computeRun([], { thresholds: DEFAULT_THRESHOLDS, runErrors: error.problems.map((p) => `config: ${p}`) });
    const run: RunRecord = {
      type: 'run', run_id: runId, start_time: now.toISOString(), mode: 'config-error', projects: [], planned_tasks: 0, planned_by_gate: {},
      thresholds: DEFAULT_THRESHOLDS, target: { name: 'unknown (invalid config)', base_url: '', api_url: '', environment: 'local' },
      git_sha: null, shard: null, workers: 0, config_file: error.message.split('\n')[0]?.replace(/^Invalid validation config (.*):$/, '$1') ?? '',
    };
    writer.write(headerRecord(runId, now));
    writer.write(run);
    writer.write(summaryRecord(runId, result, now, new Date()));
    writer.close();
    pointLatest(dir, writer.file);
    const summary = buildExecutiveSummary(result, {
      runId, mode: 'config-error', target: { name: 'unknown (invalid config)', baseUrl: '', apiUrl: '', environment: 'local' },
      startTime: now.toISOString(), endTime: new Date().toISOString(), durationSeconds: 0, gitSha: null,
      waiversInForce: [], expiredWaivers: [], skipped: [], reports: { log: path.relative(process.cwd(), writer.file) },
      notes: [{ title: 'Invalid validation config', lines: error.problems.map((p) => `- ${p}`) }],
    });
    writeFileAtomic(path.join(dir, 'executive-summary.md'), renderMarkdown(summary));
    writeFileAtomic(path.join(dir, 'executive-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileAtomic(path.join(dir, 'verdict.json'), `${JSON.stringify({ run_id: runId, verdict: result.verdict, exit_code: result.exitCode, risk_rate: result.riskRate, reasons: result.reasons, tasks: result.tasks, operations: result.operations.operations, failed_operations: result.operations.failed }, null, 2)}\n`);
  } catch (writeError) {
    console.error(`Could not write the reports of the invalid config: ${(writeError as Error).message}`);
  }
}
