import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DAMAGED_LOG_EXIT } from '../../scripts/dashboard/cli.ts';
import { inlineProject } from '../helpers/inlineProject.ts';
import { ROOT } from '../helpers/runSuite.ts';
import { header, jsonl, run, task } from '../unit/ops/records.ts';
import type { CaseContext, HostileCase } from './cases.ts';
import type { Observed } from './harness.ts';

/** Our own broken inputs, built at run time (nothing large or binary is committed). */

export interface BrokenRepository {
  /** A folder holding a binary file, a file over maxFileBytes and a Latin-1 shell script. */
  root: string;
  /** A regular file where a repository folder was expected. */
  notAFolder: string;
}

export function brokenRepository(scratch: string): BrokenRepository {
  const root = path.join(scratch, 'broken-repository');
  const write = (file: string, content: string | Buffer) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  write('README.md', '# A repository with awkward files\n');
  // NUL bytes and no telling extension: binary only by its content.
  write('data/blob.dat', Buffer.concat([Buffer.from('BLOB'), Buffer.alloc(64), Buffer.from([0xff, 0xfe, 0x00, 0x01])]));
  write('data/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  // Over the default audit.maxFileBytes (1 MB): listed as oversized, never read.
  write('logs/huge.log', 'x'.repeat(1_500_000));
  // "café" in Latin-1: 0xE9 alone is not UTF-8.
  write('scripts/latin1.sh', Buffer.concat([Buffer.from('#!/bin/sh\necho "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
  write('config/settings.json', Buffer.concat([Buffer.from('{"name": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
  const notAFolder = path.join(scratch, 'repository-is-a-file.txt');
  writeFileSync(notAFolder, 'not a folder\n');
  return { root, notAFolder };
}

interface DamagedLog {
  name: string;
  tool: 'dashboard' | 'tracker';
  damage: 'corrupt' | 'truncated';
}

/** The start of a real-shaped log, then a damaged line that carries the secret. */
function damagedLogText(damage: DamagedLog['damage'], secret: string): string {
  const good = jsonl([header(), run({ audit: 2 }), task('audit', 'secrets', 'completed')]);
  // Damage happens after the writer redacted: only the damaged part holds the secret.
  const withSecret = JSON.stringify(task('audit', 'ports', 'failed', { errors: [`login answered 401 for password ${secret}`] }));
  return damage === 'corrupt'
    ? `${good}{"password":"${secret}"\n`
    : `${good}${withSecret.slice(0, withSecret.indexOf(secret) + secret.length + 3)}`;
}

export function damagedLogs(): Array<Omit<HostileCase, 'run'> & DamagedLog> {
  const cases: DamagedLog[] = [
    { name: 'dashboard: a corrupt execution log', tool: 'dashboard', damage: 'corrupt' },
    { name: 'dashboard: a truncated execution log', tool: 'dashboard', damage: 'truncated' },
    { name: 'tracker: a corrupt execution log', tool: 'tracker', damage: 'corrupt' },
    { name: 'tracker: a truncated execution log', tool: 'tracker', damage: 'truncated' },
  ];
  return cases.map((c) => ({
    ...c,
    gate: c.tool,
    expectation: 'tool' as const,
    boundSeconds: 30,
    cause: c.damage === 'corrupt' ? /corrupt|not JSON|unreadable|damaged/i : /incomplete|truncated|cut off|partial/i,
    // Shown as far as it reads, and signalled: a damaged log is not a clean answer.
    exitCode: DAMAGED_LOG_EXIT,
    selftest: c.damage === 'corrupt' ? c.tool === 'dashboard' : c.tool === 'tracker',
  }));
}

/** `npm run dashboard -- --once --log <file>` or `npm run tracker -- --status`, on a damaged log. */
export async function opsScript(c: DamagedLog, context: CaseContext, secret: string): Promise<Observed> {
  const dir = path.join(context.scratch, `${c.tool}-${c.damage}`);
  mkdirSync(dir, { recursive: true });
  const log = path.join(dir, 'execution_log_damaged.jsonl');
  writeFileSync(log, damagedLogText(c.damage, secret));
  writeFileSync(path.join(dir, 'latest.jsonl'), readFileSync(log));
  const args = c.tool === 'dashboard' ? ['--once', '--log', log] : ['--status'];
  return spawnBounded(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', `${c.tool}.ts`), ...args], { REPORTS_DIR: dir, FORCE_COLOR: '' }, 45_000);
}

function spawnBounded(command: string, args: string[], env: Record<string, string>, killAfterMs: number): Promise<Observed> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, durationMs: Date.now() - started, stdout, stderr });
    });
  });
}

/** SIGTERM while a test runs, as selftest/e2e/reporterRuns.test.ts does it. */
export async function interruptRun(context: CaseContext, secret: string): Promise<Observed> {
  const project = inlineProject('hostile-interrupt', [{ name: 'only' }], {
    'only/slow.spec.ts': `import { test } from '@fixtures';
test('quick one', async ({ risk }) => { risk.pass('fast', { check: 'data-flows/status' }); });
test('slow one', async ({ risk }) => { risk.pass('started', { check: 'data-flows/status' }); await new Promise((r) => setTimeout(r, 60_000)); });
`,
  });
  const out = path.join(project.dir, 'out');
  const latest = path.join(out, 'reports', 'latest.jsonl');
  const started = () => existsSync(latest) && readFileSync(latest, 'utf8').includes('quick-one');
  const result = await project.run(['--project=only'], { OUTPUT_ROOT: out, API_PASSWORD: secret }, { signalWhen: { signal: 'SIGTERM', ready: started }, timeoutMs: 120_000 });
  void context;
  return { exitCode: result.exitCode, durationMs: result.durationMs, stdout: result.stdout, stderr: result.stderr, run: result, outputRoot: out };
}
