import path from 'node:path';
import { parseArgs } from 'node:util';
import { positiveNumber, runCli, UserError } from './dashboard/cli.ts';
import { startServer } from './dashboard/server.ts';
import { logSource, reportsDirFromEnv } from './dashboard/source.ts';
import { colorWanted, renderOnce, watchTargets, watchTerminal } from './dashboard/terminal.ts';

const USAGE = `Usage: npm run dashboard -- [--target <id> | --targets] [--once] [--refresh N] [--log path] [--port N [--host addr]]
  --target <id> a workspace run's target: its log in reports/<id>/
  --targets     a workspace run's targets side by side, one row each, under the release verdict
                (terminal; with --port, the web page)
  --once        print the dashboard once and exit (exit code 3 when the log is damaged)
  --refresh N   seconds between redraws (default 5)
  --log path    the execution log to show (default: latest.jsonl in REPORTS_DIR, OUTPUT_ROOT/reports or ./reports)
  --port N      serve the web dashboard on 127.0.0.1:N instead
  --host addr   listen on another address (exposes the reports to that network)`;

await runCli('dashboard', async () => {
  const { values } = parseArgs({
    options: {
      target: { type: 'string' },
      targets: { type: 'boolean', default: false },
      once: { type: 'boolean', default: false },
      refresh: { type: 'string' },
      log: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      activity: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const refreshSeconds = positiveNumber('refresh', values.refresh, 5);
  const activityLines = Math.round(positiveNumber('activity', values.activity, 8));
  if (values.target !== undefined && values.log !== undefined) throw new UserError('--target and --log both pick the log: give one');
  if (values.targets) {
    if (values.target !== undefined || values.log !== undefined) throw new UserError('--targets shows every target: it takes no --target or --log');
    if (values.port !== undefined) {
      const reportsDir = reportsDirFromEnv();
      await startServer({ source: { logPath: path.join(reportsDir, 'verdict.json'), reportsDir }, workspace: true, port: portNumber(values.port), host: values.host ?? '127.0.0.1', activityLines, pollMs: Math.min(1000, refreshSeconds * 1000) });
      return undefined;
    }
    if (values.host !== undefined) throw new UserError('--host needs --port: it sets where the web dashboard listens');
    return watchTargets(reportsDirFromEnv(), values.once ? undefined : refreshSeconds);
  }
  const source = values.target === undefined ? logSource(values.log) : logSource(path.join(reportsDirFromEnv(), values.target, 'latest.jsonl'));
  if (values.host !== undefined && values.port === undefined) throw new UserError('--host needs --port: it sets where the web dashboard listens');
  if (values.port !== undefined) {
    await startServer({ source, port: portNumber(values.port), host: values.host ?? '127.0.0.1', activityLines, pollMs: Math.min(1000, refreshSeconds * 1000) });
    return undefined;
  }
  if (values.once) {
    const { frame, exitCode } = renderOnce(source, colorWanted(process.stdout, process.env), activityLines);
    console.log(frame);
    return exitCode;
  }
  return watchTerminal(source, refreshSeconds, activityLines, process.env);
});

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number (0-65535), got ${JSON.stringify(value)}`);
  return port;
}
