import type { LoadBudget } from '../config/sections/smoke.ts';
import { percentile } from '../http.ts';

/** What one load run measured, as metrics named like the budgets that judge them. */
export interface LoadMetrics {
  requests: number;
  errors: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  errorRatePercent: number;
  requestsPerSecond: number;
}

export interface LoadSamples {
  /** Response time of every answer (any status), ms. */
  latenciesMs: readonly number[];
  /** Answers with the expected status. */
  ok: number;
  /** Answers with another status. */
  wrongStatus: number;
  /** Connection errors and timeouts (no answer). */
  noAnswer: number;
  durationSeconds: number;
}

/** p50/p95/p99 over every answer; errors over every attempt (answers plus no-answers). */
export function summarizeLoad(samples: LoadSamples): LoadMetrics {
  const answered = samples.ok + samples.wrongStatus;
  const attempts = answered + samples.noAnswer;
  const errors = samples.wrongStatus + samples.noAnswer;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: attempts,
    errors,
    latencyP50Ms: round(percentile(samples.latenciesMs, 50)),
    latencyP95Ms: round(percentile(samples.latenciesMs, 95)),
    latencyP99Ms: round(percentile(samples.latenciesMs, 99)),
    // No attempt at all is a total failure, not a perfect score.
    errorRatePercent: attempts === 0 ? 100 : round((100 * errors) / attempts),
    requestsPerSecond: samples.durationSeconds > 0 ? round(answered / samples.durationSeconds) : 0,
  };
}

const COMPARE: Record<LoadBudget['operator'], (actual: number, limit: number) => boolean> = {
  '<': (a, l) => a < l,
  '<=': (a, l) => a <= l,
  '>': (a, l) => a > l,
  '>=': (a, l) => a >= l,
};

const LABEL: Record<LoadBudget['metric'], { label: string; unit: string }> = {
  latencyP50Ms: { label: 'p50 latency', unit: ' ms' },
  latencyP95Ms: { label: 'p95 latency', unit: ' ms' },
  latencyP99Ms: { label: 'p99 latency', unit: ' ms' },
  errorRatePercent: { label: 'error rate', unit: ' %' },
  requestsPerSecond: { label: 'throughput', unit: ' req/s' },
};

export interface BudgetResult {
  /** "p95 latency <= 2000 ms": stable across runs, so waivers can name it. */
  name: string;
  level: 'error' | 'warn';
  passed: boolean;
  actual: number;
  message: string;
}

/** Judges the metrics against each budget that is not `off`. */
export function evaluateBudgets(metrics: LoadMetrics, budgets: readonly LoadBudget[], context = ''): BudgetResult[] {
  return budgets
    .filter((budget): budget is LoadBudget & { level: 'error' | 'warn' } => budget.level !== 'off')
    .map((budget) => {
      const { label, unit } = LABEL[budget.metric];
      const actual = metrics[budget.metric];
      const passed = COMPARE[budget.operator](actual, budget.value);
      const name = `${label} ${budget.operator} ${budget.value}${unit}`;
      const message = `${context ? `${context}: ` : ''}${label} was ${actual}${unit}, budget ${budget.operator} ${budget.value}${unit} (${metrics.requests} requests, ${metrics.errors} errors)`;
      return { name, level: budget.level, passed, actual, message };
    });
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Load is only ever sent to loopback, the configured API host, or a host the config names:
 * a typo in a path must never aim fifty connections at someone else's server.
 */
export function loadTargetRefusal(url: string, apiUrl: string, allowedHosts: readonly string[] = []): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `${url} is not a valid URL`;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return `${url} is not http(s)`;
  const host = target.hostname.toLowerCase();
  if (LOOPBACK.has(host) || host.startsWith('127.')) return undefined;
  let configured = '';
  try {
    configured = new URL(apiUrl).hostname.toLowerCase();
  } catch {
    // no configured host to compare with
  }
  if (host === configured || allowedHosts.map((h) => h.toLowerCase()).includes(host)) return undefined;
  return `${host} is neither loopback nor the configured API host (${configured || 'none'}) nor in smoke.load.allowedHosts`;
}
