import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';

export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface PageReport {
  path: string;
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  axeViolations: string[];
  loadMs: number;
}

export async function visit(browser: Browser, baseUrl: string, path: string, inspect?: (page: Page) => Promise<void>): Promise<PageReport> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const report: PageReport = { path, consoleErrors: [], pageErrors: [], failedRequests: [], axeViolations: [], loadMs: 0 };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') report.consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => report.pageErrors.push(error.message));
  page.on('requestfailed', (request) => report.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  const started = performance.now();
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  report.loadMs = performance.now() - started;
  await page.waitForTimeout(600);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  report.axeViolations = axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ') ?? ''}`);
  if (inspect) await inspect(page);
  await context.close();
  return report;
}

export function pageProblems(report: PageReport): string[] {
  return [
    ...report.consoleErrors.map((m) => `${report.path} console ${m}`),
    ...report.pageErrors.map((m) => `${report.path} page error ${m}`),
    ...report.failedRequests.map((m) => `${report.path} request ${m}`),
    ...report.axeViolations.map((m) => `${report.path} axe ${m}`),
  ];
}
