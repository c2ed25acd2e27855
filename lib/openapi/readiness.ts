import { valueAtPath } from '../http.ts';

export interface ComponentState {
  name: string;
  status: string;
  healthy: boolean;
}

/**
 * The components a readiness body reports and whether each is healthy. An entry is either the
 * status itself ("up") or an object holding it at `statusPath`.
 */
export function readinessComponents(body: unknown, componentsPath: string, statusPath: string, healthyValues: string[]): ComponentState[] | undefined {
  const components = componentsPath === '' ? body : valueAtPath(body, componentsPath);
  if (components === null || typeof components !== 'object') return undefined;
  const healthy = new Set(healthyValues.map((value) => value.toLowerCase()));
  const entries = Array.isArray(components)
    ? components.map((entry, index) => [String(valueAtPath(entry, 'name') ?? index), entry] as const)
    : Object.entries(components);
  return entries.map(([name, entry]) => {
    const raw = typeof entry === 'string' ? entry : valueAtPath(entry, statusPath);
    const status = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
    return { name, status, healthy: healthy.has(status.toLowerCase()) };
  });
}
