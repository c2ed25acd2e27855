import { CHECKS, checkDefinition, type CheckDefinition, type SeverityLevel } from './checks/index.ts';
import type { Severity } from './types.ts';

/** The registry entry of a check id or of the check a tool rule (`<id>/<sub>`) belongs to. */
export function definitionOf(check: string): CheckDefinition | undefined {
  let id = check;
  for (;;) {
    const found = checkDefinition(id);
    if (found) return found;
    const cut = id.lastIndexOf('/');
    if (cut <= 0) return undefined;
    id = id.slice(0, cut);
  }
}

/**
 * The severity of a check's failures, ESLint style: the config's level for the exact id wins, then
 * for the check it belongs to (`a11y/axe` for `a11y/axe/color-contrast`), then the level a tool gave
 * (axe impact, a rule's own severity), then the registry's default.
 */
export class SeverityResolver {
  constructor(private readonly overrides: Readonly<Record<string, SeverityLevel>> = {}) {}

  resolve(check: string | undefined, given?: Severity): SeverityLevel {
    if (check) {
      let id = check;
      for (;;) {
        const level = this.overrides[id];
        if (level) return level;
        const cut = id.lastIndexOf('/');
        if (cut <= 0) break;
        id = id.slice(0, cut);
      }
    }
    if (given) return given;
    return (check ? definitionOf(check)?.severity : undefined) ?? 'high';
  }
}

/**
 * Problems with the keys of a `severity` config section: each must be a registered check, or
 * `<check>/<rule>` for a check that reports tool rules. `axeRules` is called only when needed.
 */
export function severityKeyProblems(keys: readonly string[], axeRules: () => readonly string[]): string[] {
  const problems: string[] = [];
  for (const key of keys) {
    if (checkDefinition(key)) continue;
    const parent = definitionOf(key);
    const where = `severity[${JSON.stringify(key)}]`;
    if (!parent) {
      const area = key.split('/')[0] ?? '';
      const same = CHECKS.filter((c) => c.id.startsWith(`${area}/`)).map((c) => c.id);
      problems.push(same.length > 0
        ? `${where} is not a known check; the ${area} checks are ${same.join(', ')}`
        : `${where} is not a known check; checks are named area/check, the areas are ${[...new Set(CHECKS.map((c) => c.id.split('/')[0]))].join(', ')}`);
      continue;
    }
    const sub = key.slice(parent.id.length + 1);
    const subs = parent.subChecks;
    if (subs === 'any') continue;
    const known = subs === 'axe-rules' ? axeRules() : subs ?? [];
    if (known.includes(sub)) continue;
    problems.push(known.length === 0
      ? `${where}: ${parent.id} has no rules to set one by one; set ${JSON.stringify(parent.id)} itself`
      : `${where}: "${sub}" is not a rule of ${parent.id}; its rules are ${known.length > 30 ? `axe-core's rule ids (e.g. ${known.slice(0, 8).join(', ')}, ...)` : known.join(', ')}`);
  }
  return problems;
}
