#!/usr/bin/env node
// Bootstrap: everything `npm run full` and `npm test` need on a fresh clone with only Node and npm.
// Plain JavaScript with Node built-ins only: it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const quiet = process.argv.includes('--quiet');
const log = (line) => { if (!quiet) console.log(`[bootstrap] ${line}`); };

class BootstrapError extends Error {}

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium',
  '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) throw new BootstrapError(`Node ${process.versions.node} is too old: install Node 20 or newer.`);
}

/** npm ci when node_modules is missing or older than the lockfile. */
function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  log('installing npm dependencies (npm ci)...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: quiet ? 'pipe' : 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (result.status !== 0) {
    throw new BootstrapError(`npm ci failed (exit ${result.status}). Check that the npm registry is reachable, then run \`npm ci\` by hand to see the error.`);
  }
}

function playwrightChromium() {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const { chromium } = require('playwright-core');
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function findBrowser() {
  const own = playwrightChromium();
  if (own) return { file: own, source: "Playwright's Chromium" };
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return { file: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    throw new BootstrapError(`CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, but no file is there. Fix or unset it.`);
  }
  const system = SYSTEM_BROWSERS.find((file) => existsSync(file));
  return system ? { file: system, source: 'system browser' } : undefined;
}

function tryRun(command, args, timeoutMs) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? 'pipe' : 'inherit', timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

function canApt() {
  if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Playwright's own Chromium where it can download; else Debian's chromium where apt-get is usable as root. */
function ensureBrowser() {
  const found = findBrowser();
  if (found) {
    log(`browser: ${found.file} (${found.source})`);
    return found;
  }
  log('no Chromium found: trying `npx playwright install chromium`...');
  if (tryRun('npx', ['playwright', 'install', 'chromium'], 180_000) && findBrowser()) return ensureBrowser();
  if (canApt()) {
    log("Playwright's download failed: installing Debian's chromium with apt-get...");
    if (tryRun('apt-get', ['install', '-y', '-qq', 'chromium'], 600_000) || (tryRun('apt-get', ['update', '-qq'], 300_000) && tryRun('apt-get', ['install', '-y', '-qq', 'chromium'], 600_000))) {
      if (findBrowser()) return ensureBrowser();
    }
  }
  throw new BootstrapError([
    'No Chromium could be found or installed, and the browser gates need one.',
    'Do one of these, then run the command again:',
    '  - let Playwright download its browser: `npx playwright install chromium` (needs internet access);',
    '  - install a system Chromium or Chrome (Debian/Ubuntu as root: `apt-get install chromium`);',
    '  - point CHROMIUM_PATH at an existing Chromium or Chrome executable.',
  ].join('\n'));
}

const SHELL_PATHS = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];
const SHELL_UNAVAILABLE = path.join(root, 'node_modules', '.cache', 'meta-orchestrator', 'headless-shell-unavailable');

/**
 * Beside Debian's chromium, Debian's chromium-headless-shell: the browser Playwright itself runs
 * headless tests in (`full` on the sample target: 140 s of CPU instead of 241 s). Best effort and
 * bounded, as the chromium install: where it cannot be installed the full browser runs, and the
 * attempt is not repeated.
 */
function ensureHeadlessShell(browser) {
  if (browser.source !== 'system browser' || !/chromium/.test(browser.file)) return;
  if (SHELL_PATHS.some((file) => existsSync(file)) || existsSync(SHELL_UNAVAILABLE) || !canApt()) return;
  log("installing Debian's chromium-headless-shell for headless runs...");
  const install = () => tryRun('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell'], 600_000);
  if ((install() || (tryRun('apt-get', ['update', '-qq'], 300_000) && install())) && SHELL_PATHS.some((file) => existsSync(file))) return;
  log('chromium-headless-shell could not be installed: headless runs use the full chromium');
  mkdirSync(path.dirname(SHELL_UNAVAILABLE), { recursive: true });
  writeFileSync(SHELL_UNAVAILABLE, `${new Date().toISOString()}\n`);
}

try {
  checkNode();
  ensureDependencies();
  if (!process.argv.includes('--no-browser')) {
    ensureHeadlessShell(ensureBrowser());
  }
} catch (error) {
  if (error instanceof BootstrapError) {
    console.error(`[bootstrap] ${error.message}`);
    process.exit(1);
  }
  throw error;
}
