/**
 * npm run bench:full [-- --runs 3 --workers 1,2,3 --project full]
 *
 * `playwright test --project=full` on the sample target with a warm install: wall time, CPU time,
 * peak memory, each gate's span, the verdict and the Lighthouse scores of every run, median of the
 * runs per setting. With several `--workers` settings the runs alternate (A B C A B C), so a change
 * in the machine's load falls on every setting alike. Rewrites its section of bench/RESULTS.md.
 * The faults still caught are `npm run bench:detection`'s figure (quoted from its own section).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemo } from '../../bench/lib/demo.ts';
import { measure, median, requireGnuTime, SetupError, type Measurement } from '../../bench/lib/measure.ts';
import { BENCH_DIR, loadAverage, RESULTS_FILE, ROOT, table, writeSection } from '../../bench/lib/results.ts';
import { GATE_ORDER } from '../../lib/gates.ts';

interface Run {
  setting: string;
  index: number;
  load: string;
  measurement: Measurement;
  verdict: string;
  /** Each gate's span (first task's start to last task's end), seconds. */
  gates: Record<string, number>;
  /** Lighthouse category scores (0-100) of each audited route's representative run. */
  lighthouse: Record<string, Record<string, number>>;
}

class UsageError extends Error {}

function parseSettings(value: string): string[] {
  const settings = value.split(',').map((w) => w.trim()).filter(Boolean);
  const bad = settings.filter((w) => w !== 'default' && !/^\d+%?$/.test(w));
  if (settings.length === 0 || bad.length > 0) throw new UsageError(`--workers takes a comma-separated list of counts, percentages or "default", got "${value}"`);
  return settings;
}

const WORK = path.join(BENCH_DIR, '.work', 'full');

/** The runs the last bench left in its work folder, in the order they ran. */
function savedRuns(): Run[] {
  if (!existsSync(WORK)) throw new UsageError(`no saved runs in ${WORK}: run the bench first`);
  return readdirSync(WORK)
    .filter((name) => existsSync(path.join(WORK, name, 'run.json')))
    .map((name) => {
      const outputRoot = path.join(WORK, name);
      const saved = JSON.parse(readFileSync(path.join(outputRoot, 'run.json'), 'utf8')) as Pick<Run, 'setting' | 'index' | 'load'> & { measurement: Omit<Measurement, 'stdout' | 'stderr'> };
      return { ...saved, measurement: { ...saved.measurement, stdout: '', stderr: '' }, ...readLog(outputRoot), lighthouse: readLighthouse(outputRoot) };
    })
    .sort((a, b) => a.index - b.index || a.setting.localeCompare(b.setting));
}

function readLog(outputRoot: string): { verdict: string; gates: Record<string, number> } {
  const latest = path.join(outputRoot, 'reports', 'latest.jsonl');
  const gates: Record<string, number> = {};
  let verdict = 'none';
  if (!existsSync(latest)) return { verdict, gates };
  for (const line of readFileSync(latest, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { type?: string; gate?: string; duration_seconds?: number; verdict?: string };
    if (record.type === 'gate' && record.gate) gates[record.gate] = record.duration_seconds ?? 0;
    if (record.type === 'summary' && record.verdict) verdict = record.verdict;
  }
  return { verdict, gates };
}

/** The Lighthouse HTML report embeds its result as JSON: the scores of the run the spec kept. */
function readLighthouse(outputRoot: string): Record<string, Record<string, number>> {
  const scores: Record<string, Record<string, number>> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      // attachments/ holds hashed copies of the same reports.
      if (entry.isDirectory() && entry.name !== 'attachments') walk(file);
      const match = /^lighthouse-(.+)\.html$/.exec(entry.name);
      if (!match?.[1] || !entry.isFile()) continue;
      const json = /__LIGHTHOUSE_JSON__ = (\{.*?\});<\/script>/s.exec(readFileSync(file, 'utf8'))?.[1];
      if (!json) continue;
      const lhr = JSON.parse(json.replace(/\\u003c/g, '<')) as { categories?: Record<string, { score: number | null }> };
      scores[match[1]] = Object.fromEntries(Object.entries(lhr.categories ?? {}).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
    }
  };
  const results = path.join(outputRoot, 'test-results');
  if (existsSync(results)) walk(results);
  return scores;
}

async function runOnce(project: string, workers: string, demoPort: number, outputRoot: string): Promise<Omit<Run, 'setting' | 'index' | 'load'>> {
  rmSync(outputRoot, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, OUTPUT_ROOT: outputRoot, DEMO_PORT: String(demoPort), FORCE_COLOR: '0' };
  // Outside CI, Playwright's webServer reuses the demo already answering on the port.
  delete env.CI;
  delete env.BASE_URL;
  const args = ['test', `--project=${project}`, ...(workers === 'default' ? [] : [`--workers=${workers}`])];
  const measurement = await measure(`full ${workers}`, path.join(ROOT, 'node_modules', '.bin', 'playwright'), args, { cwd: ROOT, env, timeoutMs: 1_800_000 });
  return { measurement, ...readLog(outputRoot), lighthouse: readLighthouse(outputRoot) };
}

/** `bench:detection`'s last figure, from its own section. */
function detectionFigure(): string {
  const text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
  const caught = /(\d+ of \d+ faults caught)[^\n]*/.exec(text.slice(text.indexOf('<!-- detection:begin -->')))?.[0];
  return caught?.replace(/\.$/, '') ?? 'not measured yet (`npm run bench:detection`)';
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const spread = (values: number[]) => (values.length === 0 ? '-' : `${Math.min(...values)}-${Math.max(...values)}`);

function report(runs: Run[], settings: string[], project: string, command: string): string {
  const lines: string[] = [];
  lines.push(`\`playwright test --project=${project}\` on the sample target (the demo started once, outside the measured tree; warm install and transform cache). CPU = user + sys of the whole tree (the larger of GNU time's rusage and the sum over every process seen in the tree, sampled from /proc every 0.5 s: the browser's renderers are not waited for through the chain of parents, so rusage alone misses most of their CPU), memory = peak of the tree's summed RSS. Runs alternate between the worker settings.`, '');
  const bySetting = (setting: string) => runs.filter((r) => r.setting === setting);
  lines.push(table(['workers', 'runs', 'wall (s), median', 'CPU (s), median', 'peak memory (MB), median', 'verdicts', ...GATE_ORDER.map((g) => `${g} (s)`)], settings.map((setting) => {
    const mine = bySetting(setting);
    return [
      setting, mine.length,
      seconds(median(mine.map((r) => r.measurement.wallMs))),
      seconds(median(mine.map((r) => r.measurement.cpuMs))),
      median(mine.map((r) => r.measurement.peakTreeRssMb)),
      [...new Set(mine.map((r) => r.verdict))].join(', '),
      ...GATE_ORDER.map((g) => median(mine.map((r) => r.gates[g] ?? 0)).toFixed(1)),
    ];
  })));
  const best = settings.map((s) => ({ s, wall: median(bySetting(s).map((r) => r.measurement.wallMs)) })).sort((a, b) => a.wall - b.wall)[0];
  if (best) lines.push('', `Target: \`full\` <= 60 s wall on this machine: **${best.wall <= 60_000 ? 'met' : 'not met'}** (best: ${seconds(best.wall)} s with workers ${best.s}).`);
  lines.push(`Faults still caught (\`npm run bench:detection\`, its own section): ${detectionFigure()}.`, '');
  const routes = [...new Set(runs.flatMap((r) => Object.keys(r.lighthouse)))].sort();
  const categories = [...new Set(runs.flatMap((r) => Object.values(r.lighthouse).flatMap((c) => Object.keys(c))))];
  if (routes.length > 0) {
    lines.push('Lighthouse scores over the runs (lowest-highest of the representative run per route):', '');
    lines.push(table(['workers', 'route', ...categories], settings.flatMap((setting) => routes.map((route) => [
      setting, route, ...categories.map((c) => spread(bySetting(setting).map((r) => r.lighthouse[route]?.[c]).filter((v): v is number => v !== undefined))),
    ]))));
    lines.push('');
  }
  lines.push(table(['run', 'workers', 'load before', 'wall (s)', 'CPU (s)', 'peak MB', 'verdict', 'exit'], runs.map((r) => [
    r.index, r.setting, r.load, seconds(r.measurement.wallMs), seconds(r.measurement.cpuMs), r.measurement.peakTreeRssMb, r.verdict, r.measurement.exitCode ?? 'killed',
  ])));
  writeSection('full', `Ours: --project=${project} on the sample target`, command, lines.join('\n'));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      // Default: Playwright's own; with --report-only, the settings of the saved runs.
      workers: { type: 'string' },
      project: { type: 'string', default: 'full' },
      // Renders the section again from the last runs' saved figures and reports (no new run).
      'report-only': { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a positive integer, got "${values.runs}"`);
  if (values['report-only']) {
    const saved = savedRuns();
    const shown = values.workers === undefined ? [...new Set(saved.map((run) => run.setting))] : parseSettings(values.workers);
    const count = Math.max(0, ...saved.map((run) => run.index));
    console.log(report(saved, shown, values.project, `npm run bench:full -- --runs ${count} --workers ${shown.join(',')}`));
    return;
  }
  const settings = parseSettings(values.workers ?? 'default');
  requireGnuTime();
  const command = `npm run bench:full -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, '');
  // Only this bench's runs are kept: --report-only renders exactly them.
  rmSync(WORK, { recursive: true, force: true });
  const demo = await startDemo();
  const results: Run[] = [];
  try {
    for (let index = 1; index <= runs; index += 1) {
      for (const setting of settings) {
        const load = loadAverage();
        console.log(`[bench] run ${index}/${runs}, workers ${setting} (load ${load})`);
        const outputRoot = path.join(WORK, `${setting.replace('%', 'pct')}-${index}`);
        const run = await runOnce(values.project, setting, demo.port, outputRoot);
        results.push({ setting, index, load, ...run });
        // Kept beside the run's reports, so --report-only can render the section again.
        const { stdout: _out, stderr: _err, ...figures } = run.measurement;
        writeFileSync(path.join(outputRoot, 'run.json'), `${JSON.stringify({ setting, index, load, measurement: figures }, null, 2)}\n`);
        console.log(`[bench]   ${seconds(run.measurement.wallMs)} s wall, ${seconds(run.measurement.cpuMs)} s CPU, ${run.measurement.peakTreeRssMb} MB, verdict ${run.verdict} (exit ${run.measurement.exitCode})`);
        if (run.measurement.exitCode !== 0) console.log(run.measurement.stdout.split('\n').slice(-15).join('\n'));
      }
    }
  } finally {
    await demo.stop();
  }
  console.log(`\n${report(results, settings, values.project, command)}`);
  if (results.some((r) => r.measurement.exitCode !== 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError || error instanceof SetupError ? `bench:full: ${error.message}` : error);
  process.exit(1);
});
