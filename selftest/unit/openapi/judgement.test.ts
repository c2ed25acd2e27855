import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeAllowedOrigin, judgeDisallowedOrigin, readinessComponents } from '../../../lib/openapi/index.ts';

describe('CORS judgement', () => {
  const evil = 'https://evil.example';
  it('accepts an allowed origin echoed back, refuses one that is not', () => {
    assert.equal(judgeAllowedOrigin('https://app.example', { 'access-control-allow-origin': 'https://app.example' }).ok, true);
    const missing = judgeAllowedOrigin('https://app.example', {});
    assert.equal(missing.ok, false);
    assert.match(missing.message, /got Access-Control-Allow-Origin null, expected "https:\/\/app.example"/);
  });

  it('is critical when a wildcard comes with credentials, even for an allowed origin', () => {
    const finding = judgeAllowedOrigin('https://app.example', { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
    assert.deepEqual([finding.ok, finding.severity], [false, 'critical']);
  });

  it('passes a disallowed origin that gets no grant or another origin', () => {
    assert.equal(judgeDisallowedOrigin(evil, {}).ok, true);
    assert.equal(judgeDisallowedOrigin(evil, { 'access-control-allow-origin': 'https://app.example' }).ok, true);
  });

  it('fails a reflected origin with credentials as critical, a bare wildcard or reflection as medium (ZAP 40040)', () => {
    const reflected = judgeDisallowedOrigin(evil, { 'access-control-allow-origin': evil, 'access-control-allow-credentials': 'true' });
    assert.deepEqual([reflected.ok, reflected.severity], [false, 'critical']);
    assert.match(reflected.message, /reflected with Access-Control-Allow-Credentials: true/);
    const wildcard = judgeDisallowedOrigin(evil, { 'access-control-allow-origin': '*' });
    assert.deepEqual([wildcard.ok, wildcard.severity], [false, 'medium']);
    const bare = judgeDisallowedOrigin(evil, { 'access-control-allow-origin': evil });
    assert.deepEqual([bare.ok, bare.severity], [false, 'medium']);
  });
});

describe('readinessComponents', () => {
  const healthy = ['healthy', 'ok', 'up'];
  it('reads object entries with a status field and names the unhealthy one', () => {
    const body = { components: { db: { status: 'healthy' }, broker: { status: 'degraded', latencyMs: 900 } } };
    assert.deepEqual(readinessComponents(body, 'components', 'status', healthy), [
      { name: 'db', status: 'healthy', healthy: true },
      { name: 'broker', status: 'degraded', healthy: false },
    ]);
  });

  it('reads string entries, arrays of named entries, and says when there are none', () => {
    assert.deepEqual(readinessComponents({ checks: { redis: 'UP' } }, 'checks', 'status', healthy), [{ name: 'redis', status: 'UP', healthy: true }]);
    assert.deepEqual(readinessComponents({ checks: [{ name: 'pg', state: 'down' }] }, 'checks', 'state', healthy), [{ name: 'pg', status: 'down', healthy: false }]);
    assert.equal(readinessComponents({ status: 'ok' }, 'components', 'status', healthy), undefined);
  });
});
