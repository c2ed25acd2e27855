/**
 * npm run bench:reporter (third part) / tsx scripts/bench/reporterMicro.ts [--runs 21 --warmup 5 --tests 300 --operations 20]
 *
 * What one operation costs the suite in CPU, without Playwright's runner: the `risk` fixture recording
 * it, and the risk reporter's onTestEnd + onEnd reading it, each side in its own process (as a run keeps
 * them apart) timed with process.cpuUsage. The same operations every run: warm-up repetitions, then the
 * median and spread of the measured ones.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../../bench/lib/measure.ts';
import { BENCH_DIR, loadAverage, readSection, ROOT, table, writeSection } from '../../bench/lib/results.ts';
import { MicroBenchError } from '../../bench/reporter/microSides.ts';

const TARGET_MICROS = 50;

class UsageError extends Error {}

function integer(name: string, value: string | undefined, min: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value ?? '') || number < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return number;
}

const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const micros = (value: number) => value.toFixed(1);

interface RealRun {
  date: string;
  operations: number;
  wallOverhead: string;
  cpuSeconds: [string, string];
}

/** The figures of a real run as reporterOverhead.ts wrote them, or undefined when it has not run; they must be where that script puts them. */
function realRun(): RealRun | undefined {
  const section = readSection('reporter-overhead');
  if (!section) return undefined;
  const wall = /median of the pairs' overheads \|[^\n]*?\*\*(-?[\d.]+) %\*\*/.exec(section)?.[1];
  const cpu = /\| CPU time \(s\) \| ([\d.]+) \| ([\d.]+) \|/.exec(section);
  const operations = /\((\d+) operations\)/.exec(section)?.[1];
  const date = /^Date: (\S+)/m.exec(section)?.[1];
  if (!wall || !cpu || !operations || !date) {
    throw new MicroBenchError('bench/RESULTS.md: the reporter-overhead section lacks its date, its "median of the pairs\' overheads", its "CPU time (s)" row or its operation count; rerun tsx scripts/bench/reporterOverhead.ts');
  }
  return { date, operations: Number(operations), wallOverhead: wall, cpuSeconds: [cpu[1]!, cpu[2]!] };
}

/** The micro figure beside the real run's: wall-time overhead as measured, and its CPU per operation. */
function besideRealRun(real: RealRun | undefined, sum: number): string {
  if (!real) return 'bench/RESULTS.md has no reporter-overhead section yet (`tsx scripts/bench/reporterOverhead.ts` writes it).';
  const [list, risk] = real.cpuSeconds;
  const cpuPerOperation = ((Number(risk) - Number(list)) * 1e6) / real.operations;
  return `Beside it, the real run of the reporter-overhead section (${real.date}, ${real.operations} operations): wall-time overhead **${real.wallOverhead} %** (median of its pairs; noisy: wall time follows the load), `
    + `CPU ${list} s -> ${risk} s, that is ${micros(cpuPerOperation)} µs of CPU per operation over every process of the run. `
    + `The ${micros(sum)} µs measured here are ${((sum / cpuPerOperation) * 100).toFixed(0)} % of that; the rest lies in what this benchmark leaves out (below) and in the real run's noise.`;
}

/** One side's CPU µs per operation, one figure per measured repetition, from a fresh process. */
function measureSide(side: 'fixture' | 'reporter', args: number[]): Promise<number[]> {
  const script = path.join(BENCH_DIR, 'reporter', 'microRun.ts');
  // The reporter writes where it is told and alerts a webhook when one is set: neither for a bench.
  const env = { ...process.env, REPORTS_DIR: '', WEBHOOK_URL: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', script, side, ...args.map(String), path.join(BENCH_DIR, '.work', 'micro')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('MICRO '));
      let figures: unknown;
      try {
        figures = line ? (JSON.parse(line.slice(6)) as { perOperation?: unknown }).perOperation : undefined;
      } catch {
        figures = undefined;
      }
      if (code === 0 && Array.isArray(figures) && figures.length === args[1] && figures.every((n) => typeof n === 'number' && n > 0)) return resolve(figures as number[]);
      reject(new MicroBenchError(`the ${side} side failed (exit ${code}):\n${stderr.slice(-2000) || stdout.slice(-2000)}`));
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, warmup: { type: 'string', default: '5' }, tests: { type: 'string', default: '300' }, operations: { type: 'string', default: '20' } } });
  const runs = integer('runs', values.runs, 1);
  const warmup = integer('warmup', values.warmup, 0);
  const tests = integer('tests', values.tests, 1);
  const operationsPerTest = integer('operations', values.operations, 1);
  const operations = tests * operationsPerTest;
  // Read first: a malformed section stops the bench before any repetition.
  const real = realRun();

  const loadBefore = loadAverage();
  console.log(`[bench] reporter micro: ${operations} operations a repetition, ${warmup} warm-up + ${runs} measured (load ${loadBefore})`);
  const fixture = await measureSide('fixture', [warmup, runs, tests, operationsPerTest]);
  console.log(`[bench] fixture side: median ${micros(median(fixture))} µs/op (load ${loadAverage()})`);
  const reporter = await measureSide('reporter', [warmup, runs, tests, operationsPerTest]);
  console.log(`[bench] reporter side: median ${micros(median(reporter))} µs/op (load ${loadAverage()})`);
  const loadAfter = loadAverage();
  const sides = [
    ['fixture side', '`risk` fixture: recorder, `risk.check` / `risk.pass` / `risk.fail` / `risk.warn`, source line, attachment, Allure labels, annotations', spread(fixture)],
    ['reporter side', 'risk reporter: `onTestEnd` for every test + `onEnd` (log, verdict, summary files)', spread(reporter)],
    ['sum', 'the two sides\' repetitions of the same rank added', spread(fixture.map((value, index) => value + reporter[index]!))],
  ] as const;
  const sum = sides[2][2].median;
  const body = [
    `${tests} tests x ${operationsPerTest} operations (${operations} operations a repetition), the operations of the synthetic run (\`bench/reporter/syntheticRun.ts\`: `
      + 'one failure in 10,000, one warning in 1,000) on both sides; a passed check alternates `risk.check` (a no-op body) and `risk.pass`, called from a module named as a spec (`bench/reporter/microOperations.spec.ts`) as the suite\'s checks are. '
      + `Each side in its own Node process, as a run keeps them apart (the fixture in a worker, the reporter in the runner): CPU time of that process (\`process.cpuUsage\`, user + sys, `
      + `garbage collection included, none forced), ${warmup} warm-up repetitions, then ${runs} measured.`,
    '',
    table(['side', 'what runs', 'median (µs/op)', 'min', 'max'], sides.map(([side, what, s]) => [side, what, side === 'sum' ? `**${micros(s.median)}**` : micros(s.median), micros(s.min), micros(s.max)])),
    '',
    `Target: <= ${TARGET_MICROS} µs of CPU per operation, fixture + reporter: **${sum <= TARGET_MICROS ? 'met' : 'not met'}** (${micros(sum)} µs). Load average ${loadBefore} before, ${loadAfter} after.`,
    '',
    besideRealRun(real, sum),
    '',
    'Not included, since it runs only inside a Playwright test: `test.step` for the first 200 passed checks of a test and every failure '
      + '(Playwright\'s step bookkeeping and its messages from the worker to the runner), the attachment\'s trip to the runner, and loading the fixtures\' modules. '
      + 'With no running test the recorder runs each check bare instead, and `test.info()`, which throws outside a test, is stubbed to say so without an error (a check inside a test never pays for that error); '
      + 'the source line of each check is still read from its stack.',
  ].join('\n');
  const command = `tsx scripts/bench/reporterMicro.ts ${process.argv.slice(2).join(' ')}`.trim();
  writeSection('reporter-micro', 'Reporter micro-benchmark: CPU per operation of the risk fixture and the risk reporter, without the runner', command, body);
  console.log(`\n${body}`);
}

/** A wrong or unknown option, a malformed input or a side that failed: one message. Anything else is a bug: its stack. */
function isUserError(error: unknown): error is Error {
  const parseArgsError = String((error as { code?: unknown } | undefined)?.code ?? '').startsWith('ERR_PARSE_ARGS');
  return error instanceof UsageError || error instanceof MicroBenchError || parseArgsError;
}

main().catch((error: unknown) => {
  console.error(isUserError(error) ? `bench:reporter: ${error.message}` : error);
  process.exit(1);
});
