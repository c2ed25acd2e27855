import { existsSync } from 'node:fs';

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

export interface BrowserChoice {
  /** undefined: Playwright's own Chromium. */
  executablePath: string | undefined;
  source: 'playwright' | 'CHROMIUM_PATH' | 'system';
}

/**
 * Playwright's own Chromium when installed; else CHROMIUM_PATH; else a system Chromium or Chrome.
 * Returns undefined when none is found.
 */
export function chooseBrowser(
  playwrightExecutable: string | undefined,
  env: Record<string, string | undefined> = process.env,
  exists: (file: string) => boolean = existsSync,
): BrowserChoice | undefined {
  if (playwrightExecutable && exists(playwrightExecutable)) return { executablePath: undefined, source: 'playwright' };
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH) ? { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : undefined;
  }
  const found = SYSTEM_BROWSER_PATHS.find((file) => exists(file));
  return found ? { executablePath: found, source: 'system' } : undefined;
}
