#!/usr/bin/env node
// `npm run full` / `npm run quick`: bootstrap, run the gates (Playwright starts the sample target
// when BASE_URL is unset), then say where the reports are. Extra arguments go to Playwright.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [mode = 'full', ...rest] = process.argv.slice(2);

const boot = spawnSync(process.execPath, [path.join(root, 'scripts/bootstrap.mjs')], { cwd: root, stdio: 'inherit' });
if (boot.status !== 0) process.exit(boot.status ?? 1);

const run = spawnSync('npx', ['playwright', 'test', `--project=${mode}`, ...rest], { cwd: root, stdio: 'inherit' });
const out = process.env.OUTPUT_ROOT ? path.resolve(process.env.OUTPUT_ROOT) : root;
const rel = (folder) => path.relative(process.cwd(), path.join(out, folder)) || '.';
console.log([
  '',
  'Reports:',
  `  executive summary   ${rel('reports/executive-summary.md')}`,
  `  execution log       ${rel('reports/latest.jsonl')}`,
  `  HTML report         ${rel('playwright-report/index.html')}   (open it: npx playwright show-report${process.env.OUTPUT_ROOT ? ` ${rel('playwright-report')}` : ''})`,
  `  Allure results      ${rel('allure-results')}   (npm run report:allure)`,
].join('\n'));
process.exit(run.status ?? 1);
