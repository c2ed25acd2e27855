/**
 * `npm run bench:browser [-- --workers 2] [-- --only gates|lighthouse]`: wall time of the three
 * browser gates (browser, a11y, visual) run together on the sample target, and of Lighthouse
 * alone (the a11y tests tagged @lighthouse). Each run is the real `playwright test`, on its own
 * free port and output folder under .work/bench-browser/. Prints one line per run (wall time,
 * exit code, verdict, counts) and, for the three gates, each gate's span from the execution log.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../lib/net.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUTPUT = path.join(ROOT, '.work', 'bench-browser');

interface BenchRun {
  name: string;
  args: string[];
}

const RUNS: Record<string, BenchRun> = {
  gates: { name: 'browser + a11y + visual', args: ['--project=browser', '--project=a11y', '--project=visual', '--no-deps'] },
  lighthouse: { name: 'Lighthouse alone (a11y @lighthouse)', args: ['--project=a11y', '--no-deps', '--grep', '@lighthouse'] },
};

class UserError extends Error {}


interface Verdict {
  verdict?: string;
  tasks?: { total?: number; failed?: number; skipped?: number };
  operations?: number;
}

/** Runs one `playwright test` and returns its wall time (ms), exit code and verdict. */
async function timeRun(key: string, run: BenchRun, workers: string | undefined): Promise<{ ms: number; exitCode: number | null; verdict: Verdict; gates: string[] }> {
  const outputRoot = path.join(OUTPUT, key);
  rmSync(outputRoot, { recursive: true, force: true });
  const args = ['playwright', 'test', ...run.args, ...(workers ? [`--workers=${workers}`] : [])];
  const env = { ...process.env, OUTPUT_ROOT: outputRoot, DEMO_PORT: String(await freePort()), DEMO_FAULTS: '', FORCE_COLOR: '0' };
  const started = performance.now();
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => resolve(code));
  });
  const ms = performance.now() - started;
  let verdict: Verdict = {};
  try {
    verdict = JSON.parse(readFileSync(path.join(outputRoot, 'reports', 'verdict.json'), 'utf8')) as Verdict;
  } catch {
    // no verdict: reported as such below
  }
  return { ms, exitCode, verdict, gates: gateDurations(path.join(outputRoot, 'reports')) };
}

/** Each gate's own span from the execution log (gates of one run overlap: they share the workers). */
function gateDurations(reports: string): string[] {
  try {
    const log = readdirSync(reports).filter((file) => file.startsWith('execution_log_') && file.endsWith('.jsonl')).sort().pop();
    if (!log) return [];
    return readFileSync(path.join(reports, log), 'utf8').split('\n').filter((line) => line.includes('"type":"gate"')).map((line) => {
      const gate = JSON.parse(line) as { gate: string; status: string; duration_seconds: number };
      return `${gate.gate} ${gate.status} ${gate.duration_seconds.toFixed(1)} s`;
    });
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { workers: { type: 'string' }, only: { type: 'string' } } });
  if (values.workers !== undefined && !/^\d+%?$/.test(values.workers)) throw new UserError(`--workers must be a number or a percentage, got "${values.workers}"`);
  const keys = values.only ? [values.only] : Object.keys(RUNS);
  for (const key of keys) if (!RUNS[key]) throw new UserError(`--only must be one of ${Object.keys(RUNS).join(', ')}, got "${key}"`);
  console.log(`bench:browser on ${process.platform}, workers ${values.workers ?? 'Playwright default'}`);
  for (const key of keys) {
    const run = RUNS[key]!;
    const { ms, exitCode, verdict, gates } = await timeRun(key, run, values.workers);
    const tasks = verdict.tasks ? `${verdict.tasks.total ?? 0} tasks (${verdict.tasks.failed ?? 0} failed, ${verdict.tasks.skipped ?? 0} skipped), ${verdict.operations ?? 0} operations` : 'no verdict written';
    console.log(`${run.name.padEnd(38)} ${(ms / 1000).toFixed(1).padStart(7)} s  exit ${exitCode}  verdict ${verdict.verdict ?? 'none'}  ${tasks}`);
    if (gates.length > 1) console.log(`${''.padEnd(38)} gate spans: ${gates.join('; ')}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UserError) {
    console.error(`bench:browser: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
