import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeReadiness, discrepanciesOf } from '../lib/review/readiness.ts';
import { runCli, UserError } from './dashboard/cli.ts';
import { appendReview, loadRun, readinessNow, recordedBy, refreshReports, reportsDirFromEnv } from './review/runs.ts';

const USAGE = `Usage:
  npm run review -- approve --run <id|latest> --gate <gate or area> --reviewer <name> [--note "..."]
  npm run review -- reject  --run <id|latest> --gate <gate or area> --reviewer <name> --note "why"
  npm run review -- status  [--run <id|latest>]`;

/**
 * `npm run review`: a reviewer's sign-off of one gate (or area) of one run, appended to
 * reports/reviews.jsonl with who ran it and any discrepancy; then the run's readiness.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { run: { type: 'string' }, gate: { type: 'string' }, reviewer: { type: 'string' }, note: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (!['approve', 'reject', 'status'].includes(command)) throw new UserError(`unknown command "${command}"\n${USAGE}`);
  const reportsDir = reportsDirFromEnv();
  const run = loadRun(reportsDir, values.run ?? (command === 'status' ? 'latest' : ''));
  if (command === 'status') {
    console.log(`Run ${run.runId} (${run.target}, ${run.environment}): verdict ${run.verdict}; production readiness ${describeReadiness(readinessNow(reportsDir, run))}`);
    return 0;
  }
  if (!values.run) throw new UserError(`--run is required (a run id from reports/history.jsonl, or "latest")\n${USAGE}`);
  const gate = values.gate ?? '';
  const reviewer = (values.reviewer ?? '').trim();
  const note = (values.note ?? '').trim();
  if (!gate || !reviewer) throw new UserError(`--gate and --reviewer are required\n${USAGE}`);
  if (command === 'reject' && !note) throw new UserError('a rejection needs --note "why": the team and the auditor read it');
  const signOff = run.plan.find((entry) => entry.name === gate);
  if (!signOff) {
    throw new UserError(run.plan.length === 0
      ? `run ${run.runId} needs no sign-off (review.signOffs was empty in its config)`
      : `"${gate}" is not a sign-off of run ${run.runId}; its sign-offs: ${run.plan.map((entry) => `${entry.name} (${entry.gates.join(', ')})`).join('; ')}`);
  }
  if (!signOff.reviewers.includes(reviewer)) throw new UserError(`${reviewer} is not a reviewer of ${signOff.name}; its reviewers: ${signOff.reviewers.join(', ')}`);
  const gates = Object.fromEntries(signOff.gates.map((name) => [name, run.gates[name] ?? 'not run']));
  const discrepancies = command === 'approve' ? discrepanciesOf(signOff, run.runId, run.gates, run.latestRunId) : [];
  await appendReview(reportsDir, {
    run_id: run.runId, sign_off: signOff.name, decision: command === 'approve' ? 'approve' : 'reject', reviewer, note, time: new Date().toISOString(),
    discrepancies, target: run.target, environment: run.environment, gates, run_verdict: run.verdict, latest_run_id: run.latestRunId, recorded_by: recordedBy(),
  });
  console.log(`Recorded in ${path.relative(process.cwd(), path.join(reportsDir, 'reviews.jsonl'))}: ${reviewer} ${command === 'approve' ? 'approves' : 'rejects'} ${signOff.name} of run ${run.runId}${note ? ` ("${note}")` : ''}.`);
  for (const discrepancy of discrepancies) console.error(`DISCREPANCY (${discrepancy.kind}): ${reviewer} ${discrepancy.message}. The approval is recorded and flagged; it does not count towards readiness.`);
  const readiness = readinessNow(reportsDir, run);
  refreshReports(reportsDir, run, readiness);
  console.log(`Production readiness of ${run.runId}: ${describeReadiness(readiness)} (verdict ${run.verdict}, unchanged)`);
  return 0;
}

await runCli('review', main);
