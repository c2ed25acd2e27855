/**
 * One side of the reporter micro-benchmark in a fresh process, as a run keeps them apart (the fixture
 * in a worker, the reporter in the runner): warm-up repetitions, then measured ones, printed as one
 * line of CPU µs per operation. Run with
 * `node --import tsx bench/reporter/microRun.ts <fixture|reporter> <warmup> <runs> <tests> <operationsPerTest> <workDir>`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fixtureSide, MicroBenchError, planOperations, reporterSide } from './microSides.ts';
import { buildSyntheticRun } from './syntheticRun.ts';

async function main(): Promise<void> {
  const [side, ...rest] = process.argv.slice(2);
  const workDir = rest.pop();
  const [warmup, runs, tests, operationsPerTest] = rest.map(Number);
  if ((side !== 'fixture' && side !== 'reporter') || !workDir || [warmup, runs, tests, operationsPerTest].some((n) => !Number.isInteger(n) || n! < 0) || !runs || !tests || !operationsPerTest) {
    throw new MicroBenchError(`usage: microRun.ts <fixture|reporter> <warmup> <runs> <tests> <operationsPerTest> <workDir>, got ${process.argv.slice(2).join(' ')}`);
  }
  // A reporter that fails to start writes its summary into the working folder: the bench's, not the checkout.
  const reportsDir = path.resolve(workDir, 'reports');
  mkdirSync(workDir, { recursive: true });
  process.chdir(workDir);
  const operations = tests * operationsPerTest;
  const plan = side === 'fixture' ? planOperations({ tests, operationsPerTest }) : [];
  const run = side === 'reporter' ? buildSyntheticRun(tests, operations) : undefined;
  if (run && run.operations !== operations) throw new MicroBenchError(`the synthetic run holds ${run.operations} operations, ${operations} were asked for`);
  const perOperation: number[] = [];
  for (let repetition = -warmup!; repetition < runs; repetition++) {
    const micros = run ? await reporterSide(run, reportsDir) : await fixtureSide(plan);
    if (repetition >= 0) perOperation.push(micros / operations);
  }
  console.log(`MICRO ${JSON.stringify({ side, perOperation })}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof MicroBenchError ? error.message : error);
  process.exit(1);
});
