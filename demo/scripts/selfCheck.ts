/**
 * Checks the sample target against its own promises: API responses match openapi.yaml, every
 * page is clean in Chromium (axe, console, requests), and every runtime fault shows when on.
 * Usage: npx tsx demo/scripts/selfCheck.ts [--only api|pages|faults] [--fault name,...]
 */
import { startDemoServer } from '../server.ts';
import { launchBrowser } from './browser.ts';
import { checkApi } from './checkApi.ts';
import { checkFaults } from './checkFaults.ts';
import { checkPages } from './checkPages.ts';
import { loadContract } from './contract.ts';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const only = argument('--only');
  const faultNames = argument('--fault')?.split(',');
  const problems: string[] = [];
  const browser = only === 'api' ? undefined : await launchBrowser();
  try {
    if (!only || only === 'api' || only === 'pages') {
      const demo = await startDemoServer({ port: 0, faults: [] });
      try {
        if (!only || only === 'api') {
          console.log('API against openapi.yaml');
          problems.push(...(await checkApi(demo.url, await loadContract())));
        }
        if (browser && (!only || only === 'pages')) {
          console.log('Pages in Chromium');
          problems.push(...(await checkPages(browser, demo.url)));
        }
      } finally {
        await demo.close();
      }
    }
    if (browser && (!only || only === 'faults')) {
      console.log('Runtime faults');
      problems.push(...(await checkFaults(browser, faultNames)));
    }
  } finally {
    await browser?.close();
  }
  for (const problem of problems) console.log(`FAIL ${problem}`);
  console.log(problems.length === 0 ? 'Self-check passed.' : `${problems.length} problem(s).`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
