import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOG_SCHEMA_NAME, LOG_SCHEMA_VERSION, LogFormatError, parseExecutionLog } from '../../../lib/log/index.ts';

const header = JSON.stringify({ type: 'header', schema: LOG_SCHEMA_NAME, version: LOG_SCHEMA_VERSION, run_id: 'r1', created: '2026-11-22T10:00:00.000Z' });

describe('execution log reader', () => {
  test('reads a header and its records', () => {
    const parsed = parseExecutionLog(`${header}\n{"type":"task","task_id":"audit/x"}\n`);
    assert.equal(parsed.records.length, 2);
    assert.equal(parsed.badLines.length, 0);
    assert.equal(parsed.partialTail, false);
  });
  test('rejects a file with no header, with a message that says so', () => {
    assert.throws(() => parseExecutionLog('{"type":"task"}\n'), (e: Error) => e instanceof LogFormatError && /does not start with a header/.test(e.message));
    assert.throws(() => parseExecutionLog(''), /no header record/);
  });
  test('rejects a newer schema version, naming both versions', () => {
    const newer = header.replace(`"version":${LOG_SCHEMA_VERSION}`, `"version":${LOG_SCHEMA_VERSION + 1}`);
    assert.throws(() => parseExecutionLog(`${newer}\n`), new RegExp(`version ${LOG_SCHEMA_VERSION + 1}.*up to ${LOG_SCHEMA_VERSION}`));
  });
  test('tolerates a corrupt line and a truncated last line, reporting both', () => {
    const parsed = parseExecutionLog(`${header}\nnot json\n{"type":"task"}\n{"type":"ta`);
    assert.equal(parsed.records.length, 2);
    assert.equal(parsed.badLines.length, 2);
    assert.equal(parsed.partialTail, true);
    assert.match(parsed.badLines[0]?.reason ?? '', /^corrupt: not JSON \(.+\)$/);
    assert.match(parsed.badLines[1]?.reason ?? '', /incomplete last line/);
  });
});
