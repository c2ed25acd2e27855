/**
 * npm run bench:steps [-- --steps 500,1000,2000,4000,8000]
 *
 * What Playwright Test itself pays for the steps of one test, with none of the suite's code: a
 * generated spec whose one test makes N empty `test.step` calls in a row, run by plain
 * `playwright test` (dot reporter, one worker), once per N. The in-test time is measured by the
 * test around its loop; wall and CPU are the whole process tree. This is why a test shows its first
 * `report.passedStepsPerTest` passed checks as steps by default and counts the rest: the cost of a
 * step grows with the steps the test already has.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, requireGnuTime, SetupError } from '../../bench/lib/measure.ts';
import { loadAverage, ROOT, table, writeSection } from '../../bench/lib/results.ts';
import { PASSED_STEPS_PER_TEST } from '../../fixtures/risk.ts';

class UsageError extends Error {}

const SPEC = `import { test } from '@playwright/test';
const N = Number(process.env.BENCH_STEPS);
test('steps', async () => {
  const start = performance.now();
  for (let i = 0; i < N; i += 1) await test.step('check ' + i, async () => {});
  console.log('IN_TEST_MS ' + Math.round(performance.now() - start));
});
`;

const CONFIG = `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: '.', reporter: 'dot', workers: 1, timeout: 0 });
`;

interface Row {
  steps: number;
  inTestMs: number;
  wallMs: number;
  cpuMs: number;
  load: string;
}

/** What the figures say about a step's cost as its test grows: the last steps' cost against the first ones'. */
function growthLine(rows: Row[]): string {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const before = rows[rows.length - 2];
  if (!before) return `One size measured (${first.steps} steps: ${(first.inTestMs / first.steps).toFixed(2)} ms a step); give --steps several sizes to see how a step's cost grows with its test.`;
  const lastSteps = (last.inTestMs - before.inTestMs) / (last.steps - before.steps);
  const firstSteps = first.inTestMs / first.steps;
  const ratio = lastSteps / firstSteps;
  const verdict = ratio >= 2
    ? `a step costs more the more steps its test already has (Playwright looks for a new step's parent through the test's earlier steps): the steps from ${before.steps} to ${last.steps} cost ${lastSteps.toFixed(2)} ms each, ${ratio.toFixed(1)}x the first ${first.steps}'s ${firstSteps.toFixed(2)} ms`
    : `a step's cost stays about flat as its test grows: ${lastSteps.toFixed(2)} ms each from ${before.steps} to ${last.steps} against ${firstSteps.toFixed(2)} ms for the first ${first.steps}`;
  return `Measured: ${verdict}. Hence a test shows its first \`report.passedStepsPerTest\` (default ${PASSED_STEPS_PER_TEST}) passed checks as steps, and every failed or warned one, and counts the rest in an annotation; `
    + '`STEPS_PER_TEST=all` shows every one. `npm run bench:audit -- --steps 200,all` shows what that costs on a large audit.';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { steps: { type: 'string', default: '500,1000,2000,4000,8000' } } });
  const sizes = values.steps.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--steps takes positive integers, got ${values.steps}`);
  requireGnuTime();
  // In the checkout's own .work folder, so the spec resolves the suite's @playwright/test (bench/ has its own node_modules).
  const dir = path.join(ROOT, '.work', 'bench-steps');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'steps.spec.ts'), SPEC);
  writeFileSync(path.join(dir, 'playwright.config.ts'), CONFIG);
  const rows: Row[] = [];
  try {
    for (const steps of sizes) {
      const load = loadAverage();
      console.log(`[bench] ${steps} steps in one test (load ${load})`);
      const run = await measure(`${steps} steps`, process.execPath, [path.join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', path.join(dir, 'playwright.config.ts')], {
        cwd: dir,
        env: { ...process.env, BENCH_STEPS: String(steps), FORCE_COLOR: '0' },
        timeoutMs: 30 * 60_000,
      });
      const line = run.stdout.split('\n').find((l) => l.startsWith('IN_TEST_MS '));
      if (run.exitCode !== 0 || !line) throw new Error(`the run of ${steps} steps failed (exit ${run.exitCode}):\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
      rows.push({ steps, inTestMs: Number(line.slice('IN_TEST_MS '.length)), wallMs: run.wallMs, cpuMs: run.cpuMs, load });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const body = [
    'Plain Playwright Test, none of the suite\'s code: one test making N empty `test.step` calls in a row (`playwright test`, dot reporter, one worker). '
      + 'In-test time is the loop alone; wall and CPU are the whole process tree, Playwright\'s start included. '
      + 'Per step is the in-test time divided by N; "next step" is what each step added between this N and the previous one costs.',
    '',
    table(['steps in the test', 'in-test ms', 'per step (ms)', 'next step (ms)', 'wall s', 'CPU s', 'load before'], rows.map((r, i) => {
      const before = rows[i - 1];
      const marginal = before ? (r.inTestMs - before.inTestMs) / (r.steps - before.steps) : Number.NaN;
      return [r.steps, r.inTestMs, (r.inTestMs / r.steps).toFixed(2), Number.isNaN(marginal) ? '-' : marginal.toFixed(2), (r.wallMs / 1000).toFixed(1), (r.cpuMs / 1000).toFixed(1), r.load];
    })),
    '',
    growthLine(rows),
  ].join('\n');
  console.log(`\n${body}`);
  const file = writeSection('playwright-steps', 'Playwright steps per test', `npm run bench:steps -- --steps ${values.steps}`, body);
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError || error instanceof SetupError ? error.message : error);
  process.exit(1);
});
