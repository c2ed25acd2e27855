import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sendAlerts } from '../../reporters/alerts.ts';
import { sampleSummary } from '../unit/ops/summaryFixture.ts';
import { gate, header, historyEntry, jsonl, run, summary, task } from '../unit/ops/records.ts';
import { runScript, tempDir } from './opsHelpers.ts';

/** A webhook receiver on a free local port; `behaviour` decides each answer. */
async function receiver(behaviour: (n: number, res: http.ServerResponse) => void) {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      bodies.push(JSON.parse(body));
      behaviour(bodies.length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/T000/secret`, bodies, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

void describe('tracker', () => {
  const dir = tempDir('tracker');
  const failedContracts = { status: 'failed', tasks: 2, failed: 1, blocked: 0, operations: 30, failed_operations: 1, risk_rate: 3.33 };
  writeFileSync(path.join(dir, 'history.jsonl'), [
    JSON.stringify(historyEntry('20261118T090000Z-aaaa', '2026-11-18T09:00:00Z')),
    JSON.stringify(historyEntry('20261120T090000Z-bbbb', '2026-11-20T09:00:00Z', { verdict: 'CRITICAL', risk_rate: 2, log: 'execution_log_20261122T100000Z-test.jsonl', gates: { audit: { status: 'passed', tasks: 2, failed: 0, blocked: 0, operations: 20, failed_operations: 0, risk_rate: 0 }, contracts: failedContracts } })),
    '{"run_id": "torn line',
    JSON.stringify(historyEntry('20261121T090000Z-cccc', '2026-11-21T09:00:00Z', { mode: 'quick', verdict: 'WARNING', risk_rate: 0.7 })),
  ].join('\n') + '\n');
  writeFileSync(path.join(dir, 'execution_log_20261122T100000Z-test.jsonl'), jsonl([
    header(), run({ audit: 2, contracts: 2 }), task('audit', 'secrets', 'completed'), task('audit', 'ports', 'completed'),
    task('contracts', 'orders-require-auth', 'failed', { ops: 20, failed: 1 }), task('contracts', 'cors', 'completed'),
    gate('audit', 'passed', { total: 2, completed: 2 }, 20, 0), gate('contracts', 'failed', { total: 2, completed: 1, failed: 1 }, 30, 1),
    summary('CRITICAL', { total: 4, completed: 3, failed: 1 }, 50, 1),
  ]));
  const env = { REPORTS_DIR: dir };

  void test('lists the history, filtered by --since, --gate and --failed, as table and json', () => {
    const all = runScript('tracker.ts', [], env);
    assert.equal(all.code, 0, all.stderr);
    assert.equal(all.stdout.trim().split('\n').length, 5, 'header, rule and the three good lines (the torn line is skipped)');
    const since = runScript('tracker.ts', ['--since', '2026-11-20', '--format', 'json'], env);
    assert.deepEqual(JSON.parse(since.stdout).map((e: { run_id: string }) => e.run_id), ['20261120T090000Z-bbbb', '20261121T090000Z-cccc']);
    const failed = runScript('tracker.ts', ['--failed', '--gate', 'contracts'], env);
    assert.match(failed.stdout, /20261120T090000Z-bbbb .*CRITICAL.*failed 2 tasks, 1 failed/);
    assert.doesNotMatch(failed.stdout, /aaaa|cccc/);
  });

  void test('--status --run shows one run; --failed keeps its failed tasks only', () => {
    const result = runScript('tracker.ts', ['--status', '--run', '20261120T09', '--failed', '--format', 'json'], env);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.run.verdict, 'CRITICAL');
    assert.deepEqual(report.tasks.map((t: { task_id: string }) => t.task_id), ['contracts/orders-require-auth']);
    assert.match(report.tasks[0].errors[0], /expected 200, got 500/);
    const table = runScript('tracker.ts', ['--status', '--run', '20261120T090000Z-bbbb', '--gate', 'audit'], env);
    assert.match(table.stdout, /audit\/secrets\s+completed/);
    assert.doesNotMatch(table.stdout, /contracts\//);
  });

  void test('user errors are one line with no stack trace', () => {
    for (const args of [['--since', 'last week'], ['--status', '--run', '2026112', '--gate', 'a11y']]) {
      const result = runScript('tracker.ts', args, env);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, /^tracker: /);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });
});

void describe('alerts', () => {
  void test('a local receiver gets the CRITICAL message with its fields; quality alerts go to alerts.jsonl', async () => {
    const hook = await receiver((_n, res) => res.end('ok'));
    const dir = tempDir('alerts');
    try {
      const result = await sendAlerts({ summary: sampleSummary('CRITICAL'), previousVerdict: 'PASS', reportsDir: dir, env: { WEBHOOK_URL: hook.url } });
      assert.equal(result.webhook.status, 'sent');
      assert.equal(hook.bodies.length, 1);
      const body = hook.bodies[0] as Record<string, unknown>;
      assert.match(String(body.text), /CRITICAL/);
      assert.equal(body.verdict, 'CRITICAL');
      assert.equal(body.risk, '3.50 %');
      assert.equal((body.failed_checks as { task_id: string }[])[0]?.task_id, 'contracts/orders-require-auth');
      assert.match(String((body.report_links as Record<string, string>).summary), /executive-summary\.md$/);
      const lines = readFileSync(path.join(dir, 'alerts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(lines.map((l) => l.kind).sort(), ['expired-waiver', 'flaky-task', 'gate-not-run', 'hollow-check']);
    } finally {
      await hook.close();
    }
  });

  void test('PASS after PASS stays quiet; the first PASS after a CRITICAL is announced', async () => {
    const hook = await receiver((_n, res) => res.end('ok'));
    const dir = tempDir('alerts-pass');
    try {
      const quiet = await sendAlerts({ summary: sampleSummary('PASS', { warnings: [] }), previousVerdict: 'PASS', reportsDir: dir, env: { WEBHOOK_URL: hook.url } });
      assert.equal(quiet.webhook.status, 'not-needed');
      assert.equal(hook.bodies.length, 0);
      assert.equal(existsSync(path.join(dir, 'alerts.jsonl')), false, 'no quality alert, no file');
      const recovered = await sendAlerts({ summary: sampleSummary('PASS', { warnings: [] }), previousVerdict: 'CRITICAL', reportsDir: dir, env: { WEBHOOK_URL: hook.url } });
      assert.equal(recovered.webhook.status, 'sent');
      assert.equal((hook.bodies[0] as { reason: string }).reason, 'recovered');
    } finally {
      await hook.close();
    }
  });

  void test('a receiver that fails once is retried with backoff', async () => {
    const hook = await receiver((n, res) => { res.statusCode = n === 1 ? 503 : 200; res.end(); });
    try {
      const result = await sendAlerts({ summary: sampleSummary('WARNING'), previousVerdict: undefined, reportsDir: tempDir('alerts-retry'), env: { WEBHOOK_URL: hook.url } });
      assert.equal(result.webhook.status, 'sent');
      assert.equal(result.webhook.attempts, 2);
      assert.ok(result.webhook.elapsedMs >= 450, `backoff waited ${result.webhook.elapsedMs} ms`);
    } finally {
      await hook.close();
    }
  });

  void test('a closed port: bounded time, no throw, the URL\'s secret path not printed', async () => {
    const hook = await receiver((_n, res) => res.end());
    const url = hook.url;
    await hook.close();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args.join(' ')); };
    const started = Date.now();
    try {
      const result = await sendAlerts({ summary: sampleSummary('CRITICAL'), previousVerdict: undefined, reportsDir: tempDir('alerts-closed'), env: { WEBHOOK_URL: url, WEBHOOK_TIMEOUT_MS: '3000' } });
      assert.equal(result.webhook.status, 'failed');
      assert.equal(result.webhook.attempts, 3);
      assert.match(result.webhook.detail, /ECONNREFUSED/);
    } finally {
      console.error = original;
    }
    assert.ok(Date.now() - started < 3_500, `took ${Date.now() - started} ms`);
    assert.ok(errors.some((e) => /was not reached/.test(e)));
    assert.ok(errors.every((e) => !e.includes('secret')), 'the webhook path is not printed');
  });

  void test('a receiver that never answers is abandoned within the total bound', async () => {
    const hook = await receiver(() => { /* never answers */ });
    const started = Date.now();
    try {
      const result = await sendAlerts({ summary: sampleSummary('CRITICAL'), previousVerdict: undefined, reportsDir: tempDir('alerts-slow'), env: { WEBHOOK_URL: hook.url, WEBHOOK_TIMEOUT_MS: '1500' } });
      const elapsed = Date.now() - started;
      assert.equal(result.webhook.status, 'failed');
      assert.match(result.webhook.detail, /no answer within/);
      assert.ok(elapsed < 2_000, `took ${elapsed} ms with a 1500 ms bound`);
    } finally {
      await hook.close();
    }
  });

  void test('no WEBHOOK_URL: nothing is posted', async () => {
    const result = await sendAlerts({ summary: sampleSummary('CRITICAL'), previousVerdict: undefined, reportsDir: tempDir('alerts-off'), env: {} });
    assert.equal(result.webhook.status, 'disabled');
  });
});

void describe('report views', () => {
  void test('--pdf prints the executive summary with its trend chart to a PDF and prints the path', () => {
    const dir = tempDir('report');
    writeFileSync(path.join(dir, 'executive-summary.md'), '# Release gate: CRITICAL\n\n<script>alert(1)</script>\n\n## Gates\n\n| gate | status |\n|---|---|\n| audit | passed |\n');
    writeFileSync(path.join(dir, 'history.jsonl'), `${JSON.stringify(historyEntry('a', '2026-11-20T10:00:00Z'))}\n${JSON.stringify(historyEntry('b', '2026-11-21T10:00:00Z', { risk_rate: 1.2 }))}\n`);
    const result = runScript('report.ts', ['--pdf'], { REPORTS_DIR: dir }, 90_000);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /PDF: .*executive-summary\.pdf/);
    const pdf = readFileSync(path.join(dir, 'executive-summary.pdf'));
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 5_000);
    const html = readFileSync(path.join(dir, 'executive-summary.html'), 'utf8');
    assert.match(html, /<section class="trend"><h2>Risk rate over past runs<\/h2><svg/);
    assert.ok(html.indexOf('class="trend"') < html.indexOf('<h2>Gates</h2>'), 'the chart comes before the gate table');
    assert.doesNotMatch(html, /<script>alert/, 'raw HTML in the summary is escaped');
  });

  void test('no summary yet is a user error', () => {
    const result = runScript('report.ts', ['--pdf'], { REPORTS_DIR: tempDir('report-none') });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^report: no executive summary at /);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
