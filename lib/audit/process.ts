import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  /** The last bytes of stdout and stderr together: the evidence of a failure. */
  tail: string;
}

const TAIL_CHARS = 4_000;

/**
 * Runs a shell command with a hard time limit: the whole process group is killed at the limit,
 * so a hung linter cannot hang the gate. stdout is kept whole only when asked (generators).
 */
export function runCommand(command: string, options: { cwd: string; timeoutMs: number; keepStdout?: boolean; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: options.cwd, shell: true, detached: true, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.keepStdout) stdout.push(chunk);
      keep(chunk);
    });
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, durationMs: performance.now() - started, stdout: Buffer.concat(stdout).toString('utf8'), tail });
    };
    child.on('error', (error) => {
      tail += `\n${error.message}`;
      finish(null, null);
    });
    child.on('close', finish);
  });
}
