/** What to do about a screenshot baseline, given whether it exists and Playwright's update mode. */
export type BaselineAction = 'compare' | 'create' | 'missing-is-failure';

/**
 * A missing baseline is written (the task warns "baseline created") so a fresh machine's first run
 * is not red; `--update-snapshots=none` is the explicit opt-out that makes it a failure (strict CI).
 * With an existing baseline, or in an update mode, Playwright's own matcher compares or rewrites.
 */
export function baselineAction(exists: boolean, updateMode: string): BaselineAction {
  if (exists) return 'compare';
  if (updateMode === 'none') return 'missing-is-failure';
  if (updateMode === 'all' || updateMode === 'changed' || updateMode === 'missing') return 'compare';
  return 'create';
}

/**
 * The screenshot's file name: route, viewport and browser with its major version. Playwright adds
 * the project and the platform, so another platform or browser gets its own baseline.
 */
export function baselineName(route: string, viewport: string, browserName: string, browserVersion: string): string {
  const major = browserVersion.split('.')[0] ?? '';
  const clean = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${clean(route)}-${clean(viewport)}-${clean(browserName)}${major ? `${major}` : ''}.png`;
}

/** Where the Percy CLI serves its local API (the SDK's own default and override). */
export function percyServerAddress(env: Record<string, string | undefined> = process.env): string {
  return env.PERCY_SERVER_ADDRESS || 'http://localhost:5338';
}

/** Rejects with a message naming what timed out, so an unreachable service fails instead of hanging. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
