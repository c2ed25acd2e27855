/** The parts of a Lighthouse result (LHR) the gate reads; Lighthouse's `LH.Result` is assignable to it. */
export interface LhrAuditLike {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode?: string;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: readonly unknown[] } | unknown;
}
export interface LhrCategoryLike {
  id: string;
  title: string;
  score: number | null;
  auditRefs?: readonly { id: string; weight: number; group?: string }[];
}
export interface LhrLike {
  requestedUrl?: string;
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  categories: Record<string, LhrCategoryLike | undefined>;
  audits: Record<string, LhrAuditLike | undefined>;
}

/** Median as Lighthouse computes it: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle];
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function detailItems(audit: LhrAuditLike | undefined): readonly unknown[] | undefined {
  const details = audit?.details as { items?: unknown } | undefined;
  return Array.isArray(details?.items) ? details.items : undefined;
}

/** The first URLs an audit's details name (render-blocking scripts, unsized images...). */
export function itemUrls(audit: LhrAuditLike | undefined, limit = 3): string[] {
  return (detailItems(audit) ?? [])
    .map((item) => (item as { url?: unknown }).url)
    .filter((url): url is string => typeof url === 'string')
    .slice(0, limit);
}

/** A URL's path: the origin is the target's and only adds noise. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Scored audits below this count as the reasons a category fell short. */
const WEAK_SCORE = 0.9;
const SCORED_MODES = new Set(['numeric', 'binary', 'metricSavings']);

export interface WeakAudit {
  id: string;
  title: string;
  score: number;
  weight: number;
  displayValue?: string;
  /** First URLs the audit names (render-blocking scripts, unsized images...). */
  urls: string[];
}

/**
 * The category's scored audits below 0.9: first those that blame URLs (render-blocking requests,
 * unsized images: the causes), lowest first; then the metrics, heaviest first.
 */
export function weakAudits(lhr: LhrLike, categoryId: string, limit = 5): WeakAudit[] {
  const refs = lhr.categories[categoryId]?.auditRefs ?? [];
  const weak: WeakAudit[] = [];
  for (const ref of refs) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= WEAK_SCORE) continue;
    if (audit.scoreDisplayMode && !SCORED_MODES.has(audit.scoreDisplayMode)) continue;
    const urls = itemUrls(audit);
    weak.push({ id: audit.id, title: audit.title, score: audit.score, weight: ref.weight, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}), urls });
  }
  const blaming = (audit: WeakAudit) => (audit.urls.length > 0 ? 0 : 1);
  return weak.sort((a, b) => blaming(a) - blaming(b) || (blaming(a) === 0 ? a.score - b.score : b.weight - a.weight) || a.score - b.score).slice(0, limit);
}

/** One line per weak audit, paths only (the origin is the target's). */
export function describeWeakAudits(weak: readonly WeakAudit[]): string {
  return weak
    .map((audit) => {
      const paths = audit.urls.map(pathOf);
      const detail = [audit.displayValue, paths.join(', ')].filter(Boolean).join(': ');
      return `${audit.title} ${audit.score.toFixed(2)}${detail ? ` (${detail})` : ''}`;
    })
    .join('; ');
}
