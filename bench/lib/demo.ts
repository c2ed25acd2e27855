import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './results.ts';
export { freePort } from '../../lib/net.ts';
import { freePort } from '../../lib/net.ts';

export interface DemoProcess {
  port: number;
  url: string;
  stop(): Promise<void>;
}


async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo server exited with ${child.exitCode} before answering ${url}`);
    try {
      // Any answer will do: with the health-down fault, health answers 503.
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the demo server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * One demo server in its own process, outside every measured tree: both pipelines test the same
 * running target, and neither pays for starting it.
 */
export async function startDemo(faults: string[] = []): Promise<DemoProcess> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['demo/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PORT: String(port), DEMO_FAULTS: faults.join(',') },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/api/health`, child, 60_000);
  } catch (error) {
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
    throw new Error(`${(error as Error).message}\n${stderr.slice(-2000)}`);
  }
  return {
    port,
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const closed = new Promise((resolve) => child.once('close', resolve));
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { return; }
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
      await closed;
      clearTimeout(timer);
    },
  };
}
