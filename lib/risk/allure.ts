import type { Operation, Severity } from './types.ts';
import type { Waiver } from './waivers.ts';

/**
 * What Allure needs to file a task the way the risk model does: the gate as feature and suite, a
 * severity on Allure's scale, the owners of the waivers in force, links to the evidence. Pure data;
 * the fixture hands it to allure-playwright as a runtime message.
 */

export type AllureSeverity = 'blocker' | 'critical' | 'normal' | 'minor' | 'trivial';

/** Ours to Allure's: a critical check blocks the deploy by default, so it is Allure's blocker. */
export const ALLURE_SEVERITY: Record<Severity, AllureSeverity> = { critical: 'blocker', high: 'critical', medium: 'normal', low: 'minor' };

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The content type allure-playwright reads runtime metadata from, on any attachment of the test. */
export const ALLURE_MESSAGE_CONTENT_TYPE = 'application/vnd.allure.message+json';

export interface AllureLabel {
  name: string;
  value: string;
}

export interface AllureLink {
  url: string;
  name?: string;
  type?: string;
}

export interface AllureTaskInput {
  gate: string;
  phase?: string;
  operations: readonly Operation[];
  waivers: readonly Waiver[];
}

const MAX_EVIDENCE_LINKS = 10;

function highest(operations: readonly Operation[]): Severity | undefined {
  let best: Severity | undefined;
  for (const op of operations) if (best === undefined || RANK[op.severity] < RANK[best]) best = op.severity;
  return best;
}

/** Web addresses an operation's evidence names (`url`, `href`, `report` fields, one level of arrays). */
function evidenceUrls(evidence: unknown): string[] {
  if (!evidence || typeof evidence !== 'object') return [];
  const urls: string[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      if (typeof field === 'string' && /^(url|href|helpUrl|report)$/i.test(key) && /^https?:\/\//.test(field)) urls.push(field);
    }
  };
  if (Array.isArray(evidence)) evidence.slice(0, 20).forEach(visit);
  else visit(evidence);
  return urls;
}

/**
 * The task's labels and links. Severity: the highest of its failed checks, else of every check it
 * made (what its failure would mean). Owners and waivers: those that turned a failure into a warning.
 */
export function allureMetadata(task: AllureTaskInput): { labels: AllureLabel[]; links: AllureLink[] } {
  const labels: AllureLabel[] = [
    { name: 'feature', value: task.gate },
    { name: 'parentSuite', value: task.gate },
  ];
  if (task.phase) labels.push({ name: 'epic', value: task.phase });
  const failed = task.operations.filter((op) => op.outcome === 'fail');
  const severity = highest(failed) ?? highest(task.operations);
  if (severity) labels.push({ name: 'severity', value: ALLURE_SEVERITY[severity] });
  const seen = new Set<string>();
  for (const waiver of task.waivers) {
    const key = `${waiver.check}\u0000${waiver.owner}`;
    if (seen.has(key)) continue;
    seen.add(key);
    labels.push({ name: 'owner', value: waiver.owner });
    labels.push({ name: 'waiver', value: `${waiver.check} until ${waiver.expires} (${waiver.reason})` });
  }
  for (const check of new Set(failed.map((op) => op.check).filter((c): c is string => Boolean(c)))) labels.push({ name: 'story', value: check });
  const links: AllureLink[] = [];
  const linked = new Set<string>();
  for (const op of [...failed, ...task.operations.filter((o) => o.outcome === 'warn')]) {
    for (const url of evidenceUrls(op.evidence)) {
      if (linked.has(url) || links.length >= MAX_EVIDENCE_LINKS) continue;
      linked.add(url);
      links.push({ url, name: `${op.name}: evidence`, type: 'link' });
    }
  }
  return { labels, links };
}

/** Allure's environment widget: the verdict and its figures, one `key=value` a line (Java properties). */
export function allureEnvironment(entries: Record<string, string | number | null | undefined>): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([=:])/g, '\\$1');
  // In a key a space ends the key: escaped too.
  const escapeKey = (text: string) => escape(text).replace(/ /g, '\\ ');
  return `${Object.entries(entries).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${escapeKey(k)}=${escape(String(v))}`).join('\n')}\n`;
}
