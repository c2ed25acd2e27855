/**
 * npm run bench:audit [-- --files 10000 --workers 2 --keep]
 *
 * Generates a repository of source files (about 10 KB each) in a temp folder, runs the whole audit
 * gate on it (`playwright test --project=audit --no-deps`), and prints files/s and the peak memory
 * (RSS) of the run's processes. `--files 2000,10000` runs several sizes, to show memory stays flat.
 * `--steps 200,all` runs each size once per setting of STEPS_PER_TEST (how many passed checks of a
 * test become Playwright steps): what showing every check as a step costs on a large audit.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, requireGnuTime, SetupError } from '../../bench/lib/measure.ts';
import { loadAverage, table, writeSection } from '../../bench/lib/results.ts';
import { PASSED_STEPS_PER_TEST } from '../../fixtures/risk.ts';
import { generateAuditTree } from './auditTree.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function benchConfig(repository: string): string {
  return `export default ${JSON.stringify({
    target: { name: 'audit bench', baseUrl: 'http://127.0.0.1:9' },
    routes: [{ path: '/', name: 'home' }],
    audit: {
      repository,
      branding: { forbiddenTerms: [{ term: 'AI' }] },
      designDna: { palette: ['#2dd4bf', '#0b1020'], glassSelectors: ['.glass'] },
      // npm audit asks the registry: not what this bench measures.
      dependencies: { auditLevel: 'off' },
    },
  }, null, 2)};\n`;
}

interface Result {
  files: number;
  bytes: number;
  exitCode: number | null;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  peakProcessMb: number;
  operations: number;
  /** The gate's own span in the log (first test start to last test end): the checks without Playwright's start and reports. */
  gateSeconds: number;
  /** STEPS_PER_TEST of the run: passed checks shown as steps per test. */
  steps: string;
  load: string;
}

async function benchOnce(files: number, workers: number, steps: string, keep: boolean): Promise<Result> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'audit-bench-'));
  const repository = path.join(dir, 'repo');
  try {
    process.stdout.write(`generating ${files} files in ${repository} ... `);
    const tree = generateAuditTree(repository, files);
    console.log(`${(tree.bytes / 1e6).toFixed(1)} MB`);
    const config = path.join(dir, 'validation.config.mjs');
    writeFileSync(config, benchConfig(repository));
    const env: NodeJS.ProcessEnv = { ...process.env, VALIDATION_CONFIG: config, OUTPUT_ROOT: path.join(dir, 'out'), BASE_URL: 'http://127.0.0.1:9', FORCE_COLOR: '0', STEPS_PER_TEST: steps };
    delete env.TARGET_REPO;
    const load = loadAverage();
    // The CPU of the whole tree, workers that exited included (GNU time's rusage or /proc sampling, the larger); /proc sampling the peak RSS.
    const run = await measure('audit gate', process.execPath, [path.join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--project=audit', '--no-deps', `--workers=${workers}`], { cwd: ROOT, env, sampleMs: 200 });
    if (run.exitCode !== 0) console.error(run.stdout.slice(-3000), run.stderr.slice(-2000));
    const exitCode = run.exitCode;
    const wallSeconds = run.wallMs / 1000;
    let summary: { result?: { operations?: { operations?: number }; gates?: Array<{ gate: string; durationSeconds?: number }> } } = {};
    try {
      summary = JSON.parse(readFileSync(path.join(dir, 'out', 'reports', 'executive-summary.json'), 'utf8')) as typeof summary;
    } catch {
      console.error('no executive summary: the operation count is unknown');
    }
    const gateSeconds = summary.result?.gates?.find((gate) => gate.gate === 'audit')?.durationSeconds ?? Number.NaN;
    return { files: tree.files, bytes: tree.bytes, exitCode, wallSeconds, cpuSeconds: run.cpuMs / 1000, peakRssMb: run.peakTreeRssMb, peakProcessMb: run.maxProcessRssMb, operations: summary.result?.operations?.operations ?? 0, gateSeconds, steps, load };
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '10000' }, workers: { type: 'string', default: String(Math.max(1, os.availableParallelism())) }, steps: { type: 'string', default: String(PASSED_STEPS_PER_TEST) }, keep: { type: 'boolean', default: false } } });
  const sizes = values.files.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new UsageError(`--files must be integers >= 10, got ${values.files}`);
  const stepSettings = values.steps.split(',');
  if (stepSettings.some((s) => s !== 'all' && !/^\d+$/.test(s))) throw new UsageError(`--steps must be non-negative integers or "all", got ${values.steps}`);
  requireGnuTime();
  const results: Result[] = [];
  for (const size of sizes) {
    for (const steps of stepSettings) results.push(await benchOnce(size, Number(values.workers), steps, values.keep));
  }
  const header = ['files', 'passed steps per test', 'MB', 'wall s', 'files/s', 'CPU s', 'gate span s', 'files/s in the span', 'peak RSS, all processes (MiB)', 'largest process (MiB)', 'operations', 'exit', 'load before'];
  const rows = results.map((r) => [
    r.files, r.steps, (r.bytes / 1e6).toFixed(1), r.wallSeconds.toFixed(1), Math.round(r.files / r.wallSeconds), r.cpuSeconds.toFixed(1), r.gateSeconds.toFixed(1),
    Math.round(r.files / r.gateSeconds), r.peakRssMb, r.peakProcessMb, r.operations, String(r.exitCode), r.load,
  ]);
  // The rate and the marginal cost at the first steps setting (the default unless --steps says otherwise).
  const first = results.filter((r) => r.steps === stepSettings[0]);
  const largest = first[first.length - 1]!;
  const rate = largest.files / largest.wallSeconds;
  // Between the smallest and the largest tree: what each further file costs, Playwright's start and
  // the checks' fixed work (worker start, listing, loading the scanners) cancelling out.
  const smallest = first[0]!;
  const marginal = first.length > 1 && largest.wallSeconds > smallest.wallSeconds ? (largest.files - smallest.files) / (largest.wallSeconds - smallest.wallSeconds) : undefined;
  const body = [
    `The whole gate: \`playwright test --project=audit --no-deps --workers=${values.workers}\` on a generated repository (\`scripts/bench/auditTree.ts\`: about 10 KB a file; TypeScript, CSS, JSON, YAML, Python), every check on, npm audit off (it asks the registry). `
      + 'Wall and CPU are the whole process tree: Playwright\'s start, the workers, every check, the reporters. The gate span is the audit gate\'s duration in the executive summary (first test start to last test end). '
      + 'Passed steps per test: STEPS_PER_TEST, how many passed checks of a test become Playwright steps (every failure always is one).',
    '',
    table(header, rows),
    '',
    `Target: >= 2000 files/s for the whole gate: **${rate >= 2000 ? 'met' : 'not met'}** (${Math.round(rate)} files/s at ${largest.files} files and ${largest.steps} passed steps per test, Playwright's start included; ${Math.round(largest.files / largest.gateSeconds)} files/s over the gate's span`
      + `${marginal ? `; ${Math.round(marginal)} files/s for each file beyond ${smallest.files} (wall time from ${smallest.files} to ${largest.files} files)` : ''}). `
      + 'Memory flat in the number of files: compare the largest process across sizes.',
  ].join('\n');
  console.log(`\n${body}`);
  const file = writeSection('audit-speed', 'Audit gate speed', `npm run bench:audit -- --files ${values.files} --workers ${values.workers}${values.steps === String(PASSED_STEPS_PER_TEST) ? '' : ` --steps ${values.steps}`}`, body);
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof SetupError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
