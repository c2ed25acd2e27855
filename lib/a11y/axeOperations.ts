import type { SeverityLevel } from '../risk/checks/index.ts';
import type { OperationInput } from '../risk/recorder.ts';
import { impactToSeverity, type AxeImpact } from './severity.ts';
import { describeSuppression, findSuppression, type A11ySuppression, type FindingPlace } from './suppressions.ts';

/** The parts of axe-core's results this module reads (axe's `AxeResults` is assignable to it). */
export interface AxeNodeLike {
  html: string;
  target: readonly (string | readonly string[])[];
  failureSummary?: string;
}
export interface AxeRuleLike {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: readonly AxeNodeLike[];
}
export interface AxeResultsLike {
  violations: readonly AxeRuleLike[];
  incomplete: readonly AxeRuleLike[];
  passes: readonly unknown[];
  inapplicable: readonly unknown[];
}

export interface AxeScanContext {
  routeName: string;
  routePath: string;
  suppressions: readonly A11ySuppression[];
  /** Rules whose incomplete results stay in the attachment only. */
  ignoreIncomplete: readonly string[];
  maxNodes: number;
  snippetChars: number;
  now: Date;
  /** axe impact to severity (config `policy.tools.axe`); default: critical, high, medium, low. */
  impactLevels?: Readonly<Record<AxeImpact, SeverityLevel>>;
}

export interface AxeScanOutcome {
  /** One per violated rule (failed, or warned when every node is suppressed), plus one needs-review warning at most. */
  operations: OperationInput[];
  /** Nodes each suppression covered (active) or would have covered (expired). */
  matched: Map<A11ySuppression, number>;
  /** Expired suppressions met on this route. */
  expired: A11ySuppression[];
  counts: { violations: number; violatedNodes: number; suppressedNodes: number; incomplete: number; passes: number };
}

/** The node's axe target as one string: iframe hops joined by ' >> ', shadow-DOM hops by ' >>> '. */
export function selectorOf(node: AxeNodeLike): string {
  return node.target.map((part) => (typeof part === 'string' ? part : part.join(' >>> '))).join(' >> ');
}

function snippet(html: string, max: number): string {
  const flat = html.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}

function nodeEvidence(nodes: readonly AxeNodeLike[], context: AxeScanContext) {
  return nodes.slice(0, context.maxNodes).map((node) => ({
    target: selectorOf(node),
    html: snippet(node.html, context.snippetChars),
    ...(node.failureSummary ? { failureSummary: snippet(node.failureSummary, context.snippetChars * 2) } : {}),
  }));
}

function listTargets(nodes: readonly AxeNodeLike[], max: number): string {
  const shown = nodes.slice(0, max).map(selectorOf).join(', ');
  return nodes.length > max ? `${shown} and ${nodes.length - max} more` : shown;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One page scan's results as operations: each violated rule is a failed operation with the
 * impact's severity, its help URL and the offending nodes. Nodes covered by an active suppression
 * move into a warning naming it; an expired suppression no longer covers anything and is named
 * in the failure. `incomplete` results become one needs-review warning for the route.
 */
export function axeScanOperations(results: AxeResultsLike, context: AxeScanContext): AxeScanOutcome {
  const operations: OperationInput[] = [];
  const matched = new Map<A11ySuppression, number>();
  const expiredSeen = new Set<A11ySuppression>();
  let violatedNodes = 0;
  let suppressedNodes = 0;

  for (const rule of results.violations) {
    const level = impactToSeverity(rule.impact, context.impactLevels);
    // `off` in the impact table: the rule's findings are not counted at all.
    if (level === 'off') continue;
    const severity = level;
    const check = `a11y/axe/${rule.id}`;
    const name = `${rule.id} on ${context.routePath}`;
    const open: AxeNodeLike[] = [];
    const expiredForRule = new Set<A11ySuppression>();
    const suppressedBy = new Map<A11ySuppression, AxeNodeLike[]>();
    for (const node of rule.nodes) {
      const place: FindingPlace = { rule: rule.id, routeName: context.routeName, routePath: context.routePath, selector: selectorOf(node) };
      const { active, expired } = findSuppression(context.suppressions, place, context.now);
      for (const s of expired) {
        expiredForRule.add(s);
        expiredSeen.add(s);
        matched.set(s, (matched.get(s) ?? 0) + 1);
      }
      if (active) {
        matched.set(active, (matched.get(active) ?? 0) + 1);
        suppressedBy.set(active, [...(suppressedBy.get(active) ?? []), node]);
      } else {
        open.push(node);
      }
    }
    violatedNodes += open.length;
    const base = { rule: rule.id, impact: rule.impact ?? null, help: rule.help, helpUrl: rule.helpUrl, route: context.routeName, path: context.routePath };
    if (open.length > 0) {
      const expiredNote = expiredForRule.size > 0 ? ` (${[...expiredForRule].map(describeSuppression).join('; ')} has expired)` : '';
      operations.push({
        name,
        check,
        outcome: 'fail',
        severity,
        durationMs: 0,
        message: `${rule.help} [${rule.impact ?? 'no impact'}]: ${plural(open.length, 'node')} on ${context.routePath}: ${listTargets(open, 3)}; see ${rule.helpUrl}${expiredNote}`,
        evidence: { ...base, nodeCount: open.length, nodes: nodeEvidence(open, context), ...(expiredForRule.size > 0 ? { expiredSuppressions: [...expiredForRule] } : {}) },
        metrics: { nodes: open.length },
      });
    }
    for (const [suppression, nodes] of suppressedBy) {
      suppressedNodes += nodes.length;
      operations.push({
        name: open.length > 0 || suppressedBy.size > 1 ? `${name} [suppressed: ${suppression.selector ?? '*'}]` : name,
        check,
        outcome: 'warn',
        severity,
        durationMs: 0,
        message: `${rule.help} [${rule.impact ?? 'no impact'}]: ${plural(nodes.length, 'node')} suppressed: ${listTargets(nodes, 3)}`,
        evidence: { ...base, nodeCount: nodes.length, nodes: nodeEvidence(nodes, context), suppression },
        metrics: { nodes: nodes.length },
        waiver: describeSuppression(suppression),
      });
    }
  }

  const review = results.incomplete.filter((rule) => !context.ignoreIncomplete.includes(rule.id) && rule.nodes.length > 0);
  if (review.length > 0) {
    const nodes = review.reduce((sum, rule) => sum + rule.nodes.length, 0);
    operations.push({
      name: `axe needs review on ${context.routePath}`,
      check: 'a11y/axe',
      outcome: 'warn',
      severity: 'low',
      durationMs: 0,
      message: `${plural(review.length, 'rule')} could not decide on ${plural(nodes, 'node')} and need a manual review: ${review.map((rule) => `${rule.id} (${rule.nodes.length})`).join(', ')}`,
      evidence: { route: context.routeName, path: context.routePath, rules: review.map((rule) => ({ rule: rule.id, help: rule.help, helpUrl: rule.helpUrl, nodeCount: rule.nodes.length, nodes: nodeEvidence(rule.nodes, context) })) },
      metrics: { nodes },
    });
  }

  return {
    operations,
    matched,
    expired: [...expiredSeen],
    counts: {
      violations: results.violations.length,
      violatedNodes,
      suppressedNodes,
      incomplete: results.incomplete.length,
      passes: results.passes.length,
    },
  };
}
