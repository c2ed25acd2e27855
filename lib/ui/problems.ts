/** What the page guard saw go wrong while a page was open. */
export interface PageProblem {
  kind: 'console-error' | 'page-error' | 'request-failed' | 'http-error' | 'dialog' | 'popup' | 'navigated-away';
  url: string;
  detail: string;
  /** HTTP status for 'http-error'. */
  status?: number;
}

/** The render checks of a page: each kind of problem is its own titled operation of its own check. */
export const PROBLEM_CHECKS: ReadonlyArray<{ kind: PageProblem['kind']; title: string; check: string }> = [
  { kind: 'console-error', title: 'no console errors', check: 'browser/console-error' },
  { kind: 'page-error', title: 'no uncaught page errors', check: 'browser/page-error' },
  { kind: 'request-failed', title: 'no failed requests (network)', check: 'browser/request-failed' },
  { kind: 'http-error', title: 'no failed requests (HTTP 4xx/5xx)', check: 'browser/http-error' },
  { kind: 'dialog', title: 'no unexpected dialogs', check: 'browser/dialog' },
  { kind: 'popup', title: 'no unexpected pop-up windows', check: 'browser/popup' },
  { kind: 'navigated-away', title: 'stays on its page', check: 'browser/navigated-away' },
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

/**
 * A file-name slug for a page's failure attachments, built from the label as redacted: attachment
 * names are printed on the terminal, and a label may hold a URL with a token in its query.
 */
export function attachmentSlug(label: string, redact: (text: string) => string): string {
  return redact(label).replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'page';
}
