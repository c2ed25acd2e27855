import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { loadAverage, ROOT, table, writeSection } from '../../bench/lib/results.ts';
import { parseExecutionLog, type TaskRecord } from '../../lib/log/index.ts';
import { freePort } from '../../lib/net.ts';
import { runCli, UserError } from '../dashboard/cli.ts';

const USAGE = `Usage: npm run bench:visual-drift -- --chromium <executable> [--chromium <executable> ...] [--thresholds 0.2,0]
How far other Chromium builds render the demo from its committed baselines: the real visual gate,
run once per browser and per-pixel threshold with no differing pixel allowed, counts the pixels
that differ on each screen. Writes its section of bench/RESULTS.md.`;

const WORK = path.join(ROOT, '.work', 'bench', 'visual-drift');

/** Differing pixels per screen: 0 for a passing task, the count from the failure otherwise. */
function pixelsByScreen(tasks: TaskRecord[]): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const task of tasks.filter((t) => t.task_id.startsWith('visual/screens-'))) {
    const screen = task.task_id.replace(/^visual\/screens-/, '').replace(/-at-/, '-').replace(/-\d+x\d+$/, '');
    const match = task.errors.map((e) => /: (\d+) pixels differ/.exec(e)).find(Boolean);
    out.set(screen, task.status === 'completed' ? 0 : match ? Number(match[1]) : `${task.status}: ${task.errors[0]?.slice(0, 80) ?? ''}`);
  }
  return out;
}

async function measure(executable: string, threshold: number, index: number): Promise<Map<string, number | string>> {
  const dir = path.join(WORK, `${index}-${threshold}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'validation.config.ts');
  const base = path.relative(dir, path.join(ROOT, 'validation.config.ts')).split(path.sep).join('/');
  const baselines = path.join(ROOT, 'baselines', 'paiid-demo');
  writeFileSync(config, `import base from '${base}';\nexport default { ...base, visual: { ...base.visual, baselineDir: ${JSON.stringify(baselines)}, threshold: ${threshold}, maxDiffPixels: 0 } };\n`);
  const env = { ...process.env, CI: '1', FORCE_COLOR: '0', CHROMIUM_PATH: executable, VALIDATION_CONFIG: config, OUTPUT_ROOT: dir, DEMO_PORT: String(await freePort()) };
  spawnSync('npx', ['playwright', 'test', '--project=visual', '--no-deps', '--grep', 'screens', '--update-snapshots=none', '--workers=2'], { cwd: ROOT, env, stdio: 'ignore' });
  const reports = path.join(dir, 'reports');
  const log = readdirSync(reports).filter((f) => f.startsWith('execution_log_')).sort().pop();
  if (!log) throw new UserError(`the visual gate wrote no log for ${executable} (see ${dir})`);
  const records = parseExecutionLog(readFileSync(path.join(reports, log), 'utf8'), log).records;
  return pixelsByScreen(records.filter((r): r is TaskRecord => r.type === 'task'));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { chromium: { type: 'string', multiple: true }, thresholds: { type: 'string', default: '0.2,0' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const executables = values.chromium ?? [];
  if (executables.length === 0) throw new UserError(`name at least one --chromium executable\n${USAGE}`);
  // The suite prefers Playwright's own Chromium over CHROMIUM_PATH: measuring would silently use it.
  if (existsSync(chromium.executablePath())) throw new UserError(`Playwright's own Chromium is installed (${chromium.executablePath()}): the gate would use it instead of --chromium`);
  const thresholds = values.thresholds.split(',').map(Number);
  if (thresholds.some((t) => !(t >= 0 && t <= 1))) throw new UserError(`--thresholds must be numbers from 0 to 1, got ${values.thresholds}`);
  const rows: (string | number)[][] = [];
  for (const [index, executable] of executables.entries()) {
    if (!existsSync(executable)) throw new UserError(`--chromium ${executable} does not exist`);
    const version = execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim();
    for (const threshold of thresholds) {
      console.log(`bench:visual-drift: ${version} at threshold ${threshold}...`);
      const pixels = await measure(executable, threshold, index);
      const counts = [...pixels.values()];
      const numbers = counts.filter((c): c is number => typeof c === 'number');
      const worst = [...pixels.entries()].filter(([, c]) => typeof c !== 'number' || c > 0).map(([s, c]) => `${s} ${c}`).join(', ') || 'none';
      rows.push([version, executable, threshold, pixels.size, Math.max(0, ...numbers), worst]);
    }
  }
  const body = [
    `Load average (1/5/15 min) at the end: ${loadAverage()}. Each row is one run of the visual gate against baselines/paiid-demo/ with that browser (CHROMIUM_PATH) and per-pixel threshold, no differing pixel allowed.`,
    '',
    table(['browser', 'executable', 'threshold', 'screens', 'most differing pixels', 'screens that differ'], rows),
  ].join('\n');
  const file = writeSection('visual-drift', 'Visual drift across Chromium builds', `npm run bench:visual-drift -- ${executables.map((e) => `--chromium ${e}`).join(' ')} --thresholds ${values.thresholds}`, body);
  console.log(`${body}\n\nWritten to ${path.relative(process.cwd(), file)}`);
  return 0;
}

await runCli('bench:visual-drift', main);
