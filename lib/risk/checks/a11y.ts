import type { CheckDefinition } from './types.ts';

export const A11Y_CHECKS: readonly CheckDefinition[] = [
  { id: 'a11y/axe-scan', severity: 'high', why: 'axe-core could not scan the page: its accessibility is unknown' },
  {
    id: 'a11y/axe', severity: 'medium', why: 'a WCAG rule axe-core found violated on the page', subChecks: 'axe-rules',
    toolLevels: 'axe impact through policy.tools.axe: critical = critical, serious = high, moderate = medium, minor = low',
  },
  { id: 'a11y/lighthouse-run', severity: 'medium', why: 'a Lighthouse run that did not complete: its scores are unknown' },
  {
    id: 'a11y/lighthouse', severity: 'high', why: 'a Lighthouse category or audit below its configured threshold', subChecks: 'any',
    toolLevels: 'the assertion level through policy.tools.lighthouse: error = high, warn = a warning',
  },
  { id: 'a11y/config', severity: 'medium', why: 'the a11y section names a route that does not exist: that route is not measured' },
];
