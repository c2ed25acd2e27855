import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSection } from '../../../lib/config/sections/smoke.ts';
import { evaluateBudgets, loadTargetRefusal, summarizeLoad } from '../../../lib/smoke/load.ts';

const latencies = Array.from({ length: 100 }, (_v, i) => i + 1);

describe('load metrics and budgets', () => {
  it('computes p50/p95/p99 over every answer and the error rate over every attempt', () => {
    const metrics = summarizeLoad({ latenciesMs: latencies, ok: 99, wrongStatus: 1, noAnswer: 0, durationSeconds: 2 });
    assert.deepEqual(metrics, { requests: 100, errors: 1, latencyP50Ms: 50, latencyP95Ms: 95, latencyP99Ms: 99, errorRatePercent: 1, requestsPerSecond: 50 });
    assert.equal(summarizeLoad({ latenciesMs: [], ok: 0, wrongStatus: 0, noAnswer: 0, durationSeconds: 1 }).errorRatePercent, 100);
  });

  it('judges the default budgets: p95 <= 2000 ms and errors < 0.1 %', () => {
    const { budgets } = loadSection.parse({});
    const fast = summarizeLoad({ latenciesMs: latencies, ok: 100, wrongStatus: 0, noAnswer: 0, durationSeconds: 1 });
    assert.deepEqual(evaluateBudgets(fast, budgets).map((b) => [b.name, b.passed]), [['p95 latency <= 2000 ms', true], ['error rate < 0.1 %', true]]);
    const slow = summarizeLoad({ latenciesMs: latencies.map((n) => n + 2500), ok: 1999, wrongStatus: 0, noAnswer: 1, durationSeconds: 1 });
    const results = evaluateBudgets(slow, budgets, 'GET /api/health under 50 connections');
    assert.deepEqual(results.map((b) => b.passed), [false, true]);
    assert.match(results[0]?.message ?? '', /GET \/api\/health under 50 connections: p95 latency was 2595 ms, budget <= 2000 ms \(2000 requests, 1 errors\)/);
    const edge = evaluateBudgets({ ...fast, errorRatePercent: 0.1, latencyP95Ms: 2000 }, budgets);
    assert.deepEqual(edge.map((b) => b.passed), [true, false]);
  });

  it('leaves out budgets that are off and keeps warn levels', () => {
    const metrics = summarizeLoad({ latenciesMs: [10], ok: 1, wrongStatus: 0, noAnswer: 0, durationSeconds: 1 });
    const results = evaluateBudgets(metrics, [
      { metric: 'latencyP99Ms', operator: '<', value: 5, level: 'warn' },
      { metric: 'requestsPerSecond', operator: '>=', value: 1, level: 'off' },
    ]);
    assert.deepEqual(results.map((r) => [r.level, r.passed]), [['warn', false]]);
  });

  it('sends load only to loopback, the configured API host, or an allowed host', () => {
    assert.equal(loadTargetRefusal('http://127.0.0.1:4000/api/health', 'http://127.0.0.1:4000'), undefined);
    assert.equal(loadTargetRefusal('http://localhost:4000/x', 'https://api.example.com'), undefined);
    assert.equal(loadTargetRefusal('https://api.example.com/x', 'https://api.example.com'), undefined);
    assert.match(loadTargetRefusal('https://other.example.org/x', 'https://api.example.com') ?? '', /other\.example\.org is neither loopback nor the configured API host/);
    assert.equal(loadTargetRefusal('https://other.example.org/x', 'https://api.example.com', ['other.example.org']), undefined);
    assert.match(loadTargetRefusal('ftp://127.0.0.1/x', 'http://127.0.0.1') ?? '', /not http/);
  });

  it('bounds connections and duration in the config', () => {
    assert.throws(() => loadSection.parse({ connections: 10_000 }));
    assert.throws(() => loadSection.parse({ durationSeconds: 3_600 }));
    assert.deepEqual(loadSection.parse({}).environments, ['local', 'staging']);
  });
});
