/** File and folder names of a target's baselines: readable, portable, and distinct per screen. */

/** Lowercase ASCII words joined by hyphens: safe as a file or folder name on every platform. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}

/** The folder a target's baselines get by default: its name as a slug ("PaiiD demo" -> "paiid-demo"). */
export function targetFolderName(targetName: string): string {
  return slug(targetName) || 'target';
}

/** One screen: a route at a viewport ("home-desktop"). Its baseline is `<screen>.png`. */
export function screenName(routeName: string, viewportName: string): string {
  return `${slug(routeName) || 'route'}-${slug(viewportName) || 'viewport'}`;
}

export function baselineFileName(screen: string): string {
  return `${screen}.png`;
}

interface Named {
  name: string;
}

/**
 * Config problems that would make two screens share one baseline file: a route name given twice,
 * or two viewports whose names only differ in case or punctuation.
 */
export function screenNameClashes(routes: readonly Named[], viewports: readonly Named[]): string[] {
  const problems: string[] = [];
  const clash = (items: readonly Named[], key: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const name = slug(item.name);
      const first = seen.get(name);
      if (first === undefined) seen.set(name, index);
      else problems.push(`${key}[${index}].name ${JSON.stringify(item.name)} names the same screens as ${key}[${first}].name ${JSON.stringify(items[first]?.name)} ("${name}"): screenshots and baselines would collide, give it another name`);
    });
  };
  clash(routes, 'routes');
  clash(viewports, 'browser.viewports');
  return problems;
}
