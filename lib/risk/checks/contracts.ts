import type { CheckDefinition } from './types.ts';

export const CONTRACT_CHECKS: readonly CheckDefinition[] = [
  { id: 'contracts/document', severity: 'critical', why: 'the OpenAPI document does not load or is invalid: no contract can be checked' },
  { id: 'contracts/schemas-compile', severity: 'high', why: 'schemas of the document do not compile: their responses cannot be validated' },
  { id: 'contracts/config', severity: 'medium', why: 'api.contracts names an operation the document does not have: the override does nothing' },
  { id: 'contracts/status', severity: 'high', why: 'an operation answered a status its contract does not document' },
  { id: 'contracts/headers', severity: 'high', why: 'a documented response header is missing or wrong' },
  { id: 'contracts/content-type', severity: 'high', why: 'a response\'s content type is not the documented one' },
  { id: 'contracts/schema', severity: 'high', why: 'a response body does not match its schema: clients built from the contract break' },
  { id: 'contracts/example-success', severity: 'high', why: 'the document\'s own example request does not succeed' },
  { id: 'contracts/coverage', severity: 'medium', why: 'documented operations the gate could not exercise, or operations needing credentials the auth check could not probe (each with why: read-only by default, no example)' },
  { id: 'contracts/auth', severity: 'critical', why: 'an operation that must refuse a missing or forged token accepts it, or a valid token is refused' },
  { id: 'contracts/cors', severity: 'high', why: 'the CORS policy refuses an allowed origin or allows a foreign one', toolLevels: 'a foreign origin allowed with credentials is critical, without credentials medium (ZAP 40040 Medium)' },
  { id: 'contracts/error-mapping', severity: 'high', why: 'an upstream failure is mapped to the wrong status' },
  { id: 'contracts/undocumented', severity: 'critical', why: 'a path the document does not list answers 2xx: an undocumented, unreviewed endpoint', toolLevels: 'api.contracts.probeSeverity' },
];
