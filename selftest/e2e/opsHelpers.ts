/** Runs the ops scripts as a user would, for the ops and dashboard e2e tests. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const WORK = path.join(ROOT, 'selftest', '.work', 'ops');

export function tempDir(prefix: string): string {
  mkdirSync(WORK, { recursive: true });
  return mkdtempSync(path.join(WORK, `${prefix}-`));
}

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx scripts/<name>.ts ...args` with a clean env (no colour forcing, no CI). */
export function runScript(script: string, args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): ScriptRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, FORCE_COLOR: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the web dashboard on a free port; resolves with its URL once it listens. */
export async function startDashboard(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'dashboard.ts'), '--port', '0', ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dashboard did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Dashboard: (http:\/\/\S+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`dashboard exited with ${code}: ${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
