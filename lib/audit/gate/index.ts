/**
 * The audit gate's checks, each group loaded on first use. Playwright imports every spec file in
 * the runner just to list its tests, and again in each worker: loaded here on demand, the scanners
 * (secretlint and its rules, the YAML and JSON5 parsers, semver) cost nothing where no check runs.
 */
export const sourceChecks = () => import('./sourceChecks.ts');
export const settingsChecks = () => import('./settingsChecks.ts');
export const buildChecks = () => import('./buildChecks.ts');
export const migrationChecks = () => import('./migrationChecks.ts');
