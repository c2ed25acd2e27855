import { pathAndQuery } from './steps.ts';

/**
 * Is the page shown the route asked for? A page behind a login that redirects to the login page
 * answers 200, renders cleanly and has no accessibility problem: every check passes on the wrong
 * page unless the landing URL itself is judged.
 */
export interface ShownRoute {
  /** Where the route must land, a regular expression on the path and query (routes that redirect on purpose). */
  finalUrl?: string;
  requiresAuth?: boolean;
}

/** Same origin and path, a trailing slash aside: a query or hash the application adds is still the page. */
function samePage(asked: URL, shown: URL): boolean {
  const path = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';
  return asked.origin === shown.origin && path(asked) === path(shown);
}

function where(url: string, base: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(base).origin ? pathAndQuery(url) : url;
  } catch {
    return url;
  }
}

/**
 * Why the page shown (`shownUrl`, where the visit of `askedUrl` landed) is not the route, with
 * what to do about it; undefined when it is.
 */
export function pageShownProblem(askedUrl: string, shownUrl: string, route: ShownRoute = {}, sessionUsed = false): string | undefined {
  let asked: URL;
  let shown: URL;
  try {
    asked = new URL(askedUrl);
    shown = new URL(shownUrl);
  } catch {
    return askedUrl === shownUrl ? undefined : `asked for ${askedUrl}, the page shown is ${shownUrl}`;
  }
  const askedText = where(askedUrl, askedUrl);
  const shownText = where(shownUrl, askedUrl);
  if (route.finalUrl !== undefined) {
    const landed = asked.origin === shown.origin ? pathAndQuery(shownUrl) : shownUrl;
    if (new RegExp(route.finalUrl).test(landed)) return undefined;
    return `asked for ${askedText}, the page shown is ${shownText}, expected one matching routes[].finalUrl ${route.finalUrl}`;
  }
  if (samePage(asked, shown)) return undefined;
  return `asked for ${askedText}, the page shown is ${shownText}: ${pageShownHint(route, sessionUsed)}`;
}

/** What to change when a route lands elsewhere: the session, or the route's declared landing page. */
export function pageShownHint(route: ShownRoute, sessionUsed: boolean): string {
  if (route.requiresAuth && sessionUsed) {
    return 'the browser session did not open it (its login failed or expired, or it is placed where the application does not look): check browser.session';
  }
  return 'if the route is behind a login, set routes[].requiresAuth and configure browser.session; if it redirects on purpose, set routes[].finalUrl to where it lands';
}
