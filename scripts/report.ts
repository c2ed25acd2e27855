import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_QUIET_ARGS, chooseBrowser } from '../lib/browser.ts';
import { trendSvg } from '../lib/ops/charts.ts';
import { renderReportHtml } from '../lib/ops/reportHtml.ts';
import { DEFAULT_THRESHOLDS } from '../lib/ops/view.ts';
import { MissingPackageError } from '../lib/optional.ts';
import type { ExecutiveSummary } from '../lib/summary/build.ts';
import { runCli, UserError } from './dashboard/cli.ts';
import { readHistory, reportsDirFromEnv } from './dashboard/source.ts';

const USAGE = `Usage: npm run report -- [--pdf] [--out file]      the executive summary as HTML, and as PDF with --pdf
       npm run report:allure                          the Allure 3 report, history kept across runs
Reads REPORTS_DIR (else OUTPUT_ROOT/reports, else ./reports); Allure reads OUTPUT_ROOT/allure-results.`;

const shown = (file: string) => path.relative(process.cwd(), file) || file;

function thresholdsOf(reportsDir: string) {
  try {
    const summary = JSON.parse(readFileSync(path.join(reportsDir, 'executive-summary.json'), 'utf8')) as ExecutiveSummary;
    return summary.result.thresholds;
  } catch {
    return DEFAULT_THRESHOLDS;
  }
}

async function printPdf(html: string, pdfPath: string): Promise<void> {
  const browser = chooseBrowser(chromium.executablePath());
  if (!browser) throw new UserError('no Chromium found: install Playwright\'s (npx playwright install chromium) or set CHROMIUM_PATH');
  const instance = await chromium.launch({ executablePath: browser.executablePath, args: [...CHROMIUM_QUIET_ARGS] });
  try {
    const page = await instance.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  } finally {
    await instance.close();
  }
}

/** Allure's CLI is an optional package: looked for in node_modules above the project and above the suite. */
function findAllureCli(starts: readonly string[]): string | undefined {
  for (const start of starts) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const cli = path.join(dir, 'node_modules', 'allure', 'cli.js');
      if (existsSync(cli)) return cli;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function allureReport(): number {
  const root = path.resolve(process.env.OUTPUT_ROOT ?? '.');
  const results = path.resolve(process.env.ALLURE_RESULTS_DIR ?? path.join(root, 'allure-results'));
  const output = path.join(root, 'allure-report');
  // Allure 3 carries history in one JSONL file it appends to on every generate: keep it outside the report folder it rewrites.
  const historyPath = path.join(root, 'allure-history', 'history.jsonl');
  if (!existsSync(results)) throw new UserError(`no Allure results at ${shown(results)}: run the suite first (allure-playwright writes them)`);
  mkdirSync(path.dirname(historyPath), { recursive: true });
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'mo-allure-'));
  const config = path.join(configDir, 'allurerc.json');
  writeFileSync(config, JSON.stringify({ name: 'Meta-Orchestrator release gate', output, historyPath, plugins: { awesome: { options: { singleFile: false } } } }));
  const cli = findAllureCli([process.cwd(), root, import.meta.dirname]);
  try {
    if (!cli) throw new MissingPackageError('allure', 'The Allure report');
    const run = spawnSync(process.execPath, [cli, 'generate', results, '--config', config, '--output', output], { stdio: 'inherit', env: { ...process.env, ALLURE_NO_ANALYTICS: 'true' } });
    if (run.error) throw new UserError(`could not start Allure (${run.error.message})`);
    if (run.status !== 0) throw new UserError(`allure generate exited with ${run.status}`);
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
  console.log(`Allure report: ${shown(output)}/index.html (history: ${shown(historyPath)}; view it with npx allure open ${shown(output)})`);
  return 0;
}

await runCli('report', async () => {
  const { values } = parseArgs({
    options: {
      pdf: { type: 'boolean', default: false },
      allure: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.allure) return allureReport();
  const reportsDir = reportsDirFromEnv();
  const markdownPath = path.join(reportsDir, 'executive-summary.md');
  if (!existsSync(markdownPath)) throw new UserError(`no executive summary at ${shown(markdownPath)}: run the suite first`);
  const history = readHistory(reportsDir);
  const html = renderReportHtml({
    markdown: readFileSync(markdownPath, 'utf8'),
    trendSvg: trendSvg(history, { thresholds: thresholdsOf(reportsDir), width: 680, height: 200 }),
    title: 'Release gate: executive summary',
    generated: new Date().toISOString(),
  });
  const htmlPath = path.join(reportsDir, 'executive-summary.html');
  writeFileSync(htmlPath, html);
  console.log(`HTML: ${shown(htmlPath)}`);
  if (values.pdf) {
    const pdfPath = path.resolve(values.out ?? path.join(reportsDir, 'executive-summary.pdf'));
    mkdirSync(path.dirname(pdfPath), { recursive: true });
    await printPdf(html, pdfPath);
    console.log(`PDF: ${shown(pdfPath)}`);
  }
  return 0;
});
