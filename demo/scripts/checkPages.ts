import type { Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { WORKFLOWS } from '../pages/workflowList.ts';
import { pageProblems, visit } from './browser.ts';

export const PAGE_PATHS = [
  '/',
  '/research',
  '/news',
  '/strategy',
  '/backtesting',
  '/settings',
  '/login',
  '/trade',
  '/pnl',
  ...WORKFLOWS.map((w) => `/workflow/${w.id}`),
];

const FORBIDDEN = /\b(AI|iPi)\b/;

/** Every page clean: no console error, page error, failed request, axe violation or forbidden term. */
export async function checkPages(browser: Browser, baseUrl: string): Promise<string[]> {
  const problems: string[] = [];
  for (const path of PAGE_PATHS) {
    const report = await visit(browser, baseUrl, path, async (page) => {
      const text = await page.locator('body').innerText();
      if (FORBIDDEN.test(text)) problems.push(`${path} shows a forbidden term`);
      if (path === '/') {
        const wedges = await page.getByTestId('radial-wedge').count();
        if (wedges !== 10) problems.push(`home shows ${wedges} wedges`);
        const before = await page.getByTestId('live-quote-SPY').innerText();
        await page.waitForTimeout(6500);
        const after = await page.getByTestId('live-quote-SPY').innerText();
        if (before === after) problems.push('home SPY quote did not change in 6.5 s');
      }
      if (path === '/research') {
        const handle = await page.getByTestId('split-handle').boundingBox();
        const left = page.getByTestId('split-left');
        const widthBefore = (await left.boundingBox())?.width ?? 0;
        if (handle) {
          await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
          await page.mouse.down();
          await page.mouse.move(handle.x - 200, handle.y + handle.height / 2, { steps: 5 });
          await page.mouse.up();
        }
        const widthAfter = (await left.boundingBox())?.width ?? 0;
        if (!(widthAfter < widthBefore - 100)) problems.push(`split handle drag: ${widthBefore} -> ${widthAfter}`);
      }
    });
    problems.push(...pageProblems(report));
  }
  problems.push(...(await checkPalette()));
  return problems;
}

/** Every hex colour in the stylesheet belongs to the design palette. */
async function checkPalette(): Promise<string[]> {
  const tokens = JSON.parse(await readFile(fileURLToPath(new URL('../design-tokens.json', import.meta.url)), 'utf8')) as {
    palette: Array<{ hex: string }>;
  };
  const palette = new Set(tokens.palette.map((c) => c.hex.toLowerCase()));
  const css = await readFile(fileURLToPath(new URL('../public/styles.css', import.meta.url)), 'utf8');
  const used = css.match(/#[0-9a-fA-F]{3,8}\b/g) ?? [];
  return used.filter((hex) => !palette.has(hex.toLowerCase())).map((hex) => `styles.css uses ${hex}, outside the palette`);
}
