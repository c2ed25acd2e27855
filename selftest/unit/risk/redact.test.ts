import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { REDACTED, Redactor } from '../../../lib/redact.ts';
import { RiskRecorder } from '../../../lib/risk/recorder.ts';
import { scrubTextFiles } from '../../../reporters/scrub.ts';

describe('redaction', () => {
  const secret = ['s3cr', 'et-Pa', 'ssw0rd'].join('');
  const redactor = new Redactor([secret]);

  test('known secret values vanish from any string', () => {
    assert.equal(redactor.text(`login with ${secret} failed`), `login with ${REDACTED} failed`);
  });
  test('sensitive keys are replaced whatever their value', () => {
    const out = redactor.value({ headers: { Authorization: 'Bearer abc', 'Set-Cookie': 'sid=1', accept: 'json' }, password: 'x', nested: [{ token: 't' }] });
    assert.deepEqual(out, { headers: { Authorization: REDACTED, 'Set-Cookie': REDACTED, accept: 'json' }, password: REDACTED, nested: [{ token: REDACTED }] });
  });
  test('JWTs, bearer tokens, header lines, URL credentials and secret query parameters are masked in text', () => {
    const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJkZW1vIn0', 'c2lnbmF0dXJlLXZhbHVl'].join('.');
    const text = redactor.text(`token ${jwt}; Authorization: Basic dXNlcjpwYXNz; postgres://app:hunter22@db:5432/x; /cb?access_token=abcdef123`);
    assert.ok(!text.includes(jwt));
    assert.ok(!text.includes('dXNlcjpwYXNz'));
    assert.ok(!text.includes('hunter22'));
    assert.ok(!text.includes('abcdef123'));
    assert.match(text, /postgres:\/\/app:\[REDACTED\]@db/);
  });
  test('a sensitive key in JSON text that does not parse (a corrupt log line) is masked, even cut short', () => {
    assert.equal(redactor.text('{"password":"pw-123456789","user":"x"}'), `{"password":"${REDACTED}","user":"x"}`);
    assert.equal(redactor.text('{"token":"abc.def.gh'), `{"token":"${REDACTED}`);
  });
  test('prose about tokens is left readable', () => {
    assert.equal(redactor.text('the token answered 201; Bearer tokens expire; Token refreshed'), 'the token answered 201; Bearer tokens expire; Token refreshed');
    assert.equal(redactor.text('Authorization header: Bearer abc.def-123456'), `Authorization header: Bearer ${REDACTED}`);
  });
  test('short values are not treated as secrets (they would blank ordinary words)', () => {
    assert.equal(new Redactor(['abc']).text('abc def'), 'abc def');
  });
  test('a fatal check rethrows its error without the secret, message and stack', async () => {
    const recorder = new RiskRecorder('contracts/auth', 'contracts', { redactor });
    const rejected = await recorder.check('login', () => { throw new Error(`answered 500: {"password":"${secret}"}`); }, { check: 'contracts/auth', fatal: true }).catch((error: unknown) => error as Error);
    assert.ok(rejected instanceof Error);
    assert.ok(!rejected.message.includes(secret) && !(rejected.stack ?? '').includes(secret));
    assert.match(rejected.message, /answered 500/);
  });
  test('every text file under a report folder is scrubbed, nested ones too; others are left alone', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scrub-'));
    try {
      mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
      writeFileSync(path.join(dir, 'a', 'b', 'error-context.md'), `Error: body {"password":"${secret}"}`);
      writeFileSync(path.join(dir, 'trace.zip'), secret);
      assert.equal(scrubTextFiles(dir, redactor), 1);
      assert.equal(readFileSync(path.join(dir, 'a', 'b', 'error-context.md'), 'utf8'), `Error: body {"password":"${REDACTED}"}`);
      assert.equal(readFileSync(path.join(dir, 'trace.zip'), 'utf8'), secret);
      assert.equal(scrubTextFiles(path.join(dir, 'missing'), redactor), 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
