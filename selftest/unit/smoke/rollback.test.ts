import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { onCriticalSection } from '../../../lib/config/sections/operations.ts';
import { Redactor } from '../../../lib/redact.ts';
import { renderRollbackCommand, runRollback, shouldRunRollback } from '../../../lib/smoke/rollback.ts';

describe('shouldRunRollback', () => {
  it('runs only after CRITICAL in staging or production with smoke failed', () => {
    assert.equal(shouldRunRollback({ verdict: 'CRITICAL', environment: 'production', smokeFailed: true, dryRun: false }).action, 'run');
    assert.equal(shouldRunRollback({ verdict: 'CRITICAL', environment: 'staging', smokeFailed: true, dryRun: false }).action, 'run');
    assert.equal(shouldRunRollback({ verdict: 'CRITICAL', environment: 'staging', smokeFailed: true, dryRun: true }).action, 'print');
    assert.match(shouldRunRollback({ verdict: 'CRITICAL', environment: 'local', smokeFailed: true, dryRun: false }).reason, /never in local/);
    assert.equal(shouldRunRollback({ verdict: 'WARNING', environment: 'production', smokeFailed: true, dryRun: false }).action, 'skip');
    assert.match(shouldRunRollback({ verdict: 'CRITICAL', environment: 'production', smokeFailed: false, dryRun: false }).reason, /smoke gate did not fail/);
  });
});

describe('renderRollbackCommand', () => {
  it('fills the known placeholders, shell-quoted', () => {
    const command = renderRollbackCommand('deploy rollback --env ${TARGET_ENV} --note "${VERDICT}" ${RUN_ID} ${BASE_URL} ${HOME}', { TARGET_ENV: 'staging', VERDICT: 'CRITICAL', RUN_ID: "run 'x'", BASE_URL: 'https://app.example.com' });
    assert.equal(command, `deploy rollback --env staging --note "CRITICAL" 'run '\\''x'\\''' https://app.example.com \${HOME}`);
  });
  it('has a bounded default timeout in the config', () => {
    assert.deepEqual(onCriticalSection.parse({ command: 'true' }), { command: 'true', timeoutMs: 120_000, cwd: '.' });
  });
});

describe('runRollback', () => {
  it('returns exit code and redacted output', async () => {
    const result = await runRollback('echo rolling back with hunter2-secret; echo oops >&2; exit 3', { timeoutMs: 10_000, cwd: tmpdir(), redactor: new Redactor(['hunter2-secret']) });
    assert.equal(result.exitCode, 3);
    assert.match(result.output, /rolling back with \[REDACTED\]/);
    assert.match(result.output, /oops/);
    assert.ok(!result.output.includes('hunter2-secret'));
    assert.equal(result.timedOut, false);
  });
  it('kills a command that outlives its timeout and keeps only the tail of long output', async () => {
    const slow = await runRollback('echo started; sleep 30', { timeoutMs: 300, cwd: tmpdir() });
    assert.equal(slow.exitCode, null);
    assert.equal(slow.timedOut, true);
    assert.match(slow.output, /started[\s\S]*killed after 300 ms/);
    assert.ok(slow.durationMs < 5_000);
    const long = await runRollback('seq 1 20000', { timeoutMs: 10_000, cwd: tmpdir(), maxOutputChars: 100 });
    assert.match(long.output, /earlier characters cut/);
    assert.match(long.output, /20000\s*$/);
  });
});
