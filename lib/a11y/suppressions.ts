import type { A11ySuppression } from '../config/sections/a11y.ts';
import type { Waiver } from '../risk/waivers.ts';

export type { A11ySuppression } from '../config/sections/a11y.ts';

/** Where an axe finding was seen: rule, route and the node's target selector. */
export interface FindingPlace {
  rule: string;
  routeName: string;
  routePath: string;
  /** axe's target for the node (see `selectorOf` in axeOperations.ts). */
  selector: string;
}

export type SuppressionStatus = 'active' | 'expired';

/** One configured suppression as the summary lists it. */
export interface SuppressionEntry extends A11ySuppression {
  status: SuppressionStatus;
  /** Offending nodes it covered (active) or would have covered (expired) on the routes scanned. */
  matchedNodes: number;
}

/** End of the last day, UTC, as the risk waivers count it. */
function expiryTime(suppression: A11ySuppression): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(suppression.expires) ? `${suppression.expires}T23:59:59.999Z` : suppression.expires;
  return Date.parse(day);
}

export function isSuppressionExpired(suppression: A11ySuppression, now: Date): boolean {
  return expiryTime(suppression) < now.getTime();
}

/** Rule exactly; route by name or path; selector exactly, `'*'` or left out for any node. */
export function suppressionMatches(suppression: A11ySuppression, place: FindingPlace): boolean {
  if (suppression.rule !== place.rule) return false;
  if (suppression.route !== undefined && suppression.route !== place.routeName && suppression.route !== place.routePath) return false;
  if (suppression.selector !== undefined && suppression.selector !== '*' && suppression.selector !== place.selector) return false;
  return true;
}

/** The suppression in force for this finding, and the expired ones that would have matched it. */
export function findSuppression(suppressions: readonly A11ySuppression[], place: FindingPlace, now: Date): { active?: A11ySuppression; expired: A11ySuppression[] } {
  const expired: A11ySuppression[] = [];
  for (const suppression of suppressions) {
    if (!suppressionMatches(suppression, place)) continue;
    if (isSuppressionExpired(suppression, now)) expired.push(suppression);
    else return { active: suppression, expired };
  }
  return { expired };
}

export function describeSuppression(suppression: A11ySuppression): string {
  const where = `${suppression.selector && suppression.selector !== '*' ? ` [${suppression.selector}]` : ''} on ${suppression.route ?? 'every route'}`;
  return `a11y suppression ${suppression.rule}${where} (${suppression.reason}; owner ${suppression.owner}; until ${suppression.expires})`;
}

/** The suppressions that concern a route (those for every route included), with their status. */
export function suppressionLedger(suppressions: readonly A11ySuppression[], now: Date, route?: { name: string; path: string }, matched: ReadonlyMap<A11ySuppression, number> = new Map()): SuppressionEntry[] {
  return suppressions
    .filter((s) => !route || s.route === undefined || s.route === route.name || s.route === route.path)
    .map((s) => ({ ...s, status: isSuppressionExpired(s, now) ? 'expired' as const : 'active' as const, matchedNodes: matched.get(s) ?? 0 }));
}

/**
 * The suppressions in the shape of the risk waivers, so the executive summary's
 * "Waivers in force" (and its expired-waiver warnings) can list them with the others.
 */
export function suppressionsAsWaivers(suppressions: readonly A11ySuppression[]): Waiver[] {
  return suppressions.map((s) => ({
    check: `a11y/axe-*#${s.rule} on ${s.route ?? '*'}${s.selector && s.selector !== '*' ? ` [${s.selector}]` : ''}`,
    reason: `${s.reason} (axe suppression)`,
    owner: s.owner,
    expires: s.expires,
  }));
}
