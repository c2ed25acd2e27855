import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseBrowser, CHROMIUM_QUIET_ARGS } from '../../lib/browser.ts';
import type { ResolvedConfig } from '../../lib/config/index.ts';

/**
 * The browser the suite runs here (lib/browser.ts, headless: Debian's chromium-headless-shell when
 * installed, else Debian's Chromium), with the same quiet flags (no background traffic, no updates):
 * both sides of the A/B render with the same build.
 */
const CHOICE = chooseBrowser(undefined);
export const CHROMIUM = CHOICE?.executablePath ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [...CHROMIUM_QUIET_ARGS, CHOICE?.headlessShell ? '--headless' : '--headless=new', '--no-sandbox'];

export interface PeerPlan {
  /** Every route the browser, a11y and visual gates visit. */
  routes: { name: string; url: string }[];
  /** The routes the suite runs Lighthouse on. */
  lighthouseUrls: string[];
  lighthouseRuns: number;
  openapi: string;
  repository: string;
  files: { secretlintrc: string; secretlintignore: string; lighthouserc: string; pa11yci: string };
}

/**
 * Writes each peer tool's configuration for the routes and endpoints the `full` project checks,
 * read from the same validation config, pointed at `baseUrl`.
 */
export function writePeerConfigs(config: ResolvedConfig, baseUrl: string, dir: string): PeerPlan {
  mkdirSync(dir, { recursive: true });
  const url = (route: string) => new URL(route, baseUrl).toString();
  const routes = config.routes.map((r) => ({ name: r.name, url: url(r.path) }));
  const lighthouse = config.a11y.lighthouse;
  // As the suite does: no routes named means the first route only.
  const lighthouseNames = lighthouse.routes.length > 0 ? lighthouse.routes : [config.routes[0]!.name];
  const lighthouseUrls = lighthouseNames.map((name) => routes.find((r) => r.name === name)?.url ?? url(name));
  const files = {
    secretlintrc: path.join(dir, '.secretlintrc.json'),
    secretlintignore: path.join(dir, '.secretlintignore'),
    lighthouserc: path.join(dir, 'lighthouserc.json'),
    pa11yci: path.join(dir, 'pa11yci.json'),
  };
  writeFileSync(files.secretlintrc, `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`);
  writeFileSync(files.secretlintignore, 'node_modules/\n.git/\n');
  const settings = lighthouse.settings;
  writeFileSync(files.lighthouserc, `${JSON.stringify({
    ci: {
      collect: {
        url: lighthouseUrls,
        numberOfRuns: lighthouse.runs,
        chromePath: CHROMIUM,
        settings: {
          chromeFlags: CHROMIUM_FLAGS.join(' '),
          onlyCategories: lighthouse.categories,
          formFactor: settings.formFactor,
          throttlingMethod: settings.throttlingMethod,
          throttling: settings.throttling,
          screenEmulation: settings.screenEmulation,
        },
      },
      // The suite's assertions use Lighthouse CI's format, except that lhci names audits bare (no `audits:`).
      assert: { assertions: Object.fromEntries(Object.entries(lighthouse.assertions).map(([key, value]) => [key.replace(/^audits:/, ''), value])) },
      upload: { target: 'filesystem', outputDir: path.join(dir, 'lhci-reports') },
    },
  }, null, 2)}\n`);
  writeFileSync(files.pa11yci, `${JSON.stringify({
    defaults: {
      // axe with WCAG 2.1 AA: the rules the suite's a11y gate runs.
      runners: ['axe'],
      standard: 'WCAG2AA',
      timeout: config.timeouts.navigationMs,
      chromeLaunchConfig: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    },
    urls: routes.map((r) => r.url),
  }, null, 2)}\n`);
  return { routes, lighthouseUrls, lighthouseRuns: lighthouse.runs, openapi: path.resolve(config.meta.dir, config.api.openapi ?? 'openapi.yaml'), repository: config.meta.repository, files };
}
