import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './runSuite.ts';

/**
 * Real infrastructure for the smoke gate's self-tests: a redis-server and a PostgreSQL cluster on
 * free loopback ports in temp folders, each with a password (so redaction is exercised), stopped
 * and removed afterwards. When a service cannot start here, `skipReason` says why.
 */
export interface RunningService {
  /** Connection URL, with its password. */
  url: string;
  host: string;
  port: number;
  password: string;
  stop: () => Promise<void>;
}

export type ServiceStart = { ok: true; service: RunningService } | { ok: false; skipReason: string };

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export async function startRedis(): Promise<ServiceStart> {
  if (!which('redis-server')) return { ok: false, skipReason: 'redis-server is not installed (Debian package redis-server)' };
  const dir = mkdtempSync(path.join(tmpdir(), 'mo-redis-'));
  const port = await freePort();
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--requirepass', password, '--loglevel', 'warning'], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (!(await waitForPort(port, 10_000))) {
    await stop();
    return { ok: false, skipReason: `redis-server did not listen on 127.0.0.1:${port} within 10 s` };
  }
  return { ok: true, service: { url: `redis://:${password}@127.0.0.1:${port}`, host: '127.0.0.1', port, password, stop } };
}

/** Runs a PostgreSQL binary as the postgres user when we are root (postgres refuses to run as root). */
function pgCommand(binary: string, args: string[]): { command: string; args: string[] } {
  const full = path.join(PG_BIN, binary);
  if (process.getuid?.() === 0) return { command: 'runuser', args: ['-u', 'postgres', '--', full, ...args] };
  return { command: full, args };
}

function runPg(binary: string, args: string[], timeoutMs = 60_000): { ok: boolean; output: string } {
  const { command, args: argv } = pgCommand(binary, args);
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: timeoutMs });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}`.trim() };
}

export async function startPostgres(): Promise<ServiceStart> {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) return { ok: false, skipReason: `PostgreSQL binaries not found in ${PG_BIN} (Debian package postgresql; PG_BIN overrides)` };
  const isRoot = process.getuid?.() === 0;
  if (isRoot && !which('runuser')) return { ok: false, skipReason: 'running as root and runuser is missing: PostgreSQL refuses to run as root' };
  const dir = mkdtempSync(path.join(tmpdir(), 'mo-postgres-'));
  const data = path.join(dir, 'data');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const passwordFile = path.join(dir, 'pw');
  writeFileSync(passwordFile, password);
  if (isRoot) {
    try {
      chownSync(dir, uidOf('postgres'), gidOf('postgres'));
      chownSync(passwordFile, uidOf('postgres'), gidOf('postgres'));
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      return { ok: false, skipReason: `cannot hand the data folder to the postgres user: ${(error as Error).message}` };
    }
  }
  const port = await freePort();
  const init = runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--no-sync', '-E', 'UTF8']);
  if (!init.ok) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, skipReason: `initdb failed: ${init.output.split('\n').slice(-3).join(' ')}` };
  }
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = runPg('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', '-t', '30', 'start']);
  const stop = async () => {
    runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '15', 'stop'], 20_000);
    rmSync(dir, { recursive: true, force: true });
  };
  if (!start.ok || !(await waitForPort(port, 10_000))) {
    await stop();
    return { ok: false, skipReason: `PostgreSQL did not start on 127.0.0.1:${port}: ${start.output.split('\n').slice(-3).join(' ')}` };
  }
  return { ok: true, service: { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, host: '127.0.0.1', port, password, stop } };
}

function idOf(flag: '-u' | '-g', user: string): number {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  const id = Number(result.stdout.trim());
  if (result.status !== 0 || !Number.isInteger(id)) throw new Error(`no user ${user}`);
  return id;
}
const uidOf = (user: string) => idOf('-u', user);
const gidOf = (user: string) => idOf('-g', user);

/** A loopback port with nothing listening on it (for the "configured and down" path). */
export async function closedPort(): Promise<number> {
  return freePort();
}

/**
 * The sample target started directly (not by Playwright's webServer), for faults that make the
 * webServer's readiness URL fail (health-down answers 503 on /api/health).
 */
export async function startDemo(faultNames: string[]): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'demo/server.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, DEMO_PORT: String(port), DEMO_FAULTS: faultNames.join(',') },
    stdio: 'ignore',
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  };
  if (!(await waitForPort(port, 60_000))) {
    await stop();
    throw new Error(`the sample target did not listen on 127.0.0.1:${port} within 60 s`);
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}
