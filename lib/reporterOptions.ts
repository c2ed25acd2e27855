import path from 'node:path';
import { suppressionsAsWaivers } from './a11y/suppressions.ts';
import type { ResolvedConfig } from './config/index.ts';
import { planOf } from './review/readiness.ts';

/** The risk reporter's options, from the resolved config: shared by the run and by merge-reports. */
export function riskReporterOptions(config: ResolvedConfig, gateOrder: readonly string[]) {
  return {
    outputDir: 'reports',
    thresholds: config.thresholds,
    policy: config.meta.policy,
    // a11y suppressions are waivers too: listed in force, or reported when expired.
    waivers: [...config.waivers, ...suppressionsAsWaivers(config.a11y.suppressions)],
    gateOrder: [...gateOrder],
    target: { name: config.target.name, baseUrl: config.meta.baseUrl, apiUrl: config.meta.apiUrl, environment: config.meta.environment },
    repository: config.meta.repository,
    configFile: path.relative(process.cwd(), config.meta.file),
    htmlReport: 'playwright-report/index.html',
    onCritical: config.onCritical,
    dryRun: config.meta.dryRun,
    configDir: config.meta.dir,
    allureResults: 'allure-results/',
    // Who must sign the run off: recorded with it, so readiness is judged against the plan of its time.
    signOffs: planOf(config.review),
  };
}
