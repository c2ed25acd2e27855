import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, ROOT } from './runSuite.ts';

/** The demo's committed baselines. */
export const DEMO_BASELINES = path.join(ROOT, 'baselines', 'paiid-demo');

/** A hash of every file in a folder: proves a run left it untouched. */
export function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex');
}

/**
 * A scratch folder under .work/selftest holding a validation config that spreads the demo's and
 * overrides what the test needs (`body` is the object's extra properties, as TypeScript source).
 */
export function scratchTarget(name: string, body: string): { dir: string; config: string } {
  const dir = path.join(ROOT, '.work', 'selftest', `visual-${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'validation.config.ts');
  const base = path.relative(dir, path.join(ROOT, 'validation.config.ts')).split(path.sep).join('/');
  writeFileSync(config, `import base from '${base}';\nexport default { ...base, ${body} };\n`);
  return { dir, config };
}

/** Copies some of the demo's baselines, with their manifest entries changed by `entry`. */
export function copyBaselines(to: string, screens: string[], entry: (e: Record<string, unknown>) => Record<string, unknown> = (e) => e): void {
  mkdirSync(to, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(DEMO_BASELINES, 'manifest.json'), 'utf8')) as { screens: Record<string, Record<string, unknown>> };
  const kept: Record<string, Record<string, unknown>> = {};
  for (const screen of screens) {
    cpSync(path.join(DEMO_BASELINES, `${screen}.png`), path.join(to, `${screen}.png`));
    kept[screen] = entry(manifest.screens[screen] ?? {});
  }
  writeFileSync(path.join(to, 'manifest.json'), `${JSON.stringify({ ...manifest, screens: kept }, null, 2)}\n`);
}

/** `npm run visual:update` as a person runs it (no terminal: it prints how to accept instead of asking). */
export async function visualUpdate(args: string[], env: Record<string, string>, timeoutMs = 480_000): Promise<{ code: number | null; out: string }> {
  const port = String(await freePort());
  return new Promise((resolve) => {
    const child = spawn('node', ['--import', 'tsx', 'scripts/visualUpdate.ts', ...args], {
      cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', DEMO_PORT: port, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out }); });
  });
}
