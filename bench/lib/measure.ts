import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What one command cost: wall time, CPU of its whole process tree, and peak memory. */
export interface Measurement {
  label: string;
  exitCode: number | null;
  wallMs: number;
  /**
   * user + sys of the whole tree: the larger of GNU time's rusage (every descendant that was waited
   * for, short-lived ones included) and the sum over every process seen in the tree (/proc, last
   * value sampled). Chromium's renderers are not waited for through the chain of parents, so
   * rusage alone misses most of a browser's CPU; sampling misses only a process's last period.
   */
  cpuMs: number;
  /** GNU time's rusage alone, for comparison with figures measured before the sampling. */
  rusageCpuMs: number;
  /** The sampled sum alone. */
  sampledCpuMs: number;
  /** Highest sum of RSS over the live process tree, sampled from /proc. */
  peakTreeRssMb: number;
  /** ru_maxrss: the largest single process of the tree. */
  maxProcessRssMb: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** /proc sampling period; every sample reads each process's stat, so not too often on 2 cores. */
  sampleMs?: number;
}

export const GNU_TIME = '/usr/bin/time';
const PAGE_BYTES = 4096;

/** The machine lacks something the bench needs: a message for the user, not a stack. */
export class SetupError extends Error {}

/** GNU time gives the CPU of reaped descendants (Node's child API has no per-child rusage). */
export function requireGnuTime(): void {
  if (!existsSync(GNU_TIME)) {
    throw new SetupError(`${GNU_TIME} is missing: install the Debian package "time" (apt-get install -y time)`);
  }
}

interface ProcStat { pid: number; ppid: number; rssPages: number; cpuTicks: number }

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), ppid: Number(fields[1]), rssPages: Number(fields[21]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** One look at `root` and its live descendants: summed RSS (bytes), and each process's CPU so far (ticks). */
export function sampleTree(root: number): { rssBytes: number; cpuTicks: Map<number, number> } {
  const cpuTicks = new Map<number, number>();
  const children = new Map<number, ProcStat[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const rootStat = readStat(String(root));
  let total = rootStat ? rootStat.rssPages * PAGE_BYTES : 0;
  if (rootStat) cpuTicks.set(root, rootStat.cpuTicks);
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    for (const child of children.get(pid) ?? []) {
      total += child.rssPages * PAGE_BYTES;
      cpuTicks.set(child.pid, child.cpuTicks);
      queue.push(child.pid);
    }
  }
  return { rssBytes: total, cpuTicks };
}

function parseGnuTime(text: string): { cpuMs: number; maxRssMb: number } {
  const number = (label: string) => Number(new RegExp(`${label}: ([0-9.]+)`).exec(text)?.[1] ?? Number.NaN);
  const user = number('User time \\(seconds\\)');
  const sys = number('System time \\(seconds\\)');
  const maxRssKb = number('Maximum resident set size \\(kbytes\\)');
  return { cpuMs: Math.round((user + sys) * 1000), maxRssMb: Math.round(maxRssKb / 1024) };
}

/** Runs `command args` under GNU time in its own process group and samples its tree's memory. */
export async function measure(label: string, command: string, args: string[], options: MeasureOptions): Promise<Measurement> {
  requireGnuTime();
  const statsDir = mkdtempSync(path.join(os.tmpdir(), 'bench-time-'));
  const statsFile = path.join(statsDir, 'time.txt');
  const started = performance.now();
  const child = spawn(GNU_TIME, ['-v', '-o', statsFile, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  let peak = 0;
  // Each process's CPU as last seen; a process that exited keeps its last figure.
  const lastCpuTicks = new Map<number, number>();
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    const sample = sampleTree(child.pid);
    peak = Math.max(peak, sample.rssBytes);
    for (const [pid, ticks] of sample.cpuTicks) lastCpuTicks.set(pid, ticks);
  }, options.sampleMs ?? 500);
  const timer = setTimeout(() => {
    stderr += `\n[bench] ${label} killed after ${options.timeoutMs} ms`;
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
  }, options.timeoutMs ?? 900_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = Math.round(performance.now() - started);
  clearInterval(sampler);
  clearTimeout(timer);
  const timeText = existsSync(statsFile) ? readFileSync(statsFile, 'utf8') : '';
  rmSync(statsDir, { recursive: true, force: true });
  const { cpuMs: rusageCpuMs, maxRssMb } = parseGnuTime(timeText);
  const sampledCpuMs = Math.round(([...lastCpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) * 1000) / TICKS_PER_SECOND);
  // GNU time reports the command's own exit status as its exit status.
  return {
    label,
    exitCode,
    wallMs,
    cpuMs: Math.max(Number.isNaN(rusageCpuMs) ? 0 : rusageCpuMs, sampledCpuMs),
    rusageCpuMs,
    sampledCpuMs,
    peakTreeRssMb: Math.round(Math.max(peak, maxRssMb * 1024 * 1024) / (1024 * 1024)),
    maxProcessRssMb: maxRssMb,
    stdout,
    stderr,
  };
}

/** Several measured steps run one after the other, summed as one pipeline. */
export function combine(label: string, steps: Measurement[]): Measurement {
  return {
    label,
    exitCode: steps.every((s) => s.exitCode === 0) ? 0 : 1,
    wallMs: steps.reduce((sum, s) => sum + s.wallMs, 0),
    cpuMs: steps.reduce((sum, s) => sum + s.cpuMs, 0),
    rusageCpuMs: steps.reduce((sum, s) => sum + s.rusageCpuMs, 0),
    sampledCpuMs: steps.reduce((sum, s) => sum + s.sampledCpuMs, 0),
    peakTreeRssMb: Math.max(0, ...steps.map((s) => s.peakTreeRssMb)),
    maxProcessRssMb: Math.max(0, ...steps.map((s) => s.maxProcessRssMb)),
    stdout: steps.map((s) => s.stdout).join('\n'),
    stderr: steps.map((s) => s.stderr).join('\n'),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
