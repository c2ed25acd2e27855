import path from 'node:path';
import { chromium, defineConfig, type ReporterDescription } from '@playwright/test';
import { CHROMIUM_QUIET_ARGS, chooseBrowser } from './lib/browser.ts';
import { ConfigError } from './lib/config/errors.ts';
import { handConfigToWorkers, loadValidationConfig, type ResolvedConfig } from './lib/config/load.ts';
import { riskReporterOptions } from './lib/reporterOptions.ts';
import { openSecretChannel } from './lib/secretChannel.ts';
import { GATE_ORDER, QUICK_CHAIN_VARIABLE, allProjects, wantsQuickChain } from './projects/index.ts';

/** Every run output lives under OUTPUT_ROOT (default: here), so runs side by side never share folders. */
const outputRoot = process.env.OUTPUT_ROOT ? path.resolve(process.env.OUTPUT_ROOT) : import.meta.dirname;
const out = (folder: string) => path.join(outputRoot, folder);

/** Thin: loads the validation config, builds the gate projects, lists the reporters. */
async function load(): Promise<ResolvedConfig> {
  try {
    return await loadValidationConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      // No test runs, but the run still leaves its log, a CRITICAL summary and a verdict.
      const { writeConfigFailure } = await import('./reporters/configFailure.ts');
      writeConfigFailure(process.env.REPORTS_DIR || path.join(outputRoot, 'reports'), error);
      process.exit(1);
    }
    throw error;
  }
}

const config = await load();
// Before workers start, so they inherit them: the resolved config (no worker validates it again)
// and the channel that carries run-time secrets to the reporter's redaction.
handConfigToWorkers(config);
openSecretChannel();
const browser = chooseBrowser(chromium.executablePath());
// The quick chain only when asked for (its workers read the runner's decision from the environment).
const quick = wantsQuickChain(process.argv);
if (quick) process.env[QUICK_CHAIN_VARIABLE] = '1';
const ci = Boolean(process.env.CI);

const reporters: ReporterDescription[] = [
  [ci ? 'dot' : 'list'],
  ['html', { open: 'never', outputFolder: out('playwright-report') }],
  ['allure-playwright', { resultsDir: out('allure-results') }],
  ['./reporters/riskReporter.ts', {
    ...riskReporterOptions(config, GATE_ORDER),
    outputDir: out('reports'),
    scrub: { htmlDir: out('playwright-report'), allureDir: out('allure-results') },
  }],
];
if (process.env.BLOB_REPORT === '1') reporters.push(['blob', { outputDir: out('blob-report') }]);

export default defineConfig({
  forbidOnly: ci,
  retries: Number(process.env.RETRIES ?? 0),
  timeout: config.timeouts.testMs,
  // The last bound when every other one failed: past it the run ends, interrupted and CRITICAL.
  globalTimeout: config.timeouts.runMs,
  expect: { timeout: config.timeouts.expectMs },
  outputDir: out('test-results'),
  reporter: reporters,
  use: {
    baseURL: config.meta.baseUrl,
    actionTimeout: config.timeouts.expectMs * 2,
    navigationTimeout: config.timeouts.navigationMs,
    screenshot: 'only-on-failure',
    // Traces hold request headers (tokens): opt in with TRACE=on.
    trace: process.env.TRACE === 'on' ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: browser?.executablePath,
      args: [...CHROMIUM_QUIET_ARGS],
    },
    // Remote browsers: Playwright itself reads PW_TEST_CONNECT_WS_ENDPOINT (and wins over connectOptions).
  },
  projects: allProjects({
    quick,
    rootDir: import.meta.dirname,
    testTimeouts: config.timeouts.gateTestMs,
    // The team's own spec folders per gate, from the config: picked up without editing the suite.
    extraFolders: Object.fromEntries(Object.entries(config.extraSpecs).map(([gate, folders]) => [gate, folders.map((folder) => path.resolve(config.meta.dir, folder))])),
  }),
  webServer: config.meta.startsTarget && config.target.webServer
    ? {
        command: config.target.webServer.command,
        url: config.target.webServer.url,
        reuseExistingServer: !ci,
        timeout: config.target.webServer.timeoutMs,
        env: config.target.webServer.env,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 3_000 },
      }
    : undefined,
});
