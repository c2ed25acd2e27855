import type { CheckDefinition } from './types.ts';

export const SMOKE_CHECKS: readonly CheckDefinition[] = [
  { id: 'smoke/health', severity: 'critical', why: 'the deployed service does not answer its health check' },
  { id: 'smoke/health-latency', severity: 'high', why: 'health answers slower than its budget' },
  { id: 'smoke/health-body', severity: 'high', why: 'the health body does not say what the config expects', toolLevels: 'smoke.health.expect[].severity' },
  { id: 'smoke/critical-path', severity: 'critical', why: 'a step of the critical user path fails: the product\'s main use is broken', toolLevels: 'smoke.criticalPath steps may set their own' },
  { id: 'smoke/page-problems', severity: 'high', why: 'the critical path in the browser met failed requests or page errors' },
  { id: 'smoke/load', severity: 'high', why: 'p95 latency or errors under concurrent load above the budget' },
  { id: 'smoke/infrastructure', severity: 'critical', why: 'PostgreSQL, Redis or Docker, as configured, do not answer' },
];
