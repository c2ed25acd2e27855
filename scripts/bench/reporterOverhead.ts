/**
 * npm run bench:reporter (first half) / tsx scripts/bench/reporterOverhead.ts [--runs 9 --tests 300 --operations 20]
 *
 * The same specs run with only the `list` reporter, and with the suite's fixtures recording every
 * operation plus the risk reporter; alternating A B A B; the median of the pairs' wall-time overheads in percent.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, median, requireGnuTime, SetupError, type Measurement } from '../../bench/lib/measure.ts';
import { BENCH_DIR, loadAverage, ROOT, table, writeSection } from '../../bench/lib/results.ts';
import { writeOverheadProject, type OverheadSide } from '../../bench/reporter/overheadProject.ts';

const TARGET_PERCENT = 5;

class UsageError extends Error {}

function positive(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, tests: { type: 'string', default: '300' }, operations: { type: 'string', default: '20' } } });
  const runs = positive('runs', values.runs);
  const tests = positive('tests', values.tests);
  const operationsPerTest = positive('operations', values.operations);
  requireGnuTime();
  const files = Math.min(10, tests);
  if (tests % files !== 0) throw new UsageError(`--tests must be a multiple of ${files}`);
  const project = writeOverheadProject(path.join(BENCH_DIR, '.work', 'overhead'), { files, testsPerFile: tests / files, operationsPerTest });
  const playwright = path.join(ROOT, 'node_modules', '.bin', 'playwright');

  const run = async (side: OverheadSide, index: number): Promise<Measurement> => {
    const outputRoot = path.join(project.dir, `out-${side}-${index}`);
    const m = await measure(side, playwright, ['test', '--config', side === 'list' ? project.listConfig : project.riskConfig], {
      cwd: project.dir,
      env: { ...process.env, OUTPUT_ROOT: outputRoot, BENCH_SPECS: path.join(project.dir, 'specs', side), VALIDATION_CONFIG: path.join(project.dir, 'validation.config.ts'), FORCE_COLOR: '0', CI: '' },
      timeoutMs: 600_000,
    });
    // The list reporter prints "N passed": every test must have run on both sides.
    if (!new RegExp(`\\b${tests} passed\\b`).test(m.stdout)) {
      throw new Error(`the ${side} run did not pass all ${tests} tests (exit ${m.exitCode}):\n${m.stdout.slice(-1500)}\n${m.stderr.slice(-1500)}`);
    }
    return m;
  };

  const rows: (string | number)[][] = [];
  const list: Measurement[] = [];
  const risk: Measurement[] = [];
  const lean: Measurement[] = [];
  const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
  // One untimed pass of each: the first run compiles and caches the TypeScript of the specs and fixtures.
  for (const side of ['list', 'risk', 'lean'] as const) await run(side, 0);
  for (let index = 1; index <= runs; index++) {
    const load = loadAverage();
    const a = await run('list', index);
    const b = await run('risk', index);
    const c = await run('lean', index);
    list.push(a);
    risk.push(b);
    lean.push(c);
    rows.push([index, load, (a.wallMs / 1000).toFixed(2), (b.wallMs / 1000).toFixed(2), pct(a.wallMs, b.wallMs), (c.wallMs / 1000).toFixed(2), pct(a.wallMs, c.wallMs)]);
    console.log(`[bench] run ${index}/${runs}: list ${(a.wallMs / 1000).toFixed(2)} s, risk ${(b.wallMs / 1000).toFixed(2)} s, lean ${(c.wallMs / 1000).toFixed(2)} s (load ${load})`);
  }
  const listWall = median(list.map((m) => m.wallMs));
  const riskWall = median(risk.map((m) => m.wallMs));
  const leanWall = median(lean.map((m) => m.wallMs));
  // The sides alternate so that each run of ours has a list run beside it under the same load: the
  // overhead is the median of those pairs (a load that drifts over the bench moves both halves of a
  // pair, where it can put the two medians in runs far apart).
  const paired = (side: Measurement[]) => median(side.map((m, index) => ((m.wallMs - list[index]!.wallMs) / list[index]!.wallMs) * 100));
  const overhead = paired(risk);
  const leanOverhead = paired(lean);
  const cpu = (ms: Measurement[]) => median(ms.map((m) => m.cpuMs));
  const body = [
    `${tests} tests x ${operationsPerTest} operations (${tests * operationsPerTest} operations) in ${files} files, one worker. `
      + 'Each operation is the same trivial assertion on both sides, so the difference is the recording alone (its worst case: real checks take longer than their bookkeeping). '
      + 'List: plain `@playwright/test`, `list` reporter. Risk: the suite\'s fixtures (`target`, `risk.check` per operation, each one a Playwright step at its source line, the risk attachment) and `list` + the risk reporter. '
      + 'One untimed run of each first (TypeScript transform cache), then alternating.',
    '',
    table(['median of ' + runs, 'list only', 'fixtures + risk reporter', 'overhead', 'target + risk fixtures only + risk reporter', 'overhead'], [
      ['wall time, median of the pairs\' overheads', '', '', `**${overhead.toFixed(1)} %**`, '', `${leanOverhead.toFixed(1)} %`],
      ['wall time (s)', (listWall / 1000).toFixed(2), (riskWall / 1000).toFixed(2), pct(listWall, riskWall), (leanWall / 1000).toFixed(2), pct(listWall, leanWall)],
      ['CPU time (s)', (cpu(list) / 1000).toFixed(2), (cpu(risk) / 1000).toFixed(2), pct(cpu(list), cpu(risk)), (cpu(lean) / 1000).toFixed(2), pct(cpu(list), cpu(lean))],
      ['peak memory (MB)', median(list.map((m) => m.peakTreeRssMb)), median(risk.map((m) => m.peakTreeRssMb)), '', median(lean.map((m) => m.peakTreeRssMb)), ''],
    ]),
    '',
    `Target: overhead <= ${TARGET_PERCENT} %: **${overhead <= TARGET_PERCENT ? 'met' : 'not met'}** (${overhead.toFixed(1)} %, the median of the ${runs} pairs' overheads; the overhead of the medians is ${pct(listWall, riskWall)}). `
      + 'The third column imports only the `target` and `risk` fixtures instead of `fixtures/index.ts`: the difference between the two is what the other fixtures cost a worker whose specs do not use them (their modules load on first use).',
    '',
    table(['run', 'load average', 'list (s)', 'risk (s)', 'overhead', 'lean (s)', 'overhead'], rows),
  ].join('\n');
  const command = `tsx scripts/bench/reporterOverhead.ts ${process.argv.slice(2).join(' ')}`.trim();
  writeSection('reporter-overhead', 'Reporter overhead: fixtures + risk reporter vs the list reporter alone', command, body);
  console.log(`\n${body}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError || error instanceof SetupError ? `bench:reporter: ${error.message}` : error);
  process.exit(1);
});
