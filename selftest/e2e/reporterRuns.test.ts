import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import { inlineProject } from '../helpers/inlineProject.ts';
import { ROOT, readRun } from '../helpers/runSuite.ts';
import { searchableText } from '../../lib/zip.ts';
import { assertLogValid } from '../helpers/logSchema.ts';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

describe('redaction', () => {
  test('a planted password and the token it buys appear in no output file of the run', async () => {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const token = `tok-${randomBytes(12).toString('hex')}`;
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => { body += c.toString(); });
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        if (request.url === '/api/auth/login') {
          const ok = (JSON.parse(body || '{}') as { password?: string }).password === password;
          response.statusCode = ok ? 200 : 401;
          response.end(JSON.stringify(ok ? { token } : { error: 'bad credentials' }));
          return;
        }
        response.setHeader('set-cookie', `session=${token}; HttpOnly`);
        // The raw token with no pattern around it: only the value captured at login can redact it.
        response.end(JSON.stringify({ seen: request.headers.authorization, mirror: String(request.headers.authorization).split(' ')[1] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const project = inlineProject('redaction', [{ name: 'only' }], {
        'only/leak.spec.ts': `import { test, expect } from '@fixtures';
test('handles credentials', async ({ api, risk }) => {
  const result = await api.get('/api/echo', { auth: 'token' });
  risk.pass('echo evidence', { check: 'contracts/auth', evidence: { body: result.json, headers: result.headers, text: result.text } });
  await risk.check('mirror is empty', () => expect((result.json as { mirror?: string }).mirror, 'mirror of ' + result.url).toBe(''), { check: 'contracts/auth' });
  risk.warn('header seen', 'the server saw ' + String((result.json as { seen?: string }).seen), { check: 'contracts/auth' });
});
`,
      }, `auth: { login: { path: '/api/auth/login', body: { username: 'demo', password: '\${API_PASSWORD}' }, tokenPath: 'token' } },`);
      const run = await project.run(['--project=only'], { BASE_URL: `http://127.0.0.1:${port}`, API_PASSWORD: password });
      assert.equal(run.exitCode, 1, run.stdout + run.stderr);
      assert.match(run.logText, /mirror is empty/);
      const files = filesUnder(run.outputRoot);
      assert.ok(files.some((f) => f.includes('playwright-report')), 'the HTML report was written');
      assert.ok(files.some((f) => f.includes('allure-results')), 'the Allure results were written');
      for (const file of files) {
        const text = searchableText(readFileSync(file));
        assert.ok(!text.includes(password), `${path.relative(run.outputRoot, file)} holds the password`);
        assert.ok(!text.includes(token), `${path.relative(run.outputRoot, file)} holds the token`);
      }
      assert.ok(!run.stdout.includes(token) && !run.stderr.includes(token), 'the terminal output holds the token');
    } finally {
      server.close();
    }
  });
});

describe('sharding', () => {
  const specs: Record<string, string> = {};
  for (const gate of ['first', 'second']) {
    for (let file = 0; file < 3; file++) {
      specs[`${gate}/f${file}.spec.ts`] = `import { test, expect } from '@fixtures';
${[0, 1].map((i) => `test('${gate} ${file} ${i}', async ({ risk }) => {
  for (let k = 0; k < ${5 + i + file}; k++) await risk.check('op ' + k, () => expect(k).toBeLessThan(${gate === 'second' && file === 2 && i === 1 ? 3 : 100}), { check: 'data-flows/status' });
});`).join('\n')}
`;
    }
  }
  const project = inlineProject('shards', [{ name: 'first' }, { name: 'second', dependencies: ['first'] }], specs);
  writeFileSync(path.join(project.dir, 'merge.config.ts'), `import path from 'node:path';
import { loadValidationConfig } from '${path.join(ROOT, 'lib/config/index.ts')}';
import { riskReporterOptions } from '${path.join(ROOT, 'lib/reporterOptions.ts')}';
const config = await loadValidationConfig();
export default { testDir: import.meta.dirname, reporter: [['${path.join(ROOT, 'reporters/riskReporter.ts')}', { ...riskReporterOptions(config, ['first', 'second']), outputDir: path.join(process.env.OUTPUT_ROOT!, 'reports') }]] };
`);

  test('3 shards merged through the risk reporter give the verdict, counts and rate of one unsharded run', async () => {
    const whole = await project.run(['--project=second'], { OUTPUT_ROOT: path.join(project.dir, 'whole') });
    assert.equal(whole.summary?.verdict, 'CRITICAL', whole.stdout);
    const blobs = path.join(project.dir, 'blobs');
    mkdirSync(blobs, { recursive: true });
    for (let shard = 1; shard <= 3; shard++) {
      const out = path.join(project.dir, `shard${shard}`);
      await project.run(['--project=second', `--shard=${shard}/3`], { OUTPUT_ROOT: out, BLOB_REPORT: '1' });
      for (const file of readdirSync(path.join(out, 'blob-report'))) copyFileSync(path.join(out, 'blob-report', file), path.join(blobs, file));
    }
    const mergedRoot = path.join(project.dir, 'merged');
    const { spawnSync } = await import('node:child_process');
    const merge = spawnSync(path.join(ROOT, 'node_modules/.bin/playwright'), ['merge-reports', '--config', 'merge.config.ts', blobs], {
      cwd: project.dir, env: { ...process.env, OUTPUT_ROOT: mergedRoot, VALIDATION_CONFIG: path.join(project.dir, 'validation.config.ts') }, encoding: 'utf8', timeout: 120_000,
    });
    const merged = readRun(mergedRoot);
    assert.ok(merged.summary, `no merged summary: ${merge.stdout}\n${merge.stderr}`);
    const pick = (s: typeof merged.summary) => ({ verdict: s?.verdict, tasks: s?.tasks, operations: s?.operations, failed: s?.failed_operations, rate: s?.risk_rate });
    assert.deepEqual(pick(merged.summary), pick(whole.summary));
    assert.equal(merged.tasks.length, whole.tasks.length);
    const verdict = spawnSync('npx', ['tsx', path.join(ROOT, 'scripts/verdict.ts')], { cwd: ROOT, env: { ...process.env, OUTPUT_ROOT: mergedRoot }, encoding: 'utf8' });
    assert.equal(verdict.status, 1, `npm run verdict must exit 1 on CRITICAL: ${verdict.stdout}${verdict.stderr}`);
    assert.match(verdict.stdout, /Verdict CRITICAL/);
  });
});

describe('interruption', () => {
  const project = inlineProject('interrupt', [{ name: 'only' }], {
    'only/slow.spec.ts': `import { test } from '@fixtures';
test('quick one', async ({ risk }) => { risk.pass('fast', { check: 'data-flows/status' }); });
test('slow one', async ({ risk }) => { risk.pass('started', { check: 'data-flows/status' }); await new Promise((r) => setTimeout(r, 60_000)); });
`,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} mid-run leaves a valid log ending in an interrupted summary, and the next run works`, async () => {
      const out = path.join(project.dir, signal);
      // Signal once the slow task has started (its quick sibling is logged), however loaded the machine is.
      const started = () => existsSync(path.join(out, 'reports', 'latest.jsonl')) && readFileSync(path.join(out, 'reports', 'latest.jsonl'), 'utf8').includes('quick-one');
      const run = await project.run(['--project=only'], { OUTPUT_ROOT: out }, { signalWhen: { signal, ready: started }, timeoutMs: 120_000 });
      assert.notEqual(run.exitCode, 0);
      assertLogValid(run);
      assert.equal(run.summary?.status, 'interrupted');
      assert.equal(run.summary?.verdict, 'CRITICAL');
      assert.match(run.summaryMarkdown, /the run was interrupted/);
      const again = await project.run(['--project=only', '--grep', 'quick'], { OUTPUT_ROOT: out });
      assert.equal(again.summary?.status, 'finished');
      assertLogValid(again);
    });
  }
});
