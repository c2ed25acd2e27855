import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProbeFailure, describeTarget, parseInfraUrl } from '../../../lib/smoke/infrastructure.ts';

describe('infrastructure targets', () => {
  it('parses each service URL with its default port', () => {
    assert.deepEqual(parseInfraUrl('postgres', 'postgres://app:s3cret@db.internal/app', 'DATABASE_URL'), { ok: true, target: { kind: 'postgres', host: 'db.internal', port: 5432, tls: false } });
    assert.deepEqual(parseInfraUrl('postgres', 'postgresql://u:p@10.0.0.5:6432/app?sslmode=require', 'DATABASE_URL'), { ok: true, target: { kind: 'postgres', host: '10.0.0.5', port: 6432, tls: true } });
    assert.deepEqual(parseInfraUrl('redis', 'rediss://:pw@cache:6380/0', 'REDIS_URL'), { ok: true, target: { kind: 'redis', host: 'cache', port: 6380, tls: true } });
    assert.deepEqual(parseInfraUrl('redis', 'redis://127.0.0.1', 'REDIS_URL'), { ok: true, target: { kind: 'redis', host: '127.0.0.1', port: 6379, tls: false } });
    assert.deepEqual(parseInfraUrl('docker', 'unix:///var/run/docker.sock', 'DOCKER_HOST'), { ok: true, target: { kind: 'docker', socketPath: '/var/run/docker.sock' } });
    assert.deepEqual(parseInfraUrl('docker', 'tcp://10.1.1.1', 'DOCKER_HOST'), { ok: true, target: { kind: 'docker', host: '10.1.1.1', port: 2375, tls: false } });
  });

  it('refuses a bad URL without repeating it (it may hold a password)', () => {
    const parsed = parseInfraUrl('postgres', 'mysql://root:hunter22@db/x', 'DATABASE_URL');
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok && !parsed.problem.includes('hunter22'));
    assert.match(!parsed.ok ? parsed.problem : '', /DATABASE_URL has scheme "mysql:", expected postgres: or postgresql:/);
    const garbage = parseInfraUrl('redis', 'not a url pw=hunter22', 'REDIS_URL');
    assert.ok(!garbage.ok && !garbage.problem.includes('hunter22'));
  });

  it('names host, port and cause of a failure, never the credentials', () => {
    const parsed = parseInfraUrl('redis', 'redis://:topsecret@127.0.0.1:1', 'REDIS_URL');
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    const message = describeProbeFailure(parsed.target, 'connect ECONNREFUSED 127.0.0.1:1');
    assert.equal(message, 'redis at 127.0.0.1:1 is down: connect ECONNREFUSED 127.0.0.1:1 (nothing listens there: is the service running?)');
    assert.equal(describeTarget({ kind: 'postgres', host: '::1', port: 5432, tls: false }), 'postgres at [::1]:5432');
  });
});
