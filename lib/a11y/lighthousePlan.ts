import * as lighthouseConstants from 'lighthouse/core/config/constants.js';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import type { LighthouseConfig } from '../config/sections/a11y.ts';
import type { LhrLike } from './lighthouseResult.ts';

export interface RouteLike {
  name: string;
  path: string;
}

/** The routes Lighthouse audits: the named ones in config order, or the first route when none are named. */
export function lighthouseRoutes<R extends RouteLike>(routes: readonly R[], names: readonly string[]): { routes: R[]; unknown: string[] } {
  if (names.length === 0) return { routes: routes.slice(0, 1), unknown: [] };
  const byName = new Map(routes.map((route) => [route.name, route]));
  return {
    routes: names.map((name) => byName.get(name)).filter((route): route is R => route !== undefined),
    unknown: names.filter((name) => !byName.has(name)),
  };
}

/** Runs per route: `LIGHTHOUSE_RUNS` when set, else the config's. */
export function lighthouseRuns(configured: number, env: Record<string, string | undefined> = process.env): number {
  const given = env.LIGHTHOUSE_RUNS;
  if (given === undefined || given.trim() === '') return configured;
  const runs = Number(given);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new Error(`LIGHTHOUSE_RUNS must be a whole number from 1 to 9, got ${JSON.stringify(given)}`);
  return runs;
}

/** Lighthouse's audit that fails a page sending `noindex` (a meta tag, an X-Robots-Tag header or robots.txt). */
export const INDEXING_AUDIT = 'is-crawlable';

/**
 * Lighthouse flags from the config: categories, throttling and emulation, an HTML report; outside
 * the environments that must be indexable, the indexing audit is skipped (not run, so not scored).
 */
export function lighthouseFlags(config: LighthouseConfig, environment: 'local' | 'staging' | 'production') {
  const { settings } = config;
  const skipAudits = config.indexableIn.includes(environment) ? [] : [INDEXING_AUDIT];
  return {
    ...(skipAudits.length > 0 ? { skipAudits } : {}),
    onlyCategories: [...config.categories],
    formFactor: settings.formFactor,
    throttlingMethod: settings.throttlingMethod,
    throttling: { ...settings.throttling },
    screenEmulation: { ...settings.screenEmulation },
    // Lighthouse refuses a desktop form factor with its default (mobile) user agent string.
    emulatedUserAgent: lighthouseConstants.userAgents[settings.formFactor],
    output: 'html' as const,
    logLevel: 'error' as const,
  };
}

/**
 * The run whose FCP and TTI sit closest to the medians (Lighthouse's own median-run choice,
 * as Lighthouse CI uses it): its HTML report is the one attached.
 */
export function representativeRun<T extends LhrLike>(runs: readonly T[]): T | undefined {
  const valid = filterToValidRuns(runs as never[]) as unknown as T[];
  if (valid.length > 0) return computeMedianRun(valid as never[]) as unknown as T;
  return runs.find((run) => !run.runtimeError) ?? runs[0];
}
