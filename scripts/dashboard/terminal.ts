import { renderOverview } from '../../lib/ops/overview.ts';
import { renderTerminal } from '../../lib/ops/terminal.ts';
import { exitCodeForLog, UserError } from './cli.ts';
import { fingerprint, loadOverview, loadView, type LogSource } from './source.ts';

export function colorWanted(stream: NodeJS.WriteStream, env: Record<string, string | undefined>): boolean {
  // https://no-color.org: present and not empty disables colour.
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

/** One frame of the dashboard, and the exit code a one-shot print ends with (3: a damaged log). */
export function renderOnce(source: LogSource, color: boolean, activityLines: number): { frame: string; exitCode: number } {
  const view = loadView(source, new Date(), activityLines);
  return { frame: renderTerminal(view, { color, width: process.stdout.columns }), exitCode: exitCodeForLog(view.logProblems) };
}

/**
 * Redraws every `refreshSeconds` until interrupted. A missing or unreadable log is shown and
 * waited for, not fatal: the run may not have started yet, or a new run may re-point latest.jsonl.
 */
export async function watchTerminal(source: LogSource, refreshSeconds: number, activityLines: number, env: Record<string, string | undefined>): Promise<number> {
  const tty = Boolean(process.stdout.isTTY);
  const color = colorWanted(process.stdout, env);
  let last = '';
  let stop = false;
  const onSignal = () => { stop = true; };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  while (!stop) {
    let frame: string;
    try {
      frame = renderOnce(source, color, activityLines).frame;
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      frame = `Waiting for the execution log: ${error instanceof UserError || error.name === 'LogFormatError' ? error.message : String(error)}`;
    }
    const stamp = fingerprint(source);
    // On a terminal redraw in place every tick (elapsed time and ETA move); in a pipe print only changes.
    if (tty) process.stdout.write(`\u001b[2J\u001b[H${frame}\n\n(refresh ${refreshSeconds}s, Ctrl-C to quit)\n`);
    else if (stamp !== last) process.stdout.write(`${frame}\n\n`);
    last = stamp;
    await new Promise((resolve) => setTimeout(resolve, refreshSeconds * 1000));
  }
  return 0;
}

/** The targets of a workspace run (folders of the reports with a latest.jsonl) and the release verdict. */
export function overviewFrame(reportsDir: string): string {
  const { targets, release } = loadOverview(reportsDir);
  if (targets.length === 0) return noWorkspaceRun(reportsDir);
  return renderOverview(targets, release);
}

export function noWorkspaceRun(reportsDir: string): string {
  return `No workspace run in ${reportsDir}: no target folder holds a latest.jsonl (run with VALIDATION_WORKSPACE).`;
}

/** Prints the targets side by side once (refreshSeconds undefined), or redraws until interrupted. */
export async function watchTargets(reportsDir: string, refreshSeconds: number | undefined): Promise<number> {
  if (refreshSeconds === undefined) {
    console.log(overviewFrame(reportsDir));
    return 0;
  }
  let stop = false;
  process.once('SIGINT', () => { stop = true; });
  while (!stop) {
    process.stdout.write(`${process.stdout.isTTY ? '\u001b[2J\u001b[H' : ''}${overviewFrame(reportsDir)}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, refreshSeconds * 1000));
  }
  return 0;
}
