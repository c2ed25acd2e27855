import path from 'node:path';
import type { RollbackRecord } from '../lib/log/index.ts';
import type { Redactor } from '../lib/redact.ts';
import type { RunResult } from '../lib/risk/index.ts';
import { renderRollbackCommand, runRollback, shouldRunRollback } from '../lib/smoke/rollback.ts';

export interface RollbackHookOptions {
  command: string;
  timeoutMs: number;
  cwd: string;
}

export interface RollbackContext {
  runId: string;
  environment: 'local' | 'staging' | 'production';
  dryRun: boolean;
  baseUrl: string;
  configDir: string;
  redactor: Redactor;
}

/**
 * The rollback hook: after a CRITICAL verdict in staging or production when the smoke gate failed.
 * Returns the log record and the summary lines, or undefined when no hook is configured.
 */
export async function rollbackHook(hook: RollbackHookOptions | undefined, result: RunResult, context: RollbackContext): Promise<{ record: RollbackRecord; lines: string[] } | undefined> {
  if (!hook) return undefined;
  const smokeFailed = result.gates.some((gate) => gate.gate === 'smoke' && gate.tasks.failed > 0);
  const decision = shouldRunRollback({ verdict: result.verdict, environment: context.environment, smokeFailed, dryRun: context.dryRun });
  const command = renderRollbackCommand(hook.command, { TARGET_ENV: context.environment, VERDICT: result.verdict, RUN_ID: context.runId, BASE_URL: context.baseUrl });
  const record: RollbackRecord = {
    type: 'rollback', run_id: context.runId, action: decision.action, reason: decision.reason, command: context.redactor.text(command),
    exit_code: null, duration_ms: 0, timed_out: false, output: '',
  };
  if (decision.action === 'print') console.log(`Rollback (DRY_RUN, not run): ${record.command}`);
  if (decision.action === 'run') {
    console.log(`Rollback: running ${record.command}`);
    const run = await runRollback(command, { timeoutMs: hook.timeoutMs, cwd: path.resolve(context.configDir, hook.cwd), redactor: context.redactor });
    Object.assign(record, { exit_code: run.exitCode, duration_ms: run.durationMs, timed_out: run.timedOut, output: run.output });
    console.log(`Rollback ${run.exitCode === 0 ? 'succeeded' : `failed (exit ${run.exitCode ?? (run.timedOut ? 'timeout' : 'none')})`} in ${(run.durationMs / 1000).toFixed(1)} s`);
  }
  const lines = [`- ${decision.action === 'run' ? 'Ran' : decision.action === 'print' ? 'Printed (DRY_RUN)' : 'Not run'}: \`${record.command}\` (${decision.reason})`];
  if (decision.action === 'run') {
    lines.push(`- Exit code ${record.exit_code ?? 'none'}${record.timed_out ? ` (killed after ${hook.timeoutMs} ms)` : ''}, ${(record.duration_ms / 1000).toFixed(1)} s`);
    if (record.output) lines.push('', '```', record.output.slice(-2000), '```');
  }
  return { record, lines };
}
