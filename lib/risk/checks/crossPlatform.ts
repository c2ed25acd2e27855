import type { CheckDefinition } from './types.ts';

/** The cross-platform gate of a workspace run: how its targets fit together. */
export const CROSS_PLATFORM_CHECKS: readonly CheckDefinition[] = [
  { id: 'cross-platform/contract', severity: 'high', why: "an operation, parameter or response field one platform's clients rely on that the other platform breaks", toolLevels: 'per change: removed operations, required fields, new required parameters and type changes high; optional fields removed, fields that may now be absent and new enum values medium' },
  { id: 'cross-platform/token', severity: 'critical', why: "a token from one platform's login is accepted where it must be refused (separate identities), or refused where the platforms share one" },
  { id: 'cross-platform/cors', severity: 'high', why: "one platform's pages call the other's API and its CORS policy refuses their origin" },
];
