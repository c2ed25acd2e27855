/**
 * npm run bench:reporter (third part) / tsx --expose-gc scripts/bench/reporterMicro.ts [--runs 15 --warmup 3 --tests 300 --operations 20]
 *
 * What one operation costs the suite in CPU, without Playwright's runner: the `risk` fixture recording
 * it, and the risk reporter's onTestEnd + onEnd reading it, each timed with process.cpuUsage in this
 * process. The same operations every run: warm-up repetitions, then the median and spread of the measured ones.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, SetupError } from '../../bench/lib/measure.ts';
import { BENCH_DIR, loadAverage, readSection, table, writeSection } from '../../bench/lib/results.ts';
import { fixtureSide, MicroBenchError, planOperations, reporterSide } from '../../bench/reporter/microSides.ts';
import { buildSyntheticRun } from '../../bench/reporter/syntheticRun.ts';

const TARGET_MICROS = 50;

class UsageError extends Error {}

function integer(name: string, value: string | undefined, min: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value ?? '') || number < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return number;
}

const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const micros = (value: number) => value.toFixed(1);

/** The wall-time overhead of a real run as reporterOverhead.ts wrote it, in words; its figures must be where that script puts them. */
function overheadQuote(): string {
  const section = readSection('reporter-overhead');
  if (!section) return 'bench/RESULTS.md has no reporter-overhead section yet (`tsx scripts/bench/reporterOverhead.ts` writes it).';
  const wall = /median of the pairs' overheads \|[^\n]*?\*\*(-?[\d.]+) %\*\*/.exec(section)?.[1];
  const cpu = /\| CPU time \(s\) \| ([\d.]+) \| ([\d.]+) \|/.exec(section);
  const operations = /\((\d+) operations\)/.exec(section)?.[1];
  const date = /^Date: (\S+)/m.exec(section)?.[1];
  if (!wall || !cpu || !operations || !date) {
    throw new MicroBenchError('bench/RESULTS.md: the reporter-overhead section lacks its date, its "median of the pairs\' overheads", its "CPU time (s)" row or its operation count; rerun tsx scripts/bench/reporterOverhead.ts');
  }
  const cpuPerOperation = ((Number(cpu[2]) - Number(cpu[1])) * 1e6) / Number(operations);
  return `Beside it, the real run of the reporter-overhead section (${date}, ${operations} operations): wall-time overhead **${wall} %** (median of its pairs; noisy: wall time follows the load), `
    + `CPU ${cpu[1]} s -> ${cpu[2]} s, that is ${micros(cpuPerOperation)} µs of CPU per operation over every process of the run.`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, warmup: { type: 'string', default: '3' }, tests: { type: 'string', default: '300' }, operations: { type: 'string', default: '20' } } });
  const runs = integer('runs', values.runs, 1);
  const warmup = integer('warmup', values.warmup, 0);
  const shape = { tests: integer('tests', values.tests, 1), operationsPerTest: integer('operations', values.operations, 1) };
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new SetupError('the heap is collected between repetitions: run it as `tsx --expose-gc scripts/bench/reporterMicro.ts`');
  const operations = shape.tests * shape.operationsPerTest;
  const plan = planOperations(shape);
  const run = buildSyntheticRun(shape.tests, operations);
  if (run.operations !== operations) throw new MicroBenchError(`the synthetic run holds ${run.operations} operations, ${operations} were asked for`);
  const outputDir = path.join(BENCH_DIR, '.work', 'micro');
  // Read first: a malformed section stops the bench before any repetition.
  const overhead = overheadQuote();

  const loadBefore = loadAverage();
  const fixture: number[] = [];
  const reporter: number[] = [];
  for (let repetition = -warmup; repetition < runs; repetition++) {
    gc();
    const fixtureMicros = (await fixtureSide(plan)) / operations;
    gc();
    const reporterMicros = (await reporterSide(run, outputDir)) / operations;
    if (repetition < 0) continue;
    fixture.push(fixtureMicros);
    reporter.push(reporterMicros);
    console.log(`[bench] repetition ${repetition + 1}/${runs}: fixture ${micros(fixtureMicros)} µs/op, reporter ${micros(reporterMicros)} µs/op (load ${loadAverage()})`);
  }
  const loadAfter = loadAverage();
  const sides = [
    ['fixture side', '`risk` fixture: recorder, `risk.check` / `risk.pass` / `risk.fail` / `risk.warn`, source line, attachment, Allure labels, annotations', spread(fixture)],
    ['reporter side', 'risk reporter: `onTestEnd` for every test + `onEnd` (log, verdict, summary files)', spread(reporter)],
    ['sum', 'per repetition', spread(fixture.map((value, index) => value + reporter[index]!))],
  ] as const;
  const sum = sides[2][2].median;
  const body = [
    `${shape.tests} tests x ${shape.operationsPerTest} operations (${operations} operations a repetition), the operations of the synthetic run (\`bench/reporter/syntheticRun.ts\`: `
      + 'one failure in 10,000, one warning in 1,000) on both sides; a passed check alternates `risk.check` (a no-op body) and `risk.pass`, called from a module named as a spec (`bench/reporter/microOperations.spec.ts`) as the suite\'s checks are. '
      + `CPU time of this one process (\`process.cpuUsage\`, user + sys, garbage collection included), ${warmup} warm-up repetitions, then ${runs} measured, the heap collected before each side.`,
    '',
    table(['side', 'what runs', 'median (µs/op)', 'min', 'max'], sides.map(([side, what, s]) => [side, what, side === 'sum' ? `**${micros(s.median)}**` : micros(s.median), micros(s.min), micros(s.max)])),
    '',
    `Target: <= ${TARGET_MICROS} µs of CPU per operation, fixture + reporter: **${sum <= TARGET_MICROS ? 'met' : 'not met'}** (${micros(sum)} µs). Load average ${loadBefore} before, ${loadAfter} after.`,
    '',
    overhead,
    '',
    'Not included, since it runs only inside a Playwright test: `test.step` for the first 200 passed checks of a test and every failure '
      + '(Playwright\'s step bookkeeping and its messages from the worker to the runner), the attachment\'s trip to the runner, and loading the fixtures\' modules. '
      + 'With no running test the recorder runs each check bare instead, and `test.info()`, which throws outside a test, is stubbed to say so without an error (a check inside a test never pays for that error); '
      + 'the source line of each check is still read from its stack.',
  ].join('\n');
  const command = `tsx --expose-gc scripts/bench/reporterMicro.ts ${process.argv.slice(2).join(' ')}`.trim();
  writeSection('reporter-micro', 'Reporter micro-benchmark: CPU per operation, fixture and reporter in one process', command, body);
  console.log(`\n${body}`);
}

/** A wrong or unknown option, a missing flag, a malformed input: one message. Anything else is a bug: its stack. */
function isUserError(error: unknown): error is Error {
  const parseArgsError = String((error as { code?: unknown } | undefined)?.code ?? '').startsWith('ERR_PARSE_ARGS');
  return error instanceof UsageError || error instanceof SetupError || error instanceof MicroBenchError || parseArgsError;
}

main().catch((error: unknown) => {
  console.error(isUserError(error) ? `bench:reporter: ${error.message}` : error);
  process.exit(1);
});
