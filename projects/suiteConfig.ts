import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type PlaywrightTestConfig, type ReporterDescription } from '@playwright/test';
import { CHROMIUM_QUIET_ARGS, chooseBrowser, HEADED_BROWSER_VARIABLE, wantsHeadedBrowser } from '../lib/browser.ts';
import type { ResolvedConfig } from '../lib/config/load.ts';
import { riskReporterOptions } from '../lib/reporterOptions.ts';
import { removeRunLock, RUN_LOCK_VARIABLE } from '../lib/runLock.ts';
import { defaultWorkers } from '../lib/workers.ts';
import { GATE_ORDER, QUICK_CHAIN_VARIABLE, allProjects, wantsQuickChain } from './index.ts';

/**
 * The Playwright config of the gates, shared by the suite's own checkout (playwright.config.ts) and
 * the installed package (meta-orchestrator/playwright). Two places matter and may differ:
 * where the suite's files are (specs, reporter) and where the team's project is (outputs, baselines).
 */
export interface SuitePaths {
  /** Holds tests/, reporters/, projects/: the checkout, or the package's dist/. */
  suiteRoot: string;
  /** Receives outputs and baselines and runs the target's webServer: the checkout, or the team's config folder. */
  projectRoot: string;
}

/** The extension this suite's modules have: .ts in the checkout, .js once compiled into the package. */
export const MODULE_EXTENSION = path.extname(import.meta.filename);

/** The folder of the suite's own files, seen from this module (projects/ sits at the suite's root). */
export const SUITE_ROOT = path.resolve(import.meta.dirname, '..');

/** Every run output lives under OUTPUT_ROOT (default: the project), so runs side by side never share folders. */
export function outputRootOf(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
  return env.OUTPUT_ROOT ? path.resolve(env.OUTPUT_ROOT) : projectRoot;
}

export function riskReporterPath(suiteRoot: string): string {
  return path.join(suiteRoot, 'reporters', `riskReporter${MODULE_EXTENSION}`);
}

/** merge-reports: the shards' blobs through the same risk reporter, so the merged verdict equals an unsharded run's. */
export function mergeConfig(config: ResolvedConfig, paths: SuitePaths): PlaywrightTestConfig {
  const outputRoot = outputRootOf(paths.projectRoot);
  return {
    testDir: paths.suiteRoot,
    reporter: [
      ['html', { open: 'never', outputFolder: path.join(outputRoot, 'playwright-report') }],
      // Scrubbed as a single run's are: the merged HTML report and the Allure results gathered beside it.
      [riskReporterPath(paths.suiteRoot), {
        ...riskReporterOptions(config, GATE_ORDER),
        outputDir: path.join(outputRoot, 'reports'),
        scrub: { htmlDir: path.join(outputRoot, 'playwright-report'), allureDir: path.join(outputRoot, 'allure-results') },
      }],
    ],
  };
}

/**
 * The run's lock folder (lib/runLock.ts), made once by the runner's process before workers start;
 * workers inherit the variable and find it set. Removed when the runner exits.
 */
export function openRunLock(env: Record<string, string | undefined> = process.env): string {
  const existing = env[RUN_LOCK_VARIABLE];
  if (existing) return existing;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mo-run-lock-'));
  env[RUN_LOCK_VARIABLE] = dir;
  process.once('exit', () => removeRunLock(dir));
  return dir;
}

/** Builds the gate projects, the reporters and the run's bounds from the resolved config. */
export function suiteConfig(config: ResolvedConfig, paths: SuitePaths, overrides: PlaywrightTestConfig = {}): PlaywrightTestConfig {
  const outputRoot = outputRootOf(paths.projectRoot);
  const out = (folder: string) => path.join(outputRoot, folder);
  // Headless (the default), a system Chromium's headless shell when installed. A headed run tells its
  // workers, which load this config again without the runner's arguments.
  const headed = wantsHeadedBrowser();
  if (headed) process.env[HEADED_BROWSER_VARIABLE] = '1';
  const browser = chooseBrowser(chromium.executablePath(), process.env, existsSync, { headless: !headed });
  const ci = Boolean(process.env.CI);
  // The quick chain only when asked for (its workers read the runner's decision from the environment).
  const quick = wantsQuickChain(process.argv);
  if (quick) process.env[QUICK_CHAIN_VARIABLE] = '1';
  const installed = paths.projectRoot !== paths.suiteRoot;
  openRunLock();

  const blob = process.env.BLOB_REPORT === '1';
  const reporters: ReporterDescription[] = [
    [ci ? 'dot' : 'list'],
    // Pull-request annotations where each failed test is.
    ...(process.env.GITHUB_ACTIONS === 'true' ? [['github'] as ReporterDescription] : []),
    ['html', { open: 'never', outputFolder: out('playwright-report') }],
    ['allure-playwright', { resultsDir: out('allure-results') }],
    // Before the risk reporter, which scrubs the finished archive of the secrets this shard learnt.
    ...(blob ? [['blob', { outputDir: out('blob-report') }] as ReporterDescription] : []),
    [riskReporterPath(paths.suiteRoot), {
      ...riskReporterOptions(config, GATE_ORDER),
      outputDir: out('reports'),
      scrub: { htmlDir: out('playwright-report'), allureDir: out('allure-results'), ...(blob ? { blobDir: out('blob-report') } : {}) },
    }],
  ];

  return {
    forbidOnly: ci,
    retries: Number(process.env.RETRIES ?? 0),
    // One per core as memory allows (lib/workers.ts); --workers=N wins.
    workers: defaultWorkers(),
    timeout: config.timeouts.testMs,
    // The last bound when every other one failed: past it the run ends, interrupted and CRITICAL.
    globalTimeout: config.timeouts.runMs,
    expect: { timeout: config.timeouts.expectMs },
    outputDir: out('test-results'),
    // Installed, the specs sit in node_modules: baselines belong to the team's project instead.
    ...(installed ? { snapshotPathTemplate: path.join(paths.projectRoot, 'baselines', '{arg}{-projectName}{-snapshotSuffix}{ext}') } : {}),
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
      rootDir: paths.suiteRoot,
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
          // Installed, the target's command runs in the team's project, not in node_modules.
          ...(installed ? { cwd: paths.projectRoot } : {}),
        }
      : undefined,
    ...overrides,
  };
}
