/** A route as the config lists it: the path and a name for reports and baselines. */
export interface RouteDraft {
  path: string;
  name: string;
}

/** `home` for `/`, else the path's words joined by hyphens (the config's name rule). */
export function routeName(pathname: string): string {
  if (pathname === '/' || pathname === '') return 'home';
  const name = decodeURIComponent(pathname).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return name === '' ? 'page' : /^[a-z0-9]/.test(name) ? name : `p-${name}`;
}

/**
 * The routes of same-origin page URLs: path and query kept, one entry per path, `/` first, then in
 * the order found; at most `max` (the rest are counted so init can say what it left out).
 */
export function routesFromPages(urls: readonly string[], site: URL, max: number): { routes: RouteDraft[]; leftOut: number } {
  const paths: string[] = [];
  for (const href of urls) {
    let url: URL;
    try {
      url = new URL(href, site);
    } catch {
      continue;
    }
    if (url.origin !== site.origin) continue;
    const routePath = `${url.pathname}${url.search}`;
    if (!paths.includes(routePath)) paths.push(routePath);
  }
  paths.sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : 0));
  const names = new Set<string>();
  const routes = paths.slice(0, max).map((routePath) => {
    const base = routeName(routePath.split('?')[0]!) + (routePath.includes('?') ? '-query' : '');
    let name = base;
    for (let n = 2; names.has(name); n += 1) name = `${base}-${n}`;
    names.add(name);
    return { path: routePath, name };
  });
  return { routes, leftOut: Math.max(0, paths.length - max) };
}
