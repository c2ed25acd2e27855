import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { HOOK_MARKER } from '../../lib/ci/precommit.ts';
import { ROOT, digest, freePort, readRun, runSuite, tasksOf, type SuiteRun } from '../helpers/runSuite.ts';

const WORK = path.join(ROOT, '.work', 'selftest', `ci-${process.pid}`);
const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Verdict { verdict: string; exit_code: number; risk_rate: number; tasks: Record<string, number>; operations: number; failed_operations: number }

const readVerdict = (outputRoot: string) => JSON.parse(readFileSync(path.join(outputRoot, 'reports', 'verdict.json'), 'utf8')) as Verdict;
const comparable = (v: Verdict) => ({ verdict: v.verdict, risk_rate: v.risk_rate, tasks: v.tasks, operations: v.operations, failed_operations: v.failed_operations });
const statusesByGate = (run: Pick<SuiteRun, 'tasks'>) => {
  const out: Record<string, Record<string, number>> = {};
  for (const task of run.tasks) {
    const gate = (out[task.agent] ??= {});
    gate[task.status] = (gate[task.status] ?? 0) + 1;
  }
  return out;
};

/** Runs a script of the suite with tsx; resolves with its exit code and output. */
async function runScript(args: string[], env: Record<string, string>, cwd = ROOT, timeoutMs = 900_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(args[0]!, args.slice(1), { cwd, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out }); });
  });
}

const ciLocal = async (args: string[], output: string, env: Record<string, string> = {}) =>
  runScript(['node', '--import', 'tsx', 'scripts/ciLocal.ts', ...args, '--output', output], { DEMO_PORT: String(await freePort()), ...env });

describe('ci:local, the CI plan on one machine', () => {
  test('audit and data-flows in 2 shards each merge to the unsharded run: verdict, task and operation counts, risk rate', async () => {
    const output = path.join(WORK, 'sharded');
    const sharded = await ciLocal(['--gates', 'audit,data-flows', '--shards', '2'], output);
    const unsharded = await runSuite({ project: 'data-flows', name: `ci-unsharded-${process.pid}` });
    const merged = readRun(output);
    assert.ok(existsSync(path.join(output, 'reports', 'verdict.json')), sharded.out.slice(-3000));
    assert.match(sharded.out, /\[ci:local\] running audit shard 2\/2[\s\S]*\[ci:local\] running data-flows shard 1\/2/);
    assert.deepEqual(comparable(readVerdict(output)), comparable(readVerdict(unsharded.outputRoot)), `${sharded.out.slice(-2000)}\n${digest(unsharded)}`);
    assert.deepEqual(statusesByGate(merged), statusesByGate(unsharded));
    assert.ok(tasksOf(unsharded, 'audit').length > 0 && tasksOf(unsharded, 'data-flows').length > 0, digest(unsharded));
    assert.match(sharded.out, new RegExp(`merged verdict ${readVerdict(unsharded.outputRoot).verdict}`));
    assert.equal(sharded.code, readVerdict(output).exit_code === 0 ? 0 : 1);
  });

  test('a wrong option is one line naming it, with no stack, before anything runs', () => {
    const run = spawnSync('node', ['--import', 'tsx', 'scripts/ciLocal.ts', '--gates', 'audit,smok'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^ci:local: unknown gate\(s\) smok: the gates are audit, data-flows/m);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.doesNotMatch(run.stdout, /\[ci:local\] running/);
  });

  test('a failed gate blocks the gates after it: listed, never run, blocked in the merged verdict', async () => {
    // A committed credential (critical) fails the audit gate in seconds; the token is assembled here so this file stays clean.
    const target = mkdtempSync(path.join(os.tmpdir(), 'mo-ci-target-'));
    temps.push(target);
    writeFileSync(path.join(target, 'README.md'), '# nothing here\n');
    writeFileSync(path.join(target, 'settings.ts'), `export const TOKEN = '${['gh', 'p_', 'R8m2Kq7Vx4', 'Tz9Lp3Wc6N', 'h1Jd5Fs0Gb', 'Ya2E7u'].join('')}';\n`);
    const output = path.join(WORK, 'blocked');
    const run = await ciLocal(['--gates', 'audit,data-flows', '--shards', '1'], output, { TARGET_REPO: target });
    const merged = readRun(output);
    assert.equal(run.code, 1, run.out.slice(-3000));
    assert.match(run.out, /\[ci:local\] blocked, listing data-flows/);
    assert.equal(readVerdict(output).verdict, 'CRITICAL');
    const blocked = merged.tasks.filter((t) => t.agent === 'data-flows');
    assert.ok(blocked.length > 0 && blocked.every((t) => t.status === 'blocked'), JSON.stringify(statusesByGate(merged)));
    assert.ok(merged.tasks.some((t) => t.agent === 'audit' && t.status === 'failed'), JSON.stringify(statusesByGate(merged)));
  });
});

describe('pre-commit gate', () => {
  test('the installed hook audits the staged snapshot: a clean commit passes, a staged credential is refused', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'mo-precommit-repo-'));
    temps.push(repo);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' } });
    const demoFiles = spawnSync('git', ['ls-files', '-z', 'demo'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    for (const file of demoFiles) {
      if (!existsSync(path.join(ROOT, file))) continue;
      mkdirSync(path.dirname(path.join(repo, file.slice('demo/'.length))), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(repo, file.slice('demo/'.length)));
    }
    git('init', '-q');
    git('add', '-A');
    assert.equal(git('commit', '-q', '-m', 'demo').status, 0);

    const hooks = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'scripts/precommit.ts', ...args, '--target', repo], { cwd: ROOT, encoding: 'utf8' });
    const hookFile = path.join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hookFile, '#!/bin/sh\nexit 0\n');
    const refused = hooks('--install');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /is another pre-commit hook: keep it, or replace it with --force/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'a user error shows no stack');
    assert.match(hooks('--uninstall').stdout, /not ours: left as it is/);
    assert.ok(existsSync(hookFile));
    assert.equal(hooks('--install', '--force').status, 0);
    assert.ok(readFileSync(hookFile, 'utf8').includes(HOOK_MARKER));

    const leak = faults.find((f) => f.name === 'leaked-credential');
    assert.ok(leak?.plant, 'the demo plants a leaked credential');
    const env = { OUTPUT_ROOT: path.join(WORK, 'precommit'), DEMO_PORT: String(await freePort()) };
    // Staged: a harmless edit. Unstaged: the credential, which the staged snapshot must not see.
    writeFileSync(path.join(repo, 'CHANGELOG.md'), '# Changes\n\n- precommit gate\n');
    git('add', 'CHANGELOG.md');
    await leak.plant(repo);
    const clean = await runScript(['git', 'commit', '-m', 'changelog'], env, repo);
    assert.equal(clean.code, 0, clean.out.slice(-3000));
    assert.match(clean.out, /precommit: commit allowed/);

    git('add', '-A');
    const dirty = await runScript(['git', 'commit', '-m', 'token'], env, repo);
    assert.notEqual(dirty.code, 0, dirty.out.slice(-3000));
    assert.match(dirty.out, /precommit: blocking findings:\n\s+\[critical\] audit\/[^\n]*secret/i);
    assert.match(dirty.out, /precommit: commit blocked/);
    assert.equal(git('log', '--format=%s').stdout.trim().split('\n')[0], 'changelog', 'the refused commit was not made');

    assert.match(hooks('--uninstall').stdout, /removed/);
    assert.equal(existsSync(hookFile), false);
  });
});

describe('remote browsers', () => {
  test('with PW_TEST_CONNECT_WS_ENDPOINT a browser check runs in the browser of a run-server', async () => {
    const port = await freePort();
    const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
    // --unsafe lets the client pass the system Chromium and its quiet flags (no Playwright browser here).
    const server = spawn(process.execPath, [cli, 'run-server', '--port', String(port), '--host', '127.0.0.1', '--unsafe'], {
      cwd: ROOT, env: { ...process.env, DEBUG: 'pw:server' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    server.stderr.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    try {
      for (let i = 0; i < 120 && !/Listening on ws:/.test(log); i++) await new Promise((r) => setTimeout(r, 250));
      assert.match(log, /Listening on ws:/, log);
      const run = await runSuite({
        project: 'browser', noDeps: true, name: `ci-remote-${process.pid}`,
        args: ['--grep', 'renders cleanly', '--max-failures', '1', '--workers', '1', `--shard=1/20`],
        env: { PW_TEST_CONNECT_WS_ENDPOINT: `ws://127.0.0.1:${port}/` },
      });
      const ran = tasksOf(run, 'browser');
      assert.ok(ran.length > 0 && ran.every((t) => t.status === 'completed'), digest(run));
      assert.match(log, /serving connection/, `the run-server saw no client:\n${log}`);
      assert.match(log, /engaged launch mode for "chromium"/, log);
    } finally {
      try { process.kill(-server.pid!, 'SIGKILL'); } catch { /* gone */ }
    }
  });
});
