import { spawn } from 'node:child_process';
import { Redactor, environmentSecrets } from '../redact.ts';

export type RollbackAction = 'run' | 'print' | 'skip';

export interface RollbackDecisionInput {
  verdict: 'PASS' | 'WARNING' | 'CRITICAL';
  environment: 'local' | 'staging' | 'production';
  /** Whether any smoke task failed (or was blocked) in this run. */
  smokeFailed: boolean;
  dryRun: boolean;
}

export interface RollbackDecision {
  action: RollbackAction;
  reason: string;
}

/**
 * Whether the rollback hook fires: only after a CRITICAL verdict, only in staging or production,
 * only when the smoke gate itself failed (a failed audit is no reason to roll a deploy back);
 * DRY_RUN=1 prints the command instead of running it.
 */
export function shouldRunRollback(input: RollbackDecisionInput): RollbackDecision {
  if (input.environment === 'local') return { action: 'skip', reason: 'never in local (TARGET_ENV=local)' };
  if (input.verdict !== 'CRITICAL') return { action: 'skip', reason: `verdict is ${input.verdict}, not CRITICAL` };
  if (!input.smokeFailed) return { action: 'skip', reason: 'the smoke gate did not fail' };
  if (input.dryRun) return { action: 'print', reason: `CRITICAL in ${input.environment} with smoke failed; DRY_RUN=1 prints the command instead of running it` };
  return { action: 'run', reason: `CRITICAL in ${input.environment} with smoke failed` };
}

export interface RollbackVariables {
  TARGET_ENV: string;
  VERDICT: string;
  RUN_ID: string;
  BASE_URL: string;
}

/** POSIX single-quoting, unless the value is plainly safe. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Fills `${TARGET_ENV}`, `${VERDICT}`, `${RUN_ID}`, `${BASE_URL}` (shell-quoted); other text is left as written. */
export function renderRollbackCommand(command: string, variables: RollbackVariables): string {
  return command.replace(/\$\{(TARGET_ENV|VERDICT|RUN_ID|BASE_URL)\}/g, (_m, name: keyof RollbackVariables) => shellQuote(variables[name]));
}

export interface RollbackResult {
  /** null when killed (timeout) or not started. */
  exitCode: number | null;
  /** Combined stdout and stderr, redacted, bounded to the last `maxOutputChars`. */
  output: string;
  durationMs: number;
  timedOut: boolean;
}

export interface RollbackOptions {
  timeoutMs: number;
  cwd: string;
  env?: Record<string, string | undefined>;
  maxOutputChars?: number;
  redactor?: Redactor;
}

/** Runs the command in a shell (its own process group, killed whole on timeout) and keeps the tail of its output. */
export function runRollback(command: string, options: RollbackOptions): Promise<RollbackResult> {
  const limit = options.maxOutputChars ?? 8_000;
  const redactor = options.redactor ?? new Redactor(environmentSecrets(options.env ?? process.env));
  const started = performance.now();
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // Keep twice the limit while running; the tail is cut once at the end.
      if (output.length > limit * 2) output = output.slice(-limit * 2);
    };
    const finish = (exitCode: number | null, extra = '') => {
      clearTimeout(timer);
      let text = output + extra;
      if (text.length > limit) text = `[... ${text.length - limit} earlier characters cut]\n${text.slice(-limit)}`;
      resolve({ exitCode, output: redactor.text(text), durationMs: Math.round(performance.now() - started), timedOut });
    };
    const child = spawn(command, { shell: true, cwd: options.cwd, env: { ...process.env, ...options.env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => finish(null, `\n[rollback] could not start: ${error.message}`));
    child.on('close', (code) => finish(timedOut ? null : code, timedOut ? `\n[rollback] killed after ${options.timeoutMs} ms` : ''));
  });
}
