import type { OperationInput } from '../risk/recorder.ts';
import type { Severity } from '../risk/types.ts';
import type { AssertionResult } from './lighthouseAssertions.ts';
import { describeWeakAudits, itemUrls, pathOf, weakAudits, type LhrLike } from './lighthouseResult.ts';

/** A Lighthouse assertion level's outcome: a failure of a severity, a warning, or not counted (config `policy.tools.lighthouse`). */
export type LighthouseLevel = Severity | 'warn' | 'off';
export const LIGHTHOUSE_LEVELS: Readonly<Record<'error' | 'warn', LighthouseLevel>> = { error: 'high', warn: 'warn' };

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
export function lighthouseRunOperation(routePath: string, run: number, of: number, outcome: LighthouseRunOutcome & { thrown?: string }): OperationInput {
  const name = `lighthouse run ${run} of ${of} on ${routePath}`;
  const check = 'a11y/lighthouse-run';
  const problem = outcome.thrown ?? (outcome.runtimeError ? `${outcome.runtimeError.code}: ${outcome.runtimeError.message}` : undefined);
  if (problem) return { name, check, outcome: 'fail', durationMs: outcome.durationMs, message: `Lighthouse could not audit ${routePath}: ${problem}` };
  return { name, check, outcome: 'pass', durationMs: outcome.durationMs, metrics: { runMs: Math.round(outcome.durationMs), ...(outcome.lhr ? labMetrics(outcome.lhr) : {}) } };
}

/**
 * Assertion results as operations: pass, fail (`error` level) or warn (`warn` level). A category
 * that falls short names its weakest audits from the representative run, so the failure says why
 * (e.g. "Eliminate render-blocking resources").
 */
export function lighthouseAssertionOperations(
  results: readonly AssertionResult[],
  routePath: string,
  representative: LhrLike | undefined,
  levels: Readonly<Record<'error' | 'warn', LighthouseLevel>> = LIGHTHOUSE_LEVELS,
): OperationInput[] {
  return results.flatMap((result): OperationInput[] => {
    const level = levels[result.level];
    if (level === 'off') return [];
    const name = `${result.key} on ${routePath}`;
    const check = `a11y/lighthouse/${result.key}`;
    const severity = level === 'warn' ? 'medium' : level;
    const metrics: Record<string, number> = {};
    if (result.actual !== undefined) metrics[result.operator === 'minScore' ? 'score' : result.operator] = result.operator === 'minScore' ? Math.round(result.actual * 100) : result.actual;
    const evidence: Record<string, unknown> = { key: result.key, level: result.level, operator: result.operator, expected: result.expected, actual: result.actual, values: result.values };
    if (result.passed) return [{ name, check, outcome: 'pass', severity, durationMs: 0, evidence, metrics }];
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
    return [level === 'warn'
      ? { name, check, outcome: 'warn', severity, durationMs: 0, message, evidence, metrics }
      : { name, check, outcome: 'fail', severity, durationMs: 0, message, evidence, metrics }];
  });
}
