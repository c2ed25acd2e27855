import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TaskRecord } from '../lib/log/index.ts';
import { filterHistory, findRun, historyTable, parseSince, statusReport, statusTable, type TrackerFilters } from '../lib/ops/tracker.ts';
import { parseReleaseHistory, releaseHistoryTable, type ReleaseHistoryEntry } from '../lib/ops/release.ts';
import { buildDashboardView, uniqueTasks } from '../lib/ops/view.ts';
import { exitCodeForLog, runCli, UserError } from './dashboard/cli.ts';
import { readHistory, readLog, reportsDirFromEnv } from './dashboard/source.ts';

const USAGE = `Usage: npm run tracker -- [--target <id>] [--status] [--run <id>] [--failed] [--gate <name>] [--since <date>] [--format table|json]
  --target <id>    a workspace run's target (its reports/<id>/); without it a workspace's reports list the releases, each target beside the others
  --status         one run's gates and tasks (default: the latest, live or finished)
  --run <id>       that run (an id or a unique prefix, from the history)
  --failed         only failed, blocked or interrupted tasks; over history, only runs where something failed
  --gate <name>    only that gate
  --since <date>   over history: runs that ended at or after the date (YYYY-MM-DD or an ISO date-time)
  --format f       table (default) or json
  Without --status or --run, lists the runs in history.jsonl (REPORTS_DIR, OUTPUT_ROOT/reports or ./reports).
  Exit code 3: the run's log is damaged, a corrupt or cut-off line (what could be read is still shown).`;

await runCli('tracker', async () => {
  const { values } = parseArgs({
    options: {
      target: { type: 'string' },
      status: { type: 'boolean', default: false },
      run: { type: 'string' },
      failed: { type: 'boolean', default: false },
      gate: { type: 'string' },
      since: { type: 'string' },
      format: { type: 'string', default: 'table' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format;
  if (format !== 'table' && format !== 'json') throw new UserError(`--format must be table or json, got ${JSON.stringify(format)}`);
  const filters: TrackerFilters = { failed: values.failed, gate: values.gate };
  if (values.since !== undefined) {
    filters.since = parseSince(values.since);
    if (!filters.since) throw new UserError(`--since must be a date like 2026-11-20 or an ISO date-time, got ${JSON.stringify(values.since)}`);
  }
  const reportsDir = targetReportsDir(reportsDirFromEnv(), values.target);
  const history = readHistory(reportsDir);
  const releases = path.join(reportsDir, 'release-history.jsonl');
  // A workspace's reports: the releases, each target's verdict side by side.
  if (values.target === undefined && !values.status && values.run === undefined && history.length === 0 && existsSync(releases)) {
    const entries = filterReleases(parseReleaseHistory(readFileSync(releases, 'utf8')), filters);
    console.log(format === 'json' ? JSON.stringify(entries, null, 2) : releaseHistoryTable(entries));
    return 0;
  }

  if (values.status || values.run !== undefined) {
    if (values.since !== undefined) throw new UserError('--since lists runs over the history; it does not combine with --status or --run');
    let logPath = path.join(reportsDir, 'latest.jsonl');
    if (values.run !== undefined) {
      const found = findRun(history, values.run);
      if (!found) throw new UserError(`no run "${values.run}" in ${path.relative(process.cwd(), path.join(reportsDir, 'history.jsonl'))} (${history.length} run(s) recorded)`);
      if ('ambiguous' in found) throw new UserError(`"${values.run}" matches ${found.ambiguous.length} runs: ${found.ambiguous.slice(0, 5).join(', ')}`);
      logPath = path.join(reportsDir, found.log || `execution_log_${found.run_id}.jsonl`);
      if (!existsSync(logPath)) throw new UserError(`the execution log of run ${found.run_id} is gone (${path.relative(process.cwd(), logPath)})`);
    }
    const log = readLog(logPath);
    const view = buildDashboardView(log, { now: new Date(), history, activityLines: 0 });
    if (filters.gate && !view.gates.some((g) => g.gate === filters.gate)) {
      throw new UserError(`run ${view.runId} has no gate "${filters.gate}"; its gates: ${view.gates.map((g) => g.gate).join(', ') || 'none'}`);
    }
    const tasks = uniqueTasks(log.records.filter((r): r is TaskRecord => r.type === 'task'));
    const report = statusReport(view, tasks, filters);
    console.log(format === 'json' ? JSON.stringify(report, null, 2) : statusTable(report));
    return exitCodeForLog(log.badLines);
  }

  if (history.length === 0) throw new UserError(`no history yet in ${path.relative(process.cwd(), reportsDir) || '.'}: every finished run adds a line to history.jsonl`);
  const runs = filterHistory(history, filters);
  console.log(format === 'json' ? JSON.stringify(runs, null, 2) : historyTable(runs, filters));
  return 0;
});

/** A target's own reports in a workspace run; a target with none is named with the ones there are. */
function targetReportsDir(reportsDir: string, target: string | undefined): string {
  if (target === undefined) return reportsDir;
  const dir = path.join(reportsDir, target);
  if (existsSync(path.join(dir, 'history.jsonl')) || existsSync(path.join(dir, 'latest.jsonl'))) return dir;
  const known = existsSync(reportsDir) ? readdirSync(reportsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(reportsDir, entry.name, 'history.jsonl'))).map((entry) => entry.name) : [];
  throw new UserError(`no reports of target "${target}" in ${path.relative(process.cwd(), reportsDir) || '.'}; ${known.length > 0 ? `targets with reports: ${known.join(', ')}` : 'no target has reports there (a workspace run writes reports/<target>/)'}`);
}

function filterReleases(entries: ReleaseHistoryEntry[], filters: TrackerFilters): ReleaseHistoryEntry[] {
  return entries.filter((entry) => (!filters.failed || entry.verdict === 'CRITICAL') && (!filters.since || Date.parse(entry.time) >= filters.since.getTime()));
}
