import type { Operation, Severity } from '../risk/types.ts';
import type { AssertionResult } from './lighthouseAssertions.ts';
import { describeWeakAudits, itemUrls, pathOf, weakAudits, type LhrLike } from './lighthouseResult.ts';

/** Severity of a failed `error` assertion, and of a `warn` one that fell short. */
const ERROR_SEVERITY: Severity = 'high';
const WARN_SEVERITY: Severity = 'medium';

/** Lighthouse's lab metrics kept on each run's operation, so trends can be read from the log. */
const LAB_METRICS: Readonly<Record<string, string>> = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  speedIndexMs: 'speed-index',
  cls: 'cumulative-layout-shift',
};

export function labMetrics(lhr: LhrLike): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [metric, auditId] of Object.entries(LAB_METRICS)) {
    const value = lhr.audits[auditId]?.numericValue;
    if (typeof value === 'number' && Number.isFinite(value)) metrics[metric] = metric === 'cls' ? Math.round(value * 1000) / 1000 : Math.round(value);
  }
  return metrics;
}

export interface LighthouseRunOutcome {
  /** Lighthouse's runtime error (page did not load, Chrome interstitial...), if any. */
  runtimeError?: { code: string; message: string };
  durationMs: number;
  /** The run's result, for its lab metrics. */
  lhr?: LhrLike;
}

/** One operation per Lighthouse run: it either produced a result or says why not. */
export function lighthouseRunOperation(routePath: string, run: number, of: number, outcome: LighthouseRunOutcome & { thrown?: string }): Operation {
  const name = `lighthouse run ${run} of ${of} on ${routePath}`;
  const problem = outcome.thrown ?? (outcome.runtimeError ? `${outcome.runtimeError.code}: ${outcome.runtimeError.message}` : undefined);
  if (problem) return { name, outcome: 'fail', severity: ERROR_SEVERITY, durationMs: outcome.durationMs, message: `Lighthouse could not audit ${routePath}: ${problem}` };
  return { name, outcome: 'pass', severity: WARN_SEVERITY, durationMs: outcome.durationMs, metrics: { runMs: Math.round(outcome.durationMs), ...(outcome.lhr ? labMetrics(outcome.lhr) : {}) } };
}

/**
 * Assertion results as operations: pass, fail (`error` level) or warn (`warn` level). A category
 * that falls short names its weakest audits from the representative run, so the failure says why
 * (e.g. "Eliminate render-blocking resources").
 */
export function lighthouseAssertionOperations(results: readonly AssertionResult[], routePath: string, representative: LhrLike | undefined): Operation[] {
  return results.map((result) => {
    const name = `${result.key} on ${routePath}`;
    const metrics: Record<string, number> = {};
    if (result.actual !== undefined) metrics[result.operator === 'minScore' ? 'score' : result.operator] = result.operator === 'minScore' ? Math.round(result.actual * 100) : result.actual;
    const evidence: Record<string, unknown> = { key: result.key, level: result.level, operator: result.operator, expected: result.expected, actual: result.actual, values: result.values };
    if (result.passed) {
      return { name, outcome: 'pass', severity: result.level === 'error' ? ERROR_SEVERITY : WARN_SEVERITY, durationMs: 0, evidence, metrics };
    }
    let message = result.message;
    const [kind, id = ''] = result.key.split(':');
    if (kind === 'categories' && representative) {
      const weak = weakAudits(representative, id);
      if (weak.length > 0) {
        evidence.weakAudits = weak;
        message += `; weakest audits: ${describeWeakAudits(weak)}`;
      }
    } else if (kind === 'audits' && representative) {
      const urls = itemUrls(representative.audits[id]);
      if (urls.length > 0) {
        evidence.urls = urls;
        message += `; it names ${urls.map(pathOf).join(', ')}`;
      }
    }
    return result.level === 'error'
      ? { name, outcome: 'fail', severity: ERROR_SEVERITY, durationMs: 0, message, evidence, metrics }
      : { name, outcome: 'warn', severity: WARN_SEVERITY, durationMs: 0, message, evidence, metrics };
  });
}
