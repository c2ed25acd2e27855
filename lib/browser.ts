import { existsSync } from 'node:fs';
import path from 'node:path';

/** Flags every launch passes: without them Chromium floods a closed network with background requests. */
export const CHROMIUM_QUIET_ARGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Where a system Chromium or Chrome usually lives. */
export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Where a system `chromium-headless-shell` lives (Debian's package of that name). It is the
 * browser Playwright itself runs headless tests in: the same Blink and Skia as the full browser,
 * without its browser UI (`full` on the sample target: 140 s of CPU instead of 241 s, bench:full).
 */
export const SYSTEM_HEADLESS_SHELL_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
];

export interface BrowserChoice {
  /** undefined: Playwright's own Chromium (its own headless shell when headless). */
  executablePath: string | undefined;
  source: 'playwright' | 'CHROMIUM_PATH' | 'system';
  /** The executable is a headless shell: it cannot open a window. */
  headlessShell?: boolean;
}

export interface ChooseOptions {
  /** The browser runs without a window (default): a system headless shell is preferred. */
  headless?: boolean;
}

/** The executable is a Chromium headless shell (it cannot open a window, and renders as Playwright's headless runs do). */
export function isHeadlessShell(file: string): boolean {
  return /headless[-_]shell/i.test(path.basename(file));
}

/** A system headless shell of the same build as the system Chromium found (Debian installs both under /usr/lib/chromium). */
function headlessShellBeside(browser: string, exists: (file: string) => boolean): string | undefined {
  const candidates = [path.join(path.dirname(browser), 'chromium-headless-shell'), ...SYSTEM_HEADLESS_SHELL_PATHS];
  // Only beside a Chromium: a Chrome's own builds ship no shell, and mixing vendors would change what the pages render.
  if (!/chromium/i.test(browser)) return undefined;
  return candidates.find((file) => exists(file));
}

/**
 * Playwright's own Chromium when installed (Playwright picks its headless shell itself); else
 * CHROMIUM_PATH, exactly as given; else a system Chromium or Chrome, and for a headless run the
 * system's Chromium headless shell when it is installed. Returns undefined when none is found.
 */
export function chooseBrowser(
  playwrightExecutable: string | undefined,
  env: Record<string, string | undefined> = process.env,
  exists: (file: string) => boolean = existsSync,
  options: ChooseOptions = {},
): BrowserChoice | undefined {
  if (playwrightExecutable && exists(playwrightExecutable)) return { executablePath: undefined, source: 'playwright' };
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) return undefined;
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH', ...(isHeadlessShell(env.CHROMIUM_PATH) ? { headlessShell: true } : {}) };
  }
  const found = SYSTEM_BROWSER_PATHS.find((file) => exists(file));
  if (!found) {
    // A machine with only the shell still runs headless.
    const shell = options.headless === false ? undefined : SYSTEM_HEADLESS_SHELL_PATHS.find((file) => exists(file));
    return shell ? { executablePath: shell, source: 'system', headlessShell: true } : undefined;
  }
  const shell = options.headless === false ? undefined : headlessShellBeside(found, exists);
  return shell ? { executablePath: shell, source: 'system', headlessShell: true } : { executablePath: found, source: 'system' };
}

/**
 * Set by the runner when the run shows a window: workers load the config again with their own
 * arguments, which no longer hold `--headed`, and must choose the same browser.
 */
export const HEADED_BROWSER_VARIABLE = 'VALIDATION_HEADED_BROWSER';

/**
 * The run shows a browser window: Playwright's `--headed`, `--debug` and UI mode (`--ui`), or
 * PWDEBUG as Playwright reads it (its inspector; `console`, `0` and `false` open none). A headless
 * shell cannot, so the full browser is chosen then.
 */
export function wantsHeadedBrowser(argv: readonly string[] = process.argv, env: Record<string, string | undefined> = process.env): boolean {
  if (env[HEADED_BROWSER_VARIABLE] === '1') return true;
  if (env.PWDEBUG && !['console', '0', 'false'].includes(env.PWDEBUG)) return true;
  return argv.some((arg) => arg === '--headed' || arg === '--debug' || arg === '--ui' || arg.startsWith('--ui-'));
}

/**
 * Whether the pages render in a Chromium headless shell: an executable of that name, or
 * Playwright's own Chromium run headless without a channel (Playwright then launches its shell).
 */
export function rendersInHeadlessShell(executablePath: string | undefined, headless: boolean, channel: string | undefined): boolean {
  if (executablePath) return isHeadlessShell(executablePath);
  return headless && !channel;
}
