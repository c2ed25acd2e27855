import type { CheckDefinition } from './types.ts';

export const DATA_FLOW_CHECKS: readonly CheckDefinition[] = [
  { id: 'data-flows/status', severity: 'critical', why: 'a live endpoint that does not answer its expected status is down for its users' },
  { id: 'data-flows/json', severity: 'high', why: 'an endpoint documented as JSON that answers something else breaks every client' },
  { id: 'data-flows/latency', severity: 'high', why: 'an endpoint slower than its budget over N samples' },
  { id: 'data-flows/cache', severity: 'medium', why: 'the warm path is not served from the cache, or not within its budget: slower, and more load upstream' },
  { id: 'data-flows/health', severity: 'critical', why: 'the health endpoint does not answer 200: orchestrators will restart or drain the service' },
  { id: 'data-flows/health-latency', severity: 'high', why: 'health answers slower than its budget: probes time out under load' },
  { id: 'data-flows/readiness', severity: 'critical', why: 'readiness refuses, or a component it lists is unhealthy: the service cannot take traffic' },
  { id: 'data-flows/readiness-components', severity: 'high', why: 'readiness does not list its components where the config says: nothing can be judged' },
];
