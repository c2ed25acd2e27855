import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { inlineProject } from '../helpers/inlineProject.ts';
import { assertLogValid } from '../helpers/logSchema.ts';

const failingSmoke = `import { test, expect } from '@fixtures';
test('critical path', async ({ risk }) => {
  for (let i = 0; i < 60; i++) await risk.check('step ' + i, () => expect(i).toBeLessThan(59), { check: 'smoke/critical-path' });
});
`;

describe('rollback hook', () => {
  const project = inlineProject('rollback', [{ name: 'smoke' }], { 'smoke/path.spec.ts': failingSmoke },
    `onCritical: { command: 'echo "rolled back \${TARGET_ENV} after \${VERDICT}" > rollback-marker.txt', timeoutMs: 20000 },`);
  const marker = path.join(project.dir, 'rollback-marker.txt');
  const env = { BASE_URL: 'http://127.0.0.1:9' };

  test('runs after a CRITICAL verdict in staging when smoke failed; its exit code and output reach the log and summary', async () => {
    rmSync(marker, { force: true });
    const run = await project.run(['--project=smoke'], { ...env, TARGET_ENV: 'staging' });
    assert.equal(run.summary?.verdict, 'CRITICAL');
    assert.equal(readFileSync(marker, 'utf8').trim(), 'rolled back staging after CRITICAL');
    const record = run.records.find((r) => r.type === 'rollback') as { action: string; exit_code: number } | undefined;
    assert.equal(record?.action, 'run');
    assert.equal(record?.exit_code, 0);
    assert.match(run.summaryMarkdown, /## Rollback\n\n- Ran: `echo .*rolled back staging/);
    assertLogValid(run);
  });

  test('DRY_RUN=1 prints the command instead of running it', async () => {
    rmSync(marker, { force: true });
    const run = await project.run(['--project=smoke'], { ...env, TARGET_ENV: 'production', DRY_RUN: '1' });
    assert.equal(existsSync(marker), false);
    assert.match(run.stdout, /Rollback \(DRY_RUN, not run\): echo/);
    assert.match(run.summaryMarkdown, /Printed \(DRY_RUN\)/);
  });

  test('never in local', async () => {
    rmSync(marker, { force: true });
    const run = await project.run(['--project=smoke'], env);
    assert.equal(existsSync(marker), false);
    assert.match(run.summaryMarkdown, /Not run: .*never in local/);
  });
});

describe('maintenance windows', () => {
  const start = new Date(Date.now() - 3_600_000).toISOString();
  const end = new Date(Date.now() + 3_600_000).toISOString();
  const project = inlineProject('maintenance', [{ name: 'smoke' }], { 'smoke/path.spec.ts': failingSmoke },
    `maintenanceWindows: [{ start: '${start}', end: '${end}', environments: ['staging'], reason: 'database upgrade' }],`);

  test('inside a window, a smoke failure becomes a warning naming the window; outside its environments it fails', async () => {
    const during = await project.run(['--project=smoke'], { BASE_URL: 'http://127.0.0.1:9', TARGET_ENV: 'staging' });
    assert.equal(during.summary?.failed_operations, 0, during.stdout);
    assert.equal(during.tasks[0]?.status, 'completed');
    assert.match(during.tasks[0]?.warnings.join('\n') ?? '', /during maintenance window .* \(database upgrade\)/);
    const local = await project.run(['--project=smoke'], { BASE_URL: 'http://127.0.0.1:9', TARGET_ENV: 'local' });
    assert.equal(local.tasks[0]?.status, 'failed');
  });
});
