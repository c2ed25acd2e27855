/**
 * npm run bench:reporter (second half) / tsx scripts/bench/reporterScale.ts [--tests 10000 --operations 100000,1000000]
 *
 * The risk reporter fed a synthetic run directly (no browser, no Playwright runner), each size in a
 * fresh process: time, peak memory, and whether memory grows with the number of operations.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SetupError } from '../../bench/lib/measure.ts';
import { BENCH_DIR, loadAverage, ROOT, table, writeSection } from '../../bench/lib/results.ts';

const TARGET_MS = 10_000;
const TARGET_MB = 300;

interface ScaleFigures {
  tests: number;
  operations: number;
  attachmentMb: number;
  totalMs: number;
  cpuMs: number;
  onTestEndMs: number;
  onEndMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  reporterRssMb: number;
  load: string;
}

class UsageError extends Error {}

function runOnce(tests: number, operations: number): Promise<ScaleFigures> {
  const outputDir = path.join(BENCH_DIR, '.work', 'scale', `${tests}-${operations}`);
  rmSync(outputDir, { recursive: true, force: true });
  const load = loadAverage();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(BENCH_DIR, 'reporter', 'scaleRun.ts'), String(tests), String(operations), outputDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('SCALE '));
      if (code !== 0 || !line) return reject(new Error(`scale run ${tests}/${operations} failed (exit ${code}):\n${stderr.slice(-2000)}`));
      resolve({ ...(JSON.parse(line.slice(6)) as Omit<ScaleFigures, 'load'>), load });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tests: { type: 'string', default: '10000' }, operations: { type: 'string', default: '100000,1000000' } } });
  const tests = Number(values.tests);
  const sizes = values.operations.split(',').map(Number);
  if (!Number.isInteger(tests) || tests < 1 || sizes.some((n) => !Number.isInteger(n) || n < 0)) throw new UsageError('--tests and --operations take positive integers');
  const figures: ScaleFigures[] = [];
  for (const operations of sizes) {
    console.log(`[bench] reporter scale: ${tests} tests, ${operations} operations (load ${loadAverage()})`);
    figures.push(await runOnce(tests, operations));
  }
  const largest = figures[figures.length - 1]!;
  const smallest = figures[0]!;
  const growth = smallest.reporterRssMb > 0 ? largest.reporterRssMb / smallest.reporterRssMb : Number.NaN;
  const opsRatio = smallest.operations > 0 ? largest.operations / smallest.operations : Number.NaN;
  const body = [
    'The risk reporter (`reporters/riskReporter.ts`) driven directly: `onBegin`, `onTestEnd` for every test, `onEnd`, on a synthetic run '
      + '(`bench/reporter/syntheticRun.ts`: seven gates, 50 tests a file, the operations spread evenly, one failure in 10,000 and one warning in 1,000, '
      + 'every test\'s operations in its `risk` attachment as the fixture attaches them). Each size in a fresh Node process. '
      + '"Before" is the process with the synthetic run built (Playwright holds those attachment bodies in any real run); '
      + '"reporter" is the peak RSS minus that: what the reporter itself adds.',
    '',
    table(['tests', 'operations', 'attachments (MB)', 'reporter wall (s)', 'reporter CPU (s)', 'onTestEnd total (s)', 'onEnd (s)', 'RSS before (MB)', 'peak RSS (MB)', 'reporter RSS (MB)', 'peak heap (MB)', 'load average'],
      figures.map((f) => [f.tests, f.operations, f.attachmentMb, (f.totalMs / 1000).toFixed(2), (f.cpuMs / 1000).toFixed(2), (f.onTestEndMs / 1000).toFixed(2), (f.onEndMs / 1000).toFixed(2), f.rssBeforeMb, f.peakRssMb, f.reporterRssMb, f.peakHeapMb, f.load])),
    '',
    `Targets at ${largest.operations} operations: time < ${TARGET_MS / 1000} s: **${largest.totalMs < TARGET_MS ? 'met' : 'not met'}** (${(largest.totalMs / 1000).toFixed(2)} s wall, ${(largest.cpuMs / 1000).toFixed(2)} s CPU: the wall time stretches with the load average); `
      + `peak memory < ${TARGET_MB} MB: **${largest.peakRssMb < TARGET_MB ? 'met' : 'not met'}** (${largest.peakRssMb} MB, of which the reporter ${largest.reporterRssMb} MB); `
      + `memory flat in the number of operations: **${growth < 1.5 ? 'met' : 'not met'}** (${opsRatio}x the operations -> ${growth.toFixed(1)}x the reporter's memory).`,
  ].join('\n');
  const command = `tsx scripts/bench/reporterScale.ts ${process.argv.slice(2).join(' ')}`.trim();
  writeSection('reporter-scale', 'Reporter scale: a synthetic run fed to the risk reporter', command, body);
  console.log(`\n${body}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError || error instanceof SetupError ? `bench:reporter: ${error.message}` : error);
  process.exit(1);
});
