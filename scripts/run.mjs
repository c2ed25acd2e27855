#!/usr/bin/env node
// `npm run full` / `npm run quick`: bootstrap, run the gates (Playwright starts the sample target
// when BASE_URL is unset), then say where the reports are. Extra arguments go to Playwright.
// `npm run platforms`: every gate of both sample platforms (platforms.workspace.ts) and the cross-platform gate.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [mode = 'full', ...rest] = process.argv.slice(2);

const boot = spawnSync(process.execPath, [path.join(root, 'scripts/bootstrap.mjs')], { cwd: root, stdio: 'inherit' });
if (boot.status !== 0) process.exit(boot.status ?? 1);

const platforms = mode === 'platforms';
const env = platforms ? { ...process.env, VALIDATION_WORKSPACE: process.env.VALIDATION_WORKSPACE || 'platforms.workspace.ts' } : process.env;
const run = spawnSync('npx', ['playwright', 'test', `--project=${platforms ? 'full' : mode}`, ...rest], { cwd: root, stdio: 'inherit', env });
const out = process.env.OUTPUT_ROOT ? path.resolve(process.env.OUTPUT_ROOT) : root;
const rel = (folder) => path.relative(process.cwd(), path.join(out, folder)) || '.';
console.log([
  '',
  'Reports:',
  ...(platforms
    ? [
      `  release summary     ${rel('reports/release-summary.md')}   (each target beside the others; verdict.json holds the release verdict)`,
      `  each target         ${rel('reports/<target>/executive-summary.md')}, ${rel('reports/<target>/latest.jsonl')}`,
    ]
    : [
      `  executive summary   ${rel('reports/executive-summary.md')}`,
      `  execution log       ${rel('reports/latest.jsonl')}`,
    ]),
  `  HTML report         ${rel('playwright-report/index.html')}   (open it: npx playwright show-report${process.env.OUTPUT_ROOT ? ` ${rel('playwright-report')}` : ''})`,
  `  Allure results      ${rel('allure-results')}   (npm run report:allure)`,
].join('\n'));
process.exit(run.status ?? 1);
