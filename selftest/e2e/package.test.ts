import assert from 'node:assert/strict';
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { GATES, QUICK_GATES } from '../../projects/index.ts';
import { assertLogValid } from '../helpers/logSchema.ts';
import { freePort, readRun, ROOT } from '../helpers/runSuite.ts';

/*
 * The proof: the package as npm packs it, installed into a fresh project that has only a
 * package.json, `init` against the running sample target (its URL and OpenAPI URL only), and the
 * gates run from there. Every gate's specs load from the package (`--list` of full). Within
 * `npm test` the run is the quick chain plus the visual gate alone (baselines in the project), two
 * routes: the full chain costs minutes more on a shared 2-core machine. SELFTEST_PACKAGE_FULL=1 runs
 * the full chain instead, as README's walkthrough does (there on every route).
 */
const FULL = process.env.SELFTEST_PACKAGE_FULL === '1';

const work = mkdtempSync(path.join(os.tmpdir(), 'mo-package-'));
const project = path.join(work, 'team-app');
const started: number[] = [];
after(() => {
  for (const pid of started) {
    try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  rmSync(work, { recursive: true, force: true });
});

/** The environment of a person in their own repository: none of the suite's run variables. */
function teamEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...extra };
  for (const name of ['CI', 'OUTPUT_ROOT', 'REPORTS_DIR', 'VALIDATION_CONFIG', 'VALIDATION_CONFIG_RESOLVED', 'TEST_WORKER_INDEX', 'DEMO_FAULTS', 'BASE_URL', 'API_URL', 'TARGET_REPO']) delete env[name];
  return env;
}

function run(command: string, args: string[], options: SpawnOptions & { timeoutMs: number }): Promise<{ code: number | null; out: string; ms: number }> {
  const begun = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    const timer = setTimeout(() => {
      out += `\n[killed after ${options.timeoutMs} ms]`;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: Date.now() - begun });
    });
  });
}

async function startSampleTarget(port: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], { cwd: ROOT, env: { ...process.env, DEMO_PORT: String(port), DEMO_FAULTS: '' }, stdio: 'ignore', detached: true });
  started.push(child.pid!);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${url}/robots.txt`)).ok) return url;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the sample target did not start on ${url}`);
}

describe('adopted in a team\'s repository: the packed package, init, the full gates', () => {
  test('npm pack, install into a project with only a package.json, init from the URL, every gate runs there', { timeout: 1_500_000 }, async (t) => {
    const packed = await run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, env: process.env, timeoutMs: 300_000 });
    assert.equal(packed.code, 0, packed.out);
    const tarball = path.join(work, packed.out.trim().split('\n').at(-1)!);
    assert.ok(existsSync(tarball), packed.out);
    t.diagnostic(`npm pack (with the prepack build): ${(packed.ms / 1000).toFixed(0)} s, ${(statSync(tarball).size / 1024).toFixed(0)} kB`);

    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'team-app', version: '1.0.0', private: true }, null, 2)}\n`);
    const installed = await run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project, env: teamEnv(), timeoutMs: 600_000 });
    assert.equal(installed.code, 0, installed.out);
    t.diagnostic(`npm install of the tarball: ${(installed.ms / 1000).toFixed(0)} s`);
    const shipped = path.join(project, 'node_modules', 'meta-orchestrator');
    assert.ok(existsSync(path.join(shipped, 'dist', 'tests', 'audit', 'secrets.spec.js')), 'compiled specs are shipped');
    assert.ok(existsSync(path.join(shipped, 'dist', 'validation.config.schema.json')), 'the JSON Schema is shipped');
    assert.ok(!existsSync(path.join(shipped, 'demo')) && !existsSync(path.join(shipped, 'selftest')), 'the sample target and self-tests stay out');
    for (const optional of ['pg', 'ioredis', '@percy/cli', 'allure']) assert.ok(!existsSync(path.join(project, 'node_modules', optional)), `${optional} is optional and was installed`);

    const url = await startSampleTarget(await freePort());
    const init = await run('npx', ['meta-orchestrator', 'init', '--url', url, '--openapi', `${url}/openapi.yaml`, '--max-routes', '2'], { cwd: project, env: teamEnv(), timeoutMs: 120_000 });
    assert.equal(init.code, 0, init.out);
    assert.match(init.out, /routes {6}2: \/ \/research/);
    assert.match(init.out, /auth {8}bearer \("bearerAuth", Authorization Bearer\), login POST \/api\/auth\/login/);
    const config = readFileSync(path.join(project, 'validation.config.ts'), 'utf8');
    assert.match(config, /from 'meta-orchestrator'/);
    assert.doesNotMatch(config, /paper-trading/, 'a secret was written');

    const listed = await run('npx', ['playwright', 'test', '--project=full', '--list'], { cwd: project, env: teamEnv(), timeoutMs: 180_000 });
    assert.equal(listed.code, 0, listed.out);
    for (const gate of GATES) assert.match(listed.out, new RegExp(`\\[${gate.name}\\] › node_modules/meta-orchestrator/dist/tests/${gate.name}/`), `no ${gate.name} spec listed:\n${listed.out.slice(-2000)}`);

    // Credentials from the environment only, as .env.example says.
    const runs: Array<{ args: string[]; gates: string[] }> = FULL
      ? [{ args: [], gates: GATES.map((g) => g.name) }]
      : [{ args: ['quick'], gates: [...QUICK_GATES] }, { args: ['visual', '--no-deps'], gates: ['visual'] }];
    let result = readRun(project);
    let gates = { code: null as number | null, out: '', ms: 0 };
    for (const planned of runs) {
      gates = await run('npx', ['meta-orchestrator', 'test', ...planned.args], { cwd: project, env: teamEnv({ API_USER: 'demo', API_PASSWORD: 'paper-trading' }), timeoutMs: 900_000 });
      result = readRun(project);
      t.diagnostic(`meta-orchestrator test ${planned.args.join(' ') || 'full'}: ${(gates.ms / 1000).toFixed(0)} s, verdict ${result.summary?.verdict ?? 'none'}, ${result.summary?.operations ?? 0} operations`);
      const digest = `${gates.out.slice(-3000)}`;
      assert.ok(result.summary, `no summary in the project's reports:\n${digest}`);
      assert.deepEqual(result.gates.map((g) => [g.gate, g.status]), planned.gates.map((name) => [name, 'passed']), digest);
      assert.equal(result.summary?.tasks.blocked, 0);
      assert.equal(result.summary?.tasks.failed, 0);
      assert.notEqual(result.summary?.verdict, 'CRITICAL', digest);
      assert.equal(gates.code, 0, digest);
      assertLogValid({ ...result, stdout: gates.out, stderr: '', exitCode: gates.code, signal: null, durationMs: gates.ms, outputRoot: project });
    }

    // Outputs and baselines in the team's project; nothing written into the installed package.
    for (const output of ['reports/verdict.json', 'reports/history.jsonl', 'reports/executive-summary.md', 'playwright-report/index.html', 'allure-results']) assert.ok(existsSync(path.join(project, output)), output);
    assert.ok(readdirSync(path.join(project, 'baselines'), { recursive: true }).map(String).some((file) => file.endsWith('.png')), 'no baseline in the project');
    const inPackage = readdirSync(shipped, { recursive: true }).map(String).filter((file) => /\.png$|reports|test-results|playwright-report/.test(file));
    assert.deepEqual(inPackage, [], 'the run wrote into node_modules');

    const verdict = await run('npx', ['meta-orchestrator', 'verdict'], { cwd: project, env: teamEnv(), timeoutMs: 60_000 });
    assert.match(verdict.out, new RegExp(`^Verdict ${result.summary?.verdict} `, 'm'));
    const allure = await run('npx', ['meta-orchestrator', 'report', '--allure'], { cwd: project, env: teamEnv(), timeoutMs: 60_000 });
    assert.equal(allure.code, 1);
    assert.equal(allure.out.trim(), 'report: The Allure report needs the optional package allure, which is not installed: npm install --save-dev allure');

    // Two products from one pipeline, installed: a workspace of the team's config and its next version,
    // each target's gate and the cross-platform gate between them, one release verdict.
    writeFileSync(path.join(project, 'next.validation.config.ts'), config);
    writeFileSync(path.join(project, 'team.workspace.json'), JSON.stringify({
      name: 'team release',
      targets: [{ id: 'web', config: 'validation.config.ts' }, { id: 'web-next', config: 'next.validation.config.ts' }],
      crossPlatform: { contracts: [{ from: 'web', to: 'web-next' }] },
    }));
    const platforms = await run('npx', ['meta-orchestrator', 'test', '--workspace', 'team.workspace.json', '--project=web/data-flows', '--project=web-next/data-flows', '--project=cross-platform', '--no-deps'], {
      cwd: project, env: teamEnv({ API_USER: 'demo', API_PASSWORD: 'paper-trading', MIN_OPERATIONS: '1' }), timeoutMs: 600_000,
    });
    t.diagnostic(`meta-orchestrator test --workspace (two targets' data-flows, cross-platform): ${(platforms.ms / 1000).toFixed(0)} s`);
    const release = JSON.parse(readFileSync(path.join(project, 'reports', 'verdict.json'), 'utf8')) as { release?: string; verdict?: string; targets?: Record<string, { verdict: string | null }> };
    assert.equal(release.release, 'team release', platforms.out.slice(-3000));
    assert.deepEqual(Object.fromEntries(Object.entries(release.targets ?? {}).map(([id, target]) => [id, target.verdict])), { web: 'PASS', 'web-next': 'PASS', 'cross-platform': 'PASS' }, platforms.out.slice(-3000));
    assert.equal(platforms.code, 0, platforms.out.slice(-3000));
    for (const id of ['web', 'web-next', 'cross-platform']) assert.ok(existsSync(path.join(project, 'reports', id, 'executive-summary.md')), `no summary of ${id}`);
    assert.match(platforms.out, /release summary {5}reports\/release-summary\.md/);
  });
});
