#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findConfigFile } from '../lib/config/files.ts';
import { GATE_ORDER } from '../lib/gates.ts';
import { parseTestArgs } from '../lib/testArgs.ts';
import { runCli, UserError } from './dashboard/cli.ts';

/**
 * `meta-orchestrator <command>`: the installed package's one entry point. `init` writes a config
 * from a URL, `test` runs the gates, the others read what a run left (as npm run does in a clone).
 */

const SUITE_ROOT = path.resolve(import.meta.dirname, '..');
const EXTENSION = path.extname(import.meta.filename);

const USAGE = `Usage: meta-orchestrator <command> [options]

  init --url <base URL> [--openapi <URL or file>] [--repo <dir>] [--ci] [--format ts|json|yaml] [--force]
                        discover the routes and the API and write validation.config.ts, playwright.config.ts, .env.example
  test [full|quick|<gate>] [-c <config>] [Playwright options...]
                        run the gates (default: full); a gate runs with the gates it depends on (add --no-deps for it alone)
  test [full|<target>|<target>/<gate>|cross-platform] --workspace <file> [Playwright options...]
                        every target a workspace file lists, each with its own chain, and the release verdict
  dashboard             live dashboard over the newest execution log (--once, --port N)
  tracker               the latest run's gates and tasks, or the run history (--status, --failed, --since)
  report                the executive summary as HTML (--pdf), or the Allure report (--allure)
  verdict               exit by the verdict of the last run (or merge)
  merge <blob folder>   merge sharded blob reports through the risk reporter

The config is the nearest validation.config.{ts,mts,js,mjs,json,yaml,yml} upward from here, or -c / VALIDATION_CONFIG.
Outputs (reports/, playwright-report/, allure-results/, baselines/) go beside it, or under OUTPUT_ROOT.
Gates: ${GATE_ORDER.join(', ')}.`;

const READERS: Record<string, string> = { dashboard: 'dashboard', tracker: 'tracker', report: 'report', verdict: 'verdict' };

function version(): string {
  // Compiled into the package, the suite's files are in dist/ and package.json is one folder up.
  const file = [path.join(SUITE_ROOT, 'package.json'), path.join(SUITE_ROOT, '..', 'package.json')].find((candidate) => existsSync(candidate));
  const pkg = file ? JSON.parse(readFileSync(file, 'utf8')) as { version?: string } : {};
  return pkg.version ?? 'unknown';
}

function playwrightCli(): string {
  try {
    return createRequire(import.meta.filename).resolve('@playwright/test/cli');
  } catch {
    throw new UserError('@playwright/test is not installed: npm install --save-dev @playwright/test');
  }
}

function runTests(args: readonly string[]): number {
  const parsed = parseTestArgs(args, process.env);
  if (typeof parsed === 'string') throw new UserError(parsed);
  const { project, config, workspace, rest } = parsed;
  const env = { ...process.env };
  const projects = project === undefined ? [] : [`--project=${project}`];
  const playwrightConfig = path.join(SUITE_ROOT, 'package', `playwright.config${EXTENSION}`);
  const workspaceFile = workspace !== undefined ? path.resolve(workspace) : env.VALIDATION_WORKSPACE ? path.resolve(env.VALIDATION_WORKSPACE) : undefined;
  if (workspaceFile !== undefined) {
    // Every target the workspace lists; outputs beside the workspace file, one folder per target.
    if (!existsSync(workspaceFile)) throw new UserError(`no workspace file at ${workspace ?? env.VALIDATION_WORKSPACE}`);
    env.VALIDATION_WORKSPACE = workspaceFile;
    const run = spawnSync(process.execPath, [playwrightCli(), 'test', '--config', playwrightConfig, ...projects, ...rest], { stdio: 'inherit', env });
    printWorkspaceReports(env.OUTPUT_ROOT ? path.resolve(env.OUTPUT_ROOT) : path.dirname(workspaceFile));
    return run.status ?? 1;
  }
  if (config !== undefined) {
    const file = path.resolve(config);
    if (!existsSync(file)) throw new UserError(`no config at ${config}`);
    env.VALIDATION_CONFIG = file;
  }
  const configFile = config !== undefined ? path.resolve(config) : findConfigFile(process.cwd());
  if (!configFile) throw new UserError('no validation.config.{ts,mts,js,mjs,json,yaml,yml} here or above: write one with `meta-orchestrator init --url <base URL>`');
  const run = spawnSync(process.execPath, [playwrightCli(), 'test', '--config', playwrightConfig, ...projects, ...rest], { stdio: 'inherit', env });
  printReports(env.OUTPUT_ROOT ? path.resolve(env.OUTPUT_ROOT) : path.dirname(configFile));
  return run.status ?? 1;
}

function printReports(outputRoot: string): void {
  const rel = (folder: string) => path.relative(process.cwd(), path.join(outputRoot, folder)) || '.';
  console.log([
    '',
    'Reports:',
    `  executive summary   ${rel('reports/executive-summary.md')}`,
    `  execution log       ${rel('reports/latest.jsonl')}`,
    `  HTML report         ${rel('playwright-report/index.html')}   (open it: npx playwright show-report ${rel('playwright-report')})`,
    `  Allure results      ${rel('allure-results')}   (npx meta-orchestrator report --allure)`,
  ].join('\n'));
}

function printWorkspaceReports(outputRoot: string): void {
  const rel = (folder: string) => path.relative(process.cwd(), path.join(outputRoot, folder)) || '.';
  console.log([
    '',
    'Reports:',
    `  release summary     ${rel('reports/release-summary.md')}   (the release verdict: ${rel('reports/verdict.json')})`,
    `  each target's       ${rel('reports/<target>/')}executive-summary.md, latest.jsonl, verdict.json`,
    `  HTML report         ${rel('playwright-report/index.html')}`,
  ].join('\n'));
}

function merge(args: readonly string[]): number {
  if (args.length === 0) throw new UserError('merge needs the folder of blob reports: meta-orchestrator merge all-blob-reports');
  const mergeConfig = path.join(SUITE_ROOT, 'package', `merge.config${EXTENSION}`);
  return spawnSync(process.execPath, [playwrightCli(), 'merge-reports', '--config', mergeConfig, ...args], { stdio: 'inherit' }).status ?? 1;
}

/** The readers look where the gates write: beside the config found from here (or the workspace file), unless told otherwise. */
function pointReadersAtProject(): void {
  if (process.env.OUTPUT_ROOT || process.env.REPORTS_DIR) return;
  if (process.env.VALIDATION_WORKSPACE) {
    process.env.OUTPUT_ROOT = path.dirname(path.resolve(process.env.VALIDATION_WORKSPACE));
    return;
  }
  const configFile = process.env.VALIDATION_CONFIG ? path.resolve(process.env.VALIDATION_CONFIG) : findConfigFile(process.cwd());
  if (configFile) process.env.OUTPUT_ROOT = path.dirname(configFile);
}

const [command, ...args] = process.argv.slice(2);
if (command !== undefined && command in READERS) {
  pointReadersAtProject();
  // Each reader parses process.argv itself: it sees its own options only.
  process.argv.splice(2, 1);
  await import(pathToFileURL(path.join(import.meta.dirname, `${READERS[command]}${EXTENSION}`)).href);
} else if (command === 'init') {
  process.argv.splice(2, 1);
  await import('./init.ts');
} else {
  await runCli('meta-orchestrator', () => {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return Promise.resolve(command === undefined ? 1 : 0);
    }
    if (command === '--version' || command === '-v') {
      console.log(version());
      return Promise.resolve(0);
    }
    if (command === 'test') return Promise.resolve(runTests(args));
    if (command === 'merge') return Promise.resolve(merge(args));
    throw new UserError(`unknown command "${command}"; run meta-orchestrator --help`);
  });
}
