import { Document } from 'yaml';
import type { CiJob, CiPlan } from './plan.ts';

/**
 * The GitHub Actions workflow of a CI plan, as data and as YAML. Playwright shards only top-level
 * projects and reruns dependencies in every shard, so the gate order is carried by the jobs'
 * `needs:` and each job runs one gate alone (`--no-deps`).
 */

export const WORKFLOW_FILE = '.github/workflows/validation.yml';
export const REPORT_JOB = 'report';
export const NODE_VERSION = '20';
/** Nightly, off the hour: the guardrail run that retries once so flaky checks show as such. */
export const NIGHTLY_CRON = '17 2 * * *';

/** A gate job runs its gate only when every job it needs succeeded (matrix jobs: every leg). */
export const NEEDS_PASSED = "!contains(needs.*.result, 'failure') && !contains(needs.*.result, 'cancelled') && !contains(needs.*.result, 'skipped')";
export const NEEDS_NOT_PASSED = "contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') || contains(needs.*.result, 'skipped')";

/** The commands a workflow runs after the gates: the suite's own npm scripts, or the installed package's bin. */
export interface WorkflowCommands {
  /** Merges the blob reports downloaded into `folder`. */
  merge: (folder: string) => string;
  /** Builds the Allure report; absent: the raw Allure results are kept instead (Allure's CLI is optional). */
  allure?: string;
  verdict: string;
  header: string;
}

const CHECKOUT_HEADER = [
  ' Generated from the gate table (projects/gates.ts) by `npm run ci:workflow`: change lib/ci/, not this file.',
  ' One job per gate in dependency order; `needs:` mirrors the project dependencies. A gate whose',
  ' needs did not pass lists its tests into its blob and fails, so the merged verdict shows them',
  ' blocked (CRITICAL), as an unsharded run would. The report job merges every blob through the',
  ' risk reporter and fails exactly when `npm run verdict` says the verdict blocks.',
].join('\n');

export const CHECKOUT_COMMANDS: WorkflowCommands = {
  merge: (folder) => `npx playwright merge-reports --config merge.config.ts ${folder}`,
  allure: 'npm run report:allure',
  verdict: 'npm run verdict',
  header: CHECKOUT_HEADER,
};

/** A team's repository with the package installed and the playwright.config.ts init wrote. */
export const PACKAGE_COMMANDS: WorkflowCommands = {
  merge: (folder) => `npx meta-orchestrator merge ${folder}`,
  verdict: 'npx meta-orchestrator verdict',
  header: [
    ' Written by `meta-orchestrator init --ci`: the release gates, one job per gate in dependency order.',
    ' A gate whose needs did not pass lists its tests and fails, so the merged verdict shows them blocked.',
    ' The report job merges every shard through the risk reporter and fails when the verdict blocks.',
    ' Secrets (API_USER, API_PASSWORD or API_TOKEN, ...) come from the repository\'s secrets: add them as `env:`.',
  ].join('\n'),
};

/** Where the report job gathers every shard's blob. */
const BLOB_FOLDER = 'all-blob-reports';

/** What makes trends: the run history the risk reporter appends to, and Allure's. */
export const HISTORY_PATHS = ['reports/history.jsonl', 'allure-history/'];
export const HISTORY_CACHE_PREFIX = 'validation-history-';
export const SARIF_PATH = 'reports/audit.sarif';
export const STEP_SUMMARY_SOURCE = 'reports/executive-summary.md';
/** Only the default branch's runs (pushes and the nightly) write the history the next runs start from. */
export const ON_DEFAULT_BRANCH = "github.event_name == 'schedule' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";

type Step = Record<string, unknown>;
type Job = Record<string, unknown>;

const expr = (body: string) => `\${{ ${body} }}`;

/** A job id for a gate: GitHub's ids take no '/', so a workspace's `paiid/audit` is `paiid--audit`. */
export function jobId(gate: string): string {
  return gate.replace(/\//g, '--');
}

function setupSteps(installBrowser: string | undefined): Step[] {
  const steps: Step[] = [
    { uses: 'actions/checkout@v4' },
    { uses: 'actions/setup-node@v4', with: { 'node-version': NODE_VERSION, cache: 'npm' } },
    { run: 'npm ci' },
  ];
  if (installBrowser !== undefined) {
    steps.push({ name: 'Install Chromium', ...(installBrowser ? { if: installBrowser } : {}), run: 'npx playwright install --with-deps chromium' });
  }
  return steps;
}

/** The command a gate job runs, with `--shard` when the gate is sharded. */
export function gateCommand(job: CiJob, shard?: string): string {
  return ['npx playwright test', `--project=${job.gate}`, '--no-deps', ...(job.shards > 1 ? [`--shard=${shard ?? expr('matrix.shard')}/${job.shards}`] : [])].join(' ');
}

/** Artifact names cannot hold '/': blob-<gate>[-<shard>]; the report job downloads them by prefix. */
function artifactName(kind: 'blob' | 'allure-results', job: CiJob): string {
  return job.shards > 1 ? `${kind}-${jobId(job.gate)}-${expr('matrix.shard')}` : `${kind}-${jobId(job.gate)}`;
}

/** Where a rollout job gathers the blobs of the stage before. */
export const STAGE_BLOB_FOLDER = 'stage-blob-reports';

/**
 * A rollout gate reads the verdicts of the stage before: its jobs' blobs, merged here through the
 * risk reporters (the same run id: RUN_ID is the workflow's), before the gate runs.
 */
function stageMergeSteps(job: CiJob, commands: WorkflowCommands): Step[] {
  if (!job.mergesFirst) return [];
  return [
    ...job.mergesFirst.map((target): Step => ({
      name: `Download the blob reports of ${target}`,
      if: expr(NEEDS_PASSED),
      uses: 'actions/download-artifact@v4',
      with: { pattern: `blob-${jobId(target)}--*`, path: STAGE_BLOB_FOLDER, 'merge-multiple': true },
    })),
    { name: 'Merge them into the verdicts of the stage before', if: expr(NEEDS_PASSED), run: commands.merge(STAGE_BLOB_FOLDER) },
  ];
}

function gateJob(job: CiJob, commands: WorkflowCommands): Job {
  const command = gateCommand(job);
  const rooted = job.needs.length === 0;
  const run: Step = { name: `Run the ${job.gate} gate`, ...(rooted ? {} : { if: expr(NEEDS_PASSED) }), run: command };
  // A blocked gate still reports its tests, with no result, so the merged verdict shows them as
  // blocked, as an unsharded run would; the job fails so the gates after it are blocked in turn.
  const blocked: Step = {
    name: `Blocked: a gate ${job.gate} needs did not pass`,
    if: expr(NEEDS_NOT_PASSED),
    run: [`${command} --list`, `echo "::error::${job.gate} is blocked: a gate it needs did not pass"`, 'exit 1'].join('\n'),
  };
  return {
    name: job.shards > 1 ? `${job.gate} (${expr('matrix.shard')}/${job.shards})` : job.gate,
    ...(rooted ? {} : { needs: job.needs.map(jobId), if: expr('!cancelled()') }),
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 30,
    ...(job.shards > 1 ? { strategy: { 'fail-fast': false, matrix: { shard: Array.from({ length: job.shards }, (_, i) => i + 1) } } } : {}),
    env: { BLOB_REPORT: '1' },
    steps: [
      ...setupSteps(rooted ? '' : expr(NEEDS_PASSED)),
      ...stageMergeSteps(job, commands),
      run,
      ...(rooted ? [] : [blocked]),
      { name: 'Keep the blob report', if: expr('!cancelled()'), uses: 'actions/upload-artifact@v4', with: { name: artifactName('blob', job), path: 'blob-report', 'retention-days': 7, overwrite: true } },
      { name: 'Keep the Allure results', if: expr('!cancelled()'), uses: 'actions/upload-artifact@v4', with: { name: artifactName('allure-results', job), path: 'allure-results', 'if-no-files-found': 'ignore', 'retention-days': 7, overwrite: true } },
    ],
  };
}

function reportJob(plan: CiPlan, commands: WorkflowCommands): Job {
  const keep = (name: string, path: string): Step => ({ name: `Upload ${name}`, if: expr('!cancelled()'), uses: 'actions/upload-artifact@v4', with: { name, path, 'if-no-files-found': 'warn', 'retention-days': 30, overwrite: true } });
  return {
    name: 'merged report and verdict',
    needs: plan.jobs.map((job) => jobId(job.gate)),
    // Always: a failed gate fails its job, and the merged verdict must still be written and kept.
    if: expr('always()'),
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 15,
    // Code scanning receives the audit findings; the rest stays read-only.
    permissions: { contents: 'read', actions: 'read', 'security-events': 'write' },
    steps: [
      ...setupSteps(undefined),
      { name: 'Download the blob reports', uses: 'actions/download-artifact@v4', with: { pattern: 'blob-*', path: BLOB_FOLDER, 'merge-multiple': true } },
      { name: 'Download the Allure results', uses: 'actions/download-artifact@v4', with: { pattern: 'allure-results-*', path: 'allure-results', 'merge-multiple': true } },
      // The newest history a default-branch run saved: this run's line and trend charts continue it.
      { name: 'Restore the trend history', uses: 'actions/cache/restore@v4', with: { path: HISTORY_PATHS.join('\n'), key: `${HISTORY_CACHE_PREFIX}${expr('github.run_id')}`, 'restore-keys': HISTORY_CACHE_PREFIX } },
      { name: 'Merge the shards through the risk reporter', run: commands.merge(BLOB_FOLDER) },
      ...(commands.allure ? [{ name: 'Allure report', if: expr('!cancelled()'), run: commands.allure }] : []),
      { name: 'Executive summary in the job summary', if: expr('!cancelled()'), run: `if [ -f ${STEP_SUMMARY_SOURCE} ]; then head -c 1000000 ${STEP_SUMMARY_SOURCE} >> "$GITHUB_STEP_SUMMARY"; fi` },
      // A fork's pull request cannot write security events: the upload may fail, the verdict still decides.
      { name: 'Audit findings to code scanning', if: expr(`!cancelled() && hashFiles('${SARIF_PATH}') != ''`), 'continue-on-error': true, uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: SARIF_PATH, category: 'meta-orchestrator-audit' } },
      keep('playwright-report', 'playwright-report/'),
      commands.allure ? keep('allure-report', 'allure-report/') : keep('allure-results', 'allure-results/'),
      keep('reports', 'reports/'),
      { name: 'Keep the trend history for the next run', if: expr(`!cancelled() && (${ON_DEFAULT_BRANCH})`), uses: 'actions/cache/save@v4', with: { path: HISTORY_PATHS.join('\n'), key: `${HISTORY_CACHE_PREFIX}${expr('github.run_id')}-${expr('github.run_attempt')}` } },
      // merge-reports exits 0 whatever the tests did: the verdict decides.
      { name: 'Verdict', if: expr('!cancelled()'), run: commands.verdict },
    ],
  };
}

/** The workflow as a plain object (what YAML parses back to). */
export function workflowObject(plan: CiPlan, commands: WorkflowCommands = CHECKOUT_COMMANDS, options: WorkflowOptions = {}): Record<string, unknown> {
  const jobs: Record<string, Job> = {};
  for (const job of plan.jobs) jobs[jobId(job.gate)] = gateJob(job, commands);
  jobs[REPORT_JOB] = reportJob(plan, commands);
  return {
    name: options.name ?? 'validation',
    on: { push: {}, pull_request: {}, schedule: [{ cron: NIGHTLY_CRON }], workflow_dispatch: {} },
    // A newer push to a pull request supersedes the older run; runs on branches and nightly all finish.
    concurrency: { group: `validation-${expr('github.ref')}-${expr('github.event_name')}`, 'cancel-in-progress': expr("github.event_name == 'pull_request'") },
    permissions: { contents: 'read' },
    env: {
      CI: 'true',
      FORCE_COLOR: '0',
      RETRIES: expr("github.event_name == 'schedule' && '1' || '0'"),
      // One run id for every job: each target's log, and the verdicts a rollout gate reads, carry it.
      ...(options.workspace ? { VALIDATION_WORKSPACE: options.workspace, RUN_ID: `${expr('github.run_id')}-${expr('github.run_attempt')}` } : {}),
    },
    jobs,
  };
}

/** A workspace's workflow: its own name, and the workspace file every job runs with. */
export interface WorkflowOptions {
  name?: string;
  workspace?: string;
}

export function workflowYaml(plan: CiPlan, commands: WorkflowCommands = CHECKOUT_COMMANDS, options: WorkflowOptions = {}): string {
  const document = new Document(workflowObject(plan, commands, options));
  document.commentBefore = commands.header;
  return document.toString({ lineWidth: 0 });
}
