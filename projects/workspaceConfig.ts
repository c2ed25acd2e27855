import path from 'node:path';
import type { PlaywrightTestConfig, ReporterDescription } from '@playwright/test';
import type { ResolvedConfig } from '../lib/config/load.ts';
import { riskReporterOptions } from '../lib/reporterOptions.ts';
import type { ResolvedWorkspace } from '../lib/workspace/load.ts';
import { CROSS_PLATFORM_ID, ROLLOUT_GATE } from '../lib/workspace/variables.ts';
import { GATE_ORDER } from './gates.ts';
import { MODULE_EXTENSION, outputRootOf, riskReporterPath, suiteConfig, type SuitePaths } from './suiteConfig.ts';
import { workspaceProjects } from './workspaceProjects.ts';

/** One id for the whole run: every target's log and the release verdict carry it. */
function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${Math.random().toString(36).slice(2, 6)}`;
}

export function releaseReporterPath(suiteRoot: string): string {
  return path.join(suiteRoot, 'reporters', `releaseReporter${MODULE_EXTENSION}`);
}

/** The reporters of a workspace run: a risk reporter per target (`reports/<target>/`), then the release's. */
export function workspaceReporters(workspace: ResolvedWorkspace, configs: readonly ResolvedConfig[], paths: SuitePaths, runId: string, scrub?: { htmlDir?: string; allureDir?: string }): ReporterDescription[] {
  const reports = path.join(outputRootOf(paths.projectRoot), 'reports');
  return [
    ...configs.map((config): ReporterDescription => [riskReporterPath(paths.suiteRoot), {
      ...riskReporterOptions(config, [ROLLOUT_GATE, ...GATE_ORDER]),
      outputDir: reports,
      targetId: config.meta.target,
      runId,
      // A stage with a stage after it: its verdict is written the moment its last task ends, for the rollout gate.
      ...(leadsAStage(workspace, config.meta.target!) ? { stageVerdict: true } : {}),
      ...(scrub ? { scrub } : {}),
    }]),
    ...(hasCrossPlatformChecks(workspace) ? [crossPlatformReporter(configs[0]!, reports, paths, runId)] : []),
    [releaseReporterPath(paths.suiteRoot), {
      outputDir: reports,
      runId,
      name: workspace.name,
      targets: [
        ...workspace.targets.map((target, i) => ({ id: target.id, name: configs[i]!.target.name, ...(target.description ? { description: target.description } : {}) })),
        ...(hasCrossPlatformChecks(workspace) ? [{ id: CROSS_PLATFORM_ID, name: 'cross-platform checks', description: 'how the targets fit together' }] : []),
      ],
      release: workspace.release,
      stages: workspace.stages,
    }],
  ];
}

/** Whether a target belongs to a stage that another stage follows. */
function leadsAStage(workspace: ResolvedWorkspace, id: string): boolean {
  return workspace.stages.some((stage, i) => i < workspace.stages.length - 1 && stage.targets.includes(id));
}

export function hasCrossPlatformChecks(workspace: ResolvedWorkspace): boolean {
  const checks = workspace.crossPlatform;
  return checks.contracts.length + checks.tokens.length + checks.cors.length > 0;
}

/** The cross-platform gate's own risk reporter (`reports/cross-platform/`): its verdict counts for the release like a target's. */
function crossPlatformReporter(first: ResolvedConfig, reports: string, paths: SuitePaths, runId: string): ReporterDescription {
  const options = riskReporterOptions(first, [CROSS_PLATFORM_ID]);
  return [riskReporterPath(paths.suiteRoot), {
    ...options,
    // A handful of checks by design: the operation floor that makes a target's rate trustworthy does not apply.
    thresholds: { ...options.thresholds, minOperations: 1 },
    target: { ...options.target, name: 'cross-platform checks' },
    signOffs: [],
    onCritical: undefined,
    outputDir: reports,
    targetId: CROSS_PLATFORM_ID,
    runId,
  }];
}

/**
 * Several targets in one run: each target's chain of gates as its own projects (`<target>/<gate>`),
 * side by side; `full` runs them all, `<target>` one chain. The run's shared settings (bounds,
 * browser, output folders) come from the first target's config; each project opens its own target.
 */
export function workspaceSuiteConfig(workspace: ResolvedWorkspace, configs: readonly ResolvedConfig[], paths: SuitePaths): PlaywrightTestConfig {
  const base = suiteConfig(configs[0]!, paths);
  const outputRoot = outputRootOf(paths.projectRoot);
  // Workers load this config too: the run id goes to them by the environment, so the rollout gate
  // knows which verdicts are this run's.
  const runId = process.env.RUN_ID || newRunId();
  process.env.RUN_ID = runId;
  const builtIn = (base.reporter as ReporterDescription[]).filter(([name]) => !name.startsWith(path.join(paths.suiteRoot, 'reporters')));
  const webServers = configs.filter((config) => config.meta.startsTarget && config.target.webServer).map((config) => ({
    command: config.target.webServer!.command,
    url: config.target.webServer!.url,
    reuseExistingServer: !process.env.CI,
    timeout: config.target.webServer!.timeoutMs,
    env: config.target.webServer!.env,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 3_000 },
    name: config.meta.target,
    ...(paths.projectRoot !== paths.suiteRoot ? { cwd: paths.projectRoot } : {}),
  }));
  return {
    ...base,
    timeout: Math.max(...configs.map((config) => config.timeouts.testMs)),
    globalTimeout: Math.max(...configs.map((config) => config.timeouts.runMs)),
    reporter: [...builtIn, ...workspaceReporters(workspace, configs, paths, runId, { htmlDir: path.join(outputRoot, 'playwright-report'), allureDir: path.join(outputRoot, 'allure-results') })],
    projects: workspaceProjects(configs.map((config) => ({
      id: config.meta.target!,
      baseURL: config.meta.baseUrl,
      testTimeouts: config.timeouts.gateTestMs,
      extraFolders: Object.fromEntries(Object.entries(config.extraSpecs).map(([gate, folders]) => [gate, folders.map((folder) => path.resolve(config.meta.dir, folder))])),
    })), { rootDir: paths.suiteRoot, crossPlatform: hasCrossPlatformChecks(workspace), stages: workspace.stages, reportsDir: path.join(outputRoot, 'reports') }),
    webServer: webServers.length > 0 ? webServers : undefined,
  };
}

/**
 * `playwright merge-reports` of a workspace run's blobs: through each target's risk reporter and the
 * release's, as the run itself, so the merged verdicts equal an unsharded run's. Outputs under
 * `projectRoot` (the suite's checkout, or beside the workspace file when installed).
 */
export async function workspaceMergeConfig(file: string, suiteRoot: string, projectRoot?: string): Promise<PlaywrightTestConfig> {
  const { loadWorkspace, loadWorkspaceTargets } = await import('../lib/workspace/load.ts');
  const workspace = await loadWorkspace(file);
  const configs = await loadWorkspaceTargets(workspace);
  const runId = process.env.RUN_ID || `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-merged`;
  const paths = { suiteRoot, projectRoot: projectRoot ?? workspace.dir };
  return {
    testDir: suiteRoot,
    reporter: [['html', { open: 'never', outputFolder: path.join(outputRootOf(paths.projectRoot), 'playwright-report') }], ...workspaceReporters(workspace, configs, paths, runId)],
  };
}
