import type { InteractionStep } from '../config/sections/browser.ts';

/** The check title of a step: what it does, in the words a report reader needs. */
export function describeStep(step: InteractionStep): string {
  switch (step.action) {
    case 'click':
      return `click ${step.selector}${step.nth > 0 ? ` (#${step.nth + 1})` : ''}`;
    case 'expectVisible':
      return `${step.selector} is visible`;
    case 'expectUrl':
      return `URL matches ${step.pattern}`;
    case 'count':
      return `${step.selector} count ${describeCount(step)}`;
    case 'drag':
      return `drag ${step.selector} by (${step.byX}, ${step.byY}) resizes ${step.resizes.map((r) => `${r.selector} (${r.change})`).join(', ')}`;
    case 'followEach':
      return `each ${step.selector} opens a page matching ${step.expectUrl}`;
  }
}

type CountStep = Extract<InteractionStep, { action: 'count' }>;

function describeCount(step: Pick<CountStep, 'equals' | 'min' | 'max'>): string {
  if (step.equals !== undefined) return `= ${step.equals}`;
  if (step.min !== undefined && step.max !== undefined) return `in ${step.min}..${step.max}`;
  return step.min !== undefined ? `>= ${step.min}` : `<= ${step.max}`;
}

/** Why a count is wrong, or undefined when it is right. */
export function countProblem(actual: number, step: Pick<CountStep, 'selector' | 'equals' | 'min' | 'max'>): string | undefined {
  const ok = (step.equals === undefined || actual === step.equals) && (step.min === undefined || actual >= step.min) && (step.max === undefined || actual <= step.max);
  return ok ? undefined : `${step.selector} matched ${actual} element(s), expected ${describeCount(step)}`;
}

/** The path and query of a URL: what `expectUrl` patterns match, so they hold on any host. */
export function pathAndQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** Whether a link's target is the page it is on (a hash aside): clicking it may reload the page or do nothing. */
export function linksToCurrentPage(href: string | undefined, current: string): boolean {
  if (!href) return false;
  try {
    const target = new URL(href, current);
    const here = new URL(current);
    return target.origin === here.origin && target.pathname === here.pathname && target.search === here.search;
  } catch {
    return false;
  }
}

/** Why the URL does not match, or undefined when it does. */
export function urlProblem(url: string, pattern: string): string | undefined {
  const target = pathAndQuery(url);
  return new RegExp(pattern).test(target) ? undefined : `the page is at ${target}, expected a path matching ${pattern}`;
}

type DragStep = Extract<InteractionStep, { action: 'drag' }>;
export type ResizeExpectation = DragStep['resizes'][number];

export interface Size {
  width: number;
  height: number;
}

/** Why a pane did not resize as expected after a drag, or undefined when it did. */
export function resizeProblem(expectation: ResizeExpectation, before: Size, after: Size): string | undefined {
  const delta = after[expectation.dimension] - before[expectation.dimension];
  const signed = expectation.change === 'grow' ? delta : -delta;
  if (signed >= expectation.minPx) return undefined;
  const round = (n: number) => Math.round(n * 10) / 10;
  return `${expectation.selector} ${expectation.dimension} went from ${round(before[expectation.dimension])} to ${round(after[expectation.dimension])} px, expected it to ${expectation.change} by at least ${expectation.minPx} px`;
}
