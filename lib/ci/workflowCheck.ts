import type { CiPlan } from './plan.ts';
import { CHECKOUT_COMMANDS, HISTORY_PATHS, REPORT_JOB, SARIF_PATH, STEP_SUMMARY_SOURCE, gateCommand, jobId, type WorkflowCommands } from './workflow.ts';

/**
 * Checks a parsed workflow against the plan: the structure that keeps the gate order and the
 * merged verdict honest, whoever edited the file. Returns problems, each naming the job and what
 * was expected; an empty list means the workflow carries the plan.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const show = (list: readonly unknown[]) => `[${list.map(String).join(', ')}]`;

function runs(job: Json): string[] {
  return asList(job.steps).filter(isObject).map((step) => (typeof step.run === 'string' ? step.run : '')).filter(Boolean);
}

/** The `with:` of every step using an action (by name, without the version). */
function actionInputs(job: Json, action: string): Json[] {
  return asList(job.steps).filter(isObject)
    .filter((step) => typeof step.uses === 'string' && step.uses.split('@')[0] === action)
    .map((step) => (isObject(step.with) ? step.with : {}));
}

function checkTriggers(workflow: Json, problems: string[]): void {
  const on = workflow.on;
  const triggers = isObject(on) ? Object.keys(on) : asList(on).map(String);
  for (const trigger of ['push', 'pull_request', 'schedule']) {
    if (!triggers.includes(trigger)) problems.push(`on: the workflow must run on ${trigger}, found ${show(triggers)}`);
  }
}

function checkGateJob(gate: string, expected: CiPlan['jobs'][number], job: Json, problems: string[]): void {
  const needs = asList(job.needs).map(String);
  if (!sameSet(needs, expected.needs.map(jobId))) problems.push(`jobs.${gate}.needs: expected ${show(expected.needs.map(jobId))} (the project dependencies), found ${show(needs)}`);
  if (expected.needs.length > 0 && !String(job.if ?? '').includes('!cancelled()')) {
    problems.push(`jobs.${gate}.if: expected !cancelled(), so a gate whose needs failed still reports its tests as blocked`);
  }
  const matrix = isObject(job.strategy) && isObject(job.strategy.matrix) ? asList(job.strategy.matrix.shard).map(Number) : [];
  const wantedShards = expected.shards > 1 ? Array.from({ length: expected.shards }, (_, i) => i + 1) : [];
  if (show(matrix) !== show(wantedShards)) problems.push(`jobs.${gate}.strategy.matrix.shard: expected ${show(wantedShards)}, found ${show(matrix)}`);
  const commands = runs(job);
  const command = gateCommand(expected);
  if (!commands.some((run) => run.split('\n').includes(command))) problems.push(`jobs.${gate}: no step runs \`${command}\``);
  if (expected.needs.length > 0 && !commands.some((run) => run.includes(`${command} --list`))) {
    problems.push(`jobs.${gate}: no step lists the gate's tests when it is blocked (\`${command} --list\`)`);
  }
  if (!actionInputs(job, 'actions/upload-artifact').some((w) => w.path === 'blob-report' && String(w.name).startsWith('blob-'))) {
    problems.push(`jobs.${gate}: no step uploads blob-report/ as a blob-* artifact for the merge`);
  }
  for (const target of expected.mergesFirst ?? []) {
    if (!actionInputs(job, 'actions/download-artifact').some((w) => w.pattern === `blob-${jobId(target)}--*`)) {
      problems.push(`jobs.${gate}: no step downloads ${target}'s blob-${jobId(target)}--* artifacts (the rollout gate reads the verdicts of the stage before)`);
    }
  }
  if (expected.mergesFirst && !commands.some((run) => run.includes('merge'))) problems.push(`jobs.${gate}: no step merges the blobs of the stage before ahead of its gate`);
  const env = isObject(job.env) ? job.env : {};
  if (String(env.BLOB_REPORT) !== '1') problems.push(`jobs.${gate}.env.BLOB_REPORT: expected "1" (the merge needs every shard's blob)`);
}

function checkReportJob(plan: CiPlan, job: Json | undefined, problems: string[], expected: WorkflowCommands): void {
  if (!job) {
    problems.push(`jobs.${REPORT_JOB}: missing (merges the blobs and gives the verdict)`);
    return;
  }
  const gates = plan.jobs.map((j) => jobId(j.gate));
  const needs = asList(job.needs).map(String);
  if (!sameSet(needs, gates)) problems.push(`jobs.${REPORT_JOB}.needs: expected every gate ${show(gates)}, found ${show(needs)}`);
  if (!String(job.if ?? '').includes('always()')) problems.push(`jobs.${REPORT_JOB}.if: expected always(), so the verdict is written when a gate fails`);
  const commands = runs(job);
  const download = actionInputs(job, 'actions/download-artifact').find((w) => w.pattern === 'blob-*' && w['merge-multiple'] === true);
  if (!download) problems.push(`jobs.${REPORT_JOB}: no step downloads every blob-* artifact into one folder (merge-multiple)`);
  const merge = expected.merge(String(download?.path ?? '')).trim();
  if (!commands.some((run) => run.includes(merge))) {
    problems.push(`jobs.${REPORT_JOB}: no step merges the downloaded blobs with \`${merge}\``);
  }
  checkReportOutputs(job, merge, problems);
  if (commands.at(-1) !== expected.verdict) problems.push(`jobs.${REPORT_JOB}: the last command must be \`${expected.verdict}\`, found \`${commands.at(-1) ?? 'none'}\``);
}

/** Where CI users look: the job summary, code scanning, and trends that continue from the last run. */
function checkReportOutputs(job: Json, merge: string, problems: string[]): void {
  const steps = asList(job.steps).filter(isObject);
  const mergeAt = steps.findIndex((step) => typeof step.run === 'string' && step.run.includes(merge));
  const restoreAt = steps.findIndex((step) => String(step.uses ?? '').split('@')[0] === 'actions/cache/restore' && isObject(step.with) && HISTORY_PATHS.every((p) => String((step.with as Json).path).split('\n').includes(p)));
  if (restoreAt < 0 || (mergeAt >= 0 && restoreAt > mergeAt)) problems.push(`jobs.${REPORT_JOB}: no step restores ${show(HISTORY_PATHS)} (actions/cache/restore) before the merge, so trends start empty in CI`);
  if (!steps.some((step) => String(step.uses ?? '').split('@')[0] === 'actions/cache/save')) problems.push(`jobs.${REPORT_JOB}: no step saves the trend history (actions/cache/save) for the next run`);
  if (!steps.some((step) => typeof step.run === 'string' && step.run.includes(STEP_SUMMARY_SOURCE) && step.run.includes('$GITHUB_STEP_SUMMARY'))) {
    problems.push(`jobs.${REPORT_JOB}: no step writes ${STEP_SUMMARY_SOURCE} to $GITHUB_STEP_SUMMARY`);
  }
  if (!actionInputs(job, 'github/codeql-action/upload-sarif').some((w) => w.sarif_file === SARIF_PATH)) problems.push(`jobs.${REPORT_JOB}: no step uploads ${SARIF_PATH} to code scanning`);
  const permissions = isObject(job.permissions) ? job.permissions : {};
  if (permissions['security-events'] !== 'write') problems.push(`jobs.${REPORT_JOB}.permissions.security-events: expected "write" (the SARIF upload)`);
}

export function checkWorkflow(workflow: unknown, plan: CiPlan, commands: WorkflowCommands = CHECKOUT_COMMANDS): string[] {
  const problems: string[] = [];
  if (!isObject(workflow) || !isObject(workflow.jobs)) return ['the workflow has no jobs'];
  checkTriggers(workflow, problems);
  const jobs = workflow.jobs;
  const expected = new Set([...plan.jobs.map((j) => jobId(j.gate)), REPORT_JOB]);
  for (const name of Object.keys(jobs)) if (!expected.has(name)) problems.push(`jobs.${name}: not a gate of the plan`);
  for (const planned of plan.jobs) {
    const id = jobId(planned.gate);
    const job = jobs[id];
    if (!isObject(job)) problems.push(`jobs.${id}: missing (one job per gate)`);
    else checkGateJob(id, planned, job, problems);
  }
  const report = jobs[REPORT_JOB];
  checkReportJob(plan, isObject(report) ? report : undefined, problems, commands);
  return problems;
}
