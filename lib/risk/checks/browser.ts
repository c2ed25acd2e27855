import type { CheckDefinition } from './types.ts';

export const BROWSER_CHECKS: readonly CheckDefinition[] = [
  { id: 'browser/visit', severity: 'high', why: 'a route that answers 4xx/5xx or does not load is a broken page' },
  { id: 'browser/page-shown', severity: 'high', why: 'the page shown is not the route asked for (a redirect to a login page): every check on it judged another page' },
  { id: 'browser/session', severity: 'high', why: 'the browser session for pages behind a login could not be built: those pages cannot be checked' },
  { id: 'browser/page-error', severity: 'high', why: 'an uncaught exception stops the page\'s own code: something users click does nothing' },
  { id: 'browser/console-error', severity: 'medium', why: 'an error logged to the console is a symptom to look at, not always one users see' },
  { id: 'browser/request-failed', severity: 'high', why: 'a sub-request that never completed: a missing script, style or data call' },
  { id: 'browser/http-error', severity: 'medium', why: 'a sub-request answered 4xx/5xx: a missing image or a failing data call' },
  { id: 'browser/dialog', severity: 'medium', why: 'a page that opens alert or confirm dialogs by itself blocks its users' },
  { id: 'browser/popup', severity: 'medium', why: 'a page that opens windows by itself' },
  { id: 'browser/navigated-away', severity: 'high', why: 'a page that leaves itself after loading (a redirect loop, a script that navigates)' },
  { id: 'browser/expectation', severity: 'high', why: 'an element or text the config says the route shows is not there' },
  { id: 'browser/live-data', severity: 'medium', why: 'live data that does not change within its time: the feed is stalled' },
  { id: 'browser/brand-term', severity: 'medium', why: 'a forbidden product term in the visible text' },
  { id: 'browser/brand-logo', severity: 'medium', why: 'the brand logo is missing or hidden' },
  { id: 'browser/interaction', severity: 'high', why: 'a configured interaction (menu, drag, form) does not do what it should' },
];
