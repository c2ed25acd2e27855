/** What the page guard saw go wrong while a page was open. */
export interface PageProblem {
  kind: 'console-error' | 'page-error' | 'request-failed' | 'http-error' | 'dialog' | 'popup' | 'navigated-away';
  url: string;
  detail: string;
  /** HTTP status for 'http-error'. */
  status?: number;
}

/** The render checks of a page: each kind of problem is its own titled operation. */
export const PROBLEM_CHECKS: ReadonlyArray<{ kind: PageProblem['kind']; title: string; severity: 'critical' | 'high' }> = [
  { kind: 'console-error', title: 'no console errors', severity: 'high' },
  { kind: 'page-error', title: 'no uncaught page errors', severity: 'critical' },
  { kind: 'request-failed', title: 'no failed requests (network)', severity: 'high' },
  { kind: 'http-error', title: 'no failed requests (HTTP 4xx/5xx)', severity: 'high' },
  { kind: 'dialog', title: 'no unexpected dialogs', severity: 'high' },
  { kind: 'popup', title: 'no unexpected pop-up windows', severity: 'high' },
  { kind: 'navigated-away', title: 'stays on its page', severity: 'high' },
];

/** One line per problem, bounded, for an operation's failure message. */
export function describeProblems(problems: readonly PageProblem[], max = 10): string {
  const lines = problems.slice(0, max).map((p) => `${p.status ? `${p.status} ` : ''}${p.url}: ${p.detail}`);
  if (problems.length > max) lines.push(`... and ${problems.length - max} more`);
  return lines.join('; ');
}

/** Drops problems about URLs the config allows to fail. */
export function withoutIgnored(problems: readonly PageProblem[], ignoreRequests: readonly RegExp[]): PageProblem[] {
  return problems.filter((p) => (p.kind === 'request-failed' || p.kind === 'http-error') ? !ignoreRequests.some((re) => re.test(p.url)) : true);
}
