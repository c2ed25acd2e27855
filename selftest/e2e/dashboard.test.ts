import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from '@playwright/test';
import { CHROMIUM_QUIET_ARGS, chooseBrowser } from '../../lib/browser.ts';
import { gate, header, historyEntry, jsonl, run, summary, task } from '../unit/ops/records.ts';
import { ROOT, runScript, startDashboard, tempDir, WORK } from './opsHelpers.ts';

/** A GET of a raw path, as an attacker sends it (a URL object would fold the dot segments first). */
function rawGet(base: string, rawPath: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = http.request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET', headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

void describe('terminal dashboard', () => {
  void test('--once shows counts, the live risk rate, a corrupt line and a partial tail, without colour in a pipe', () => {
    const dir = tempDir('term');
    const log = path.join(dir, 'execution_log_x.jsonl');
    writeFileSync(log, `${jsonl([header(), run({ audit: 3, smoke: 2 }), task('audit', 'secrets', 'completed'), task('audit', 'ports', 'failed', { ops: 10, failed: 1 })])}{this line is corrupt\n{"type":"task","run_id":"cut-off`);
    writeFileSync(path.join(dir, 'history.jsonl'), `${JSON.stringify(historyEntry('prev', '2026-11-21T10:00:00Z', { duration_seconds: 90 }))}\n`);
    const result = runScript('dashboard.ts', ['--once', '--log', log]);
    assert.equal(result.code, 3, result.stderr); // everything readable shown, the corrupt line signalled
    const out = result.stdout;
    assert.match(out, /Tasks\s+5 total\s+1 completed\s+1 failed\s+0 blocked.*3 pending/);
    assert.match(out, /40\.0 %/);
    assert.match(out, /Risk\s+5\.00 % so far \(1 failed of 20 operations/);
    assert.match(out, /audit\s+running/);
    assert.match(out, /smoke\s+pending/);
    assert.match(out, /line 5: corrupt/);
    assert.match(out, /line 6: incomplete/);
    assert.match(out, /previous run of this mode took 1m30s|over the previous run of this mode/);
    assert.doesNotMatch(out, /\u001b\[/, 'no ANSI colour when stdout is not a terminal');
  });

  void test('a missing log is a user error: one line, exit 1, no stack trace', () => {
    const result = runScript('dashboard.ts', ['--once', '--log', path.join(WORK, 'nope', 'missing.jsonl')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^dashboard: no execution log at .*missing\.jsonl/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    const flag = runScript('dashboard.ts', ['--refresh', 'fast']);
    assert.equal(flag.code, 1);
    assert.match(flag.stderr, /--refresh must be a positive number, got "fast"/);
    assert.doesNotMatch(flag.stderr, /\n\s+at /);
  });

  void test('a file that is not an execution log is refused with a clear line', () => {
    const dir = tempDir('notlog');
    const file = path.join(dir, 'other.jsonl');
    writeFileSync(file, '{"type":"task"}\n');
    const result = runScript('dashboard.ts', ['--once', '--log', file]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /does not start with a header record/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});

void describe('web dashboard', () => {
  let dir = '';
  let log = '';
  let server: Awaited<ReturnType<typeof startDashboard>>;
  const outside = path.join(WORK, 'outside-secret.jsonl');

  before(async () => {
    dir = tempDir('web');
    log = path.join(dir, 'execution_log_20261122T100000Z-test.jsonl');
    writeFileSync(log, jsonl([header(), run({ audit: 2, contracts: 2, smoke: 1 })]));
    symlinkSync(path.basename(log), path.join(dir, 'latest.jsonl'));
    writeFileSync(path.join(dir, 'history.jsonl'), [
      historyEntry('a', '2026-11-19T10:00:00Z', { risk_rate: 0.2 }),
      historyEntry('b', '2026-11-20T10:00:00Z', { risk_rate: 2.6, verdict: 'CRITICAL' }),
      historyEntry('c', '2026-11-21T10:00:00Z', { risk_rate: 0.4, duration_seconds: 40 }),
    ].map((e) => `${JSON.stringify(e)}\n`).join(''));
    writeFileSync(outside, '{"secret":true}\n');
    symlinkSync(outside, path.join(dir, 'escape.jsonl'));
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    server = await startDashboard([], { REPORTS_DIR: dir });
  });
  after(async () => {
    await server?.stop();
  });

  void test('listens on 127.0.0.1 only by default', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.doesNotMatch(server.output(), /WARNING/);
  });

  void test('a browser sees the counts move while the log is appended to, then the verdict', async (t) => {
    const choice = chooseBrowser(chromium.executablePath());
    assert.ok(choice, 'a Chromium to drive');
    const browser = await chromium.launch({ executablePath: choice.executablePath, args: [...CHROMIUM_QUIET_ARGS] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
      await page.goto(server.url);
      const text = (id: string) => page.getByTestId(id).textContent();
      const until = async (id: string, expected: string) => {
        await page.waitForFunction(([i, e]) => document.querySelector(`[data-testid="${i}"]`)?.textContent === e, [id, expected], { timeout: 10_000 });
      };
      await until('count-total', '5');
      assert.equal(await text('count-completed'), '0');
      assert.equal(await text('count-pending'), '5');
      // A run in progress: records arrive one by one, as the reporter writes them.
      appendFileSync(log, jsonl([task('audit', 'secrets', 'completed', { start: 1, end: 2 })]));
      await until('count-completed', '1');
      await sleep(300);
      appendFileSync(log, jsonl([task('audit', 'ports', 'completed', { start: 2, end: 4 })]));
      await until('count-completed', '2');
      appendFileSync(log, jsonl([task('contracts', 'orders-require-auth', 'failed', { start: 5, end: 7, ops: 20, failed: 1 })]).slice(0, 40));
      await sleep(1200);
      assert.equal(await text('count-failed'), '0', 'a half-written line is not counted');
      appendFileSync(log, jsonl([task('contracts', 'orders-require-auth', 'failed', { start: 5, end: 7, ops: 20, failed: 1 })]).slice(40));
      await until('count-failed', '1');
      assert.match(await text('risk-rate') ?? '', /^2\.50 %$/);
      assert.match(await page.locator('#risk-label').textContent() ?? '', /so far/);
      assert.equal(await page.locator('#risk-card').getAttribute('class'), 'card level-critical');
      assert.equal(await text('count-pending'), '2');
      appendFileSync(log, jsonl([
        task('contracts', 'cors', 'completed', { start: 7, end: 9 }), task('smoke', 'health', 'blocked'),
        gate('audit', 'passed', { total: 2, completed: 2 }, 20, 0), gate('contracts', 'failed', { total: 2, completed: 1, failed: 1 }, 30, 1),
        gate('smoke', 'blocked', { total: 1, blocked: 1 }, 0, 0), summary('CRITICAL', { total: 5, completed: 3, failed: 1, blocked: 1 }, 50, 1, 12),
      ]));
      await until('count-blocked', '1');
      await page.waitForFunction(() => document.body.dataset.runState === 'finished', undefined, { timeout: 10_000 });
      assert.match(await text('state') ?? '', /CRITICAL/);
      assert.equal(await page.locator('[data-testid=gates] tr[data-gate=smoke] td').nth(1).textContent(), 'blocked');
      assert.equal(await page.locator('[data-testid=risk-trend] circle').count(), 3, 'one point per past run');
      assert.equal(await page.locator('[data-testid=gate-timeline] rect').count(), 2, 'a bar per gate that ran');
      const shot = path.join(WORK, 'web-dashboard.png');
      await page.screenshot({ path: shot, fullPage: true });
      t.diagnostic(`screenshot: ${path.relative(ROOT, shot)}`);
    } finally {
      await browser.close();
    }
  });

  void test('the server refuses path traversal, encoded traversal, absolute paths and symlinks out of the reports folder', async () => {
    const get = (rawPath: string, host?: string) => rawGet(server.url, rawPath, host);
    const ok = await get('/logs/latest.jsonl');
    assert.equal(ok.status, 200);
    assert.match(ok.body, /"type":"header"/);
    for (const attempt of [
      '/logs/../package.json', '/logs/..%2Fpackage.json', '/logs/%2e%2e%2fpackage.json', '/logs/%2E%2E/package.json',
      '/logs/%252e%252e%252fpackage.json', '/logs//etc/passwd', '/logs/%2Fetc%2Fpasswd', '/logs/..%5cpackage.json',
      '/../package.json', '/logs/sub/../../package.json', '/scripts/dashboard.ts', '/package.json', '/logs/escape.jsonl', '/logs/x%00.jsonl',
    ]) {
      const res = await get(attempt);
      assert.ok(res.status >= 400 && res.status < 500, `${attempt} answered ${res.status}`);
      assert.doesNotMatch(res.body, /"secret"|"devDependencies"|root:/, `${attempt} leaked a file`);
    }
    assert.equal((await get('/logs/escape.jsonl')).status, 403, 'a symlink out of the folder is refused');
    assert.equal((await get('/', 'evil.example:80')).status, 403, 'a foreign Host header (DNS rebinding) is refused');
  });
});

void test('--host widens the listening address with a printed warning', async () => {
  const dir = tempDir('host');
  writeFileSync(path.join(dir, 'latest.jsonl'), jsonl([header(), run({ audit: 1 })]));
  const wide = await startDashboard(['--host', '127.0.0.2', '--log', path.join(dir, 'latest.jsonl')]);
  try {
    await sleep(200);
    assert.match(wide.output(), /WARNING: listening on 127\.0\.0\.2/);
  } finally {
    await wide.stop();
  }
});

void describe('web dashboard of a workspace run (--targets --port)', () => {
  let dir = '';
  let server: Awaited<ReturnType<typeof startDashboard>>;
  const logOf = (id: string) => path.join(dir, id, 'execution_log_20261122T100000Z-test.jsonl');

  before(async () => {
    dir = tempDir('targets-web');
    for (const id of ['paiid', 'papid-2mx']) {
      mkdirSync(path.join(dir, id), { recursive: true });
      writeFileSync(logOf(id), jsonl([header(), run({ audit: 2, smoke: 1 })]));
      symlinkSync(path.basename(logOf(id)), path.join(dir, id, 'latest.jsonl'));
    }
    writeFileSync(path.join(dir, 'paiid', 'history.jsonl'), [historyEntry('a', '2026-11-20T10:00:00Z', { risk_rate: 0.1 }), historyEntry('b', '2026-11-21T10:00:00Z', { risk_rate: 0.3 })].map((e) => `${JSON.stringify(e)}\n`).join(''));
    writeFileSync(path.join(WORK, 'targets-outside.json'), '{"secret":true}\n');
    server = await startDashboard(['--targets'], { REPORTS_DIR: dir });
  });
  after(async () => {
    await server?.stop();
  });

  void test('a browser sees every target side by side, each moving as its own log grows, then the release verdict', async (t) => {
    assert.match(server.output(), /Dashboard: http:\/\/127\.0\.0\.1:\d+\/ \(every target in /);
    const choice = chooseBrowser(chromium.executablePath());
    assert.ok(choice, 'a Chromium to drive');
    const browser = await chromium.launch({ executablePath: choice.executablePath, args: [...CHROMIUM_QUIET_ARGS] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
      await page.goto(server.url);
      const row = (id: string) => page.locator(`[data-testid=targets] tr[data-target="${id}"]`);
      const cell = (id: string, gate: string) => row(id).locator(`td[data-gate="${gate}"]`);
      await row('papid-2mx').waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('[data-testid=targets] tbody tr').count(), 2);
      assert.match(await page.getByTestId('release').textContent() ?? '', /Release: running/);
      // One target goes ahead and fails a check; the other has not started: each row is its own.
      appendFileSync(logOf('papid-2mx'), jsonl([task('audit', 'secrets', 'completed', { start: 1, end: 2 }), task('audit', 'ports', 'failed', { start: 2, end: 3, ops: 10, failed: 1 })]));
      await page.waitForFunction(() => document.querySelector('tr[data-target="papid-2mx"] td[data-gate="audit"]')?.textContent === 'done', undefined, { timeout: 10_000 });
      assert.equal(await cell('paiid', 'audit').textContent(), 'pending');
      assert.match(await row('papid-2mx').textContent() ?? '', /2\/3/);
      assert.equal(await row('papid-2mx').locator('td').nth(5).textContent(), '1', 'its failed task');
      assert.equal(await row('papid-2mx').locator('td').nth(4).textContent(), '5.00 %', 'its own risk rate');
      appendFileSync(logOf('paiid'), jsonl([
        task('audit', 'secrets', 'completed', { start: 1, end: 2 }), task('audit', 'ports', 'completed', { start: 2, end: 3 }), task('smoke', 'health', 'completed', { start: 3, end: 4 }),
        gate('audit', 'passed', { total: 2, completed: 2 }, 20, 0), gate('smoke', 'passed', { total: 1, completed: 1 }, 10, 0), summary('PASS', { total: 3, completed: 3 }, 30, 0, 5),
      ]));
      appendFileSync(logOf('papid-2mx'), jsonl([
        task('smoke', 'health', 'blocked'),
        gate('audit', 'failed', { total: 2, completed: 1, failed: 1 }, 20, 1), gate('smoke', 'blocked', { total: 1, blocked: 1 }, 0, 0), summary('CRITICAL', { total: 3, completed: 1, failed: 1, blocked: 1 }, 20, 1, 6),
      ]));
      writeFileSync(path.join(dir, 'verdict.json'), JSON.stringify({ run_id: '20261122T100000Z-test', verdict: 'CRITICAL', reasons: ['papid-2mx is CRITICAL: 1 failed task(s)'] }));
      await page.waitForFunction(() => document.body.dataset.released === 'yes', undefined, { timeout: 10_000 });
      assert.equal(await page.getByTestId('release').getAttribute('data-verdict'), 'CRITICAL');
      assert.match(await page.getByTestId('release-reasons').textContent() ?? '', /papid-2mx is CRITICAL/);
      await page.waitForFunction(() => document.querySelector('tr[data-target="paiid"] td.verdict-PASS') !== null, undefined, { timeout: 10_000 });
      assert.equal(await cell('papid-2mx', 'smoke').textContent(), 'blocked');
      assert.equal(await cell('paiid', 'smoke').textContent(), 'passed');
      assert.equal(await page.locator('[data-testid=details] section[data-target=paiid] [data-testid=risk-trend] circle').count(), 2, "paiid's own trend, one point per past run");
      assert.equal(await page.locator('[data-testid=details] section[data-target=paiid] a', { hasText: 'latest.jsonl' }).count(), 1, "links to the target's own files");
      const shot = path.join(WORK, 'web-dashboard-targets.png');
      await page.screenshot({ path: shot, fullPage: true });
      t.diagnostic(`screenshot: ${path.relative(ROOT, shot)}`);
    } finally {
      await browser.close();
    }
  });

  void test("a target's files are served from its own folder only", async () => {
    const get = (rawPath: string) => rawGet(server.url, rawPath);
    const ok = await get('/targets/paiid/logs/latest.jsonl');
    assert.equal(ok.status, 200);
    assert.match(ok.body, /"type":"header"/);
    for (const attempt of ['/targets/nope/logs/latest.jsonl', '/targets/../logs/verdict.json', '/targets/paiid/logs/..%2F..%2Ftargets-outside.json', '/targets/paiid/logs/%2e%2e%2fverdict.json', '/targets/%2e%2e/logs/targets-outside.json', '/targets/paiid/latest.jsonl']) {
      const res = await get(attempt);
      assert.ok(res.status >= 400 && res.status < 500, `${attempt} answered ${res.status}`);
      assert.doesNotMatch(res.body, /"secret"/, `${attempt} leaked a file`);
    }
  });
});
