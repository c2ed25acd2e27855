import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseExecutionLog, type LogRecord, type SummaryRecord, type TaskRecord, type GateRecord } from '../../lib/log/index.ts';
import type { ExecutiveSummary } from '../../lib/summary/index.ts';
export { freePort } from '../../lib/net.ts';
import { freePort } from '../../lib/net.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, '.work', 'selftest');

export interface RunSuiteOptions {
  /** Project to run, e.g. 'full', 'contracts'. */
  project: string;
  /** Run the project alone, without its dependencies. */
  noDeps?: boolean;
  /** Demo faults to switch on. */
  faults?: string[];
  env?: Record<string, string | undefined>;
  /** Extra playwright CLI arguments. */
  args?: string[];
  /** Hard bound on the run, ms (the child is killed after it). */
  timeoutMs?: number;
  /** Name of the output folder under .work/selftest (default: derived). */
  name?: string;
}

export interface SuiteRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  outputRoot: string;
  records: LogRecord[];
  tasks: TaskRecord[];
  gates: GateRecord[];
  summary: SummaryRecord | undefined;
  logText: string;
  /** executive-summary.md, or '' when missing. */
  summaryMarkdown: string;
  /** executive-summary.json, when written. */
  summaryJson?: ExecutiveSummary;
}


/** Reads the newest execution log of an output root. */
export function readRun(outputRoot: string): Pick<SuiteRun, 'records' | 'tasks' | 'gates' | 'summary' | 'logText' | 'summaryMarkdown' | 'summaryJson'> {
  return readReports(path.join(outputRoot, 'reports'));
}

/** One target's reports of a workspace run (`reports/<target>/`). */
export function readTargetRun(run: SuiteRun, target: string): ReturnType<typeof readRun> {
  return readReports(path.join(run.outputRoot, 'reports', target));
}

function readReports(reports: string): ReturnType<typeof readRun> {
  let logText = '';
  let records: LogRecord[] = [];
  try {
    const logs = readdirSync(reports).filter((f) => f.startsWith('execution_log_') && f.endsWith('.jsonl')).sort();
    const newest = logs[logs.length - 1];
    if (newest) {
      logText = readFileSync(path.join(reports, newest), 'utf8');
      records = parseExecutionLog(logText, newest).records;
    }
  } catch {
    // no log: the caller asserts on it
  }
  let summaryMarkdown = '';
  let summaryJson: ExecutiveSummary | undefined;
  try {
    summaryMarkdown = readFileSync(path.join(reports, 'executive-summary.md'), 'utf8');
    summaryJson = JSON.parse(readFileSync(path.join(reports, 'executive-summary.json'), 'utf8')) as ExecutiveSummary;
  } catch {
    // missing summary: the caller asserts on it
  }
  return {
    records,
    tasks: records.filter((r): r is TaskRecord => r.type === 'task'),
    gates: records.filter((r): r is GateRecord => r.type === 'gate'),
    summary: records.find((r): r is SummaryRecord => r.type === 'summary'),
    logText,
    summaryMarkdown,
    summaryJson,
  };
}

/** Runs the real `playwright test` against the sample target (its own port and output folders). */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteRun> {
  const name = options.name ?? `${options.project}${options.noDeps ? '-alone' : ''}${options.faults?.length ? `-${options.faults.join('+')}` : ''}-${process.pid}-${Date.now()}`;
  const outputRoot = path.join(WORK, name);
  rmSync(outputRoot, { recursive: true, force: true });
  mkdirSync(outputRoot, { recursive: true });
  const port = await freePort();
  const args = ['playwright', 'test', `--project=${options.project}`, ...(options.noDeps ? ['--no-deps'] : []), ...(options.args ?? [])];
  const env: Record<string, string | undefined> = {
    ...process.env,
    OUTPUT_ROOT: outputRoot,
    DEMO_PORT: String(port),
    DEMO_FAULTS: (options.faults ?? []).join(','),
    FORCE_COLOR: '0',
    CI: process.env.CI,
    ...options.env,
  };
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 300_000;
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => {
      stderr += `\n[runSuite] killed after ${timeoutMs} ms`;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr, durationMs: Date.now() - started, outputRoot, ...readRun(outputRoot) });
    });
  });
}

/** Task records of one gate. */
export function tasksOf(run: SuiteRun, gate: string): TaskRecord[] {
  return run.tasks.filter((t) => t.agent === gate);
}

/** Every failed check of a task: those that stopped the chain (its errors) and its findings. */
export function failedChecksOf(task: TaskRecord): string[] {
  return [...task.errors, ...(task.findings ?? [])];
}

/** A readable digest for assertion messages. */
export function digest(run: SuiteRun): string {
  const lines = [`exit ${run.exitCode} in ${(run.durationMs / 1000).toFixed(1)} s; verdict ${run.summary?.verdict ?? 'none'} (${run.summary?.reasons.join('; ') ?? ''})`];
  for (const task of run.tasks) lines.push(`  ${task.status.padEnd(10)} ${task.task_id} ${task.errors.slice(0, 2).join(' | ').slice(0, 300)}${task.findings?.length ? ` findings: ${task.findings.slice(0, 2).join(' | ').slice(0, 300)}` : ''}`);
  lines.push(run.stdout.slice(-1500), run.stderr.slice(-1500));
  return lines.join('\n');
}
