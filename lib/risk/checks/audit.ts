import type { CheckDefinition } from './types.ts';

export const AUDIT_CHECKS: readonly CheckDefinition[] = [
  { id: 'audit/files-examined', severity: 'high', why: 'an audit that examined no file looked at nothing: the repository path is wrong' },
  { id: 'audit/secrets', severity: 'critical', why: 'a committed credential is readable by everyone with the repository, for ever', subChecks: 'any' },
  { id: 'audit/syntax', severity: 'high', why: 'a config file that does not parse stops the application at start-up', subChecks: ['json-syntax', 'yaml-syntax', 'dotenv-syntax'] },
  { id: 'audit/ports', severity: 'high', why: 'services that disagree on a port cannot reach each other', subChecks: ['port-consistency'] },
  {
    id: 'audit/cors-auth', severity: 'high', why: 'a wildcard origin with credentials, or a placeholder secret, opens the API to any site',
    subChecks: ['cors-wildcard-credentials', 'cors-plain-http', 'auth-placeholder-secret'], toolLevels: 'per rule: wildcard with credentials and placeholder secrets critical, plain-http origins high',
  },
  {
    id: 'audit/env-documented', severity: 'medium', why: 'a variable read in code but documented nowhere is the next deploy\'s missing setting',
    subChecks: ['env-example-missing', 'env-undocumented', 'env-unused'], toolLevels: 'env-unused low',
  },
  { id: 'audit/deprecated', severity: 'medium', why: 'a deprecated API works today and breaks on the next runtime upgrade', subChecks: 'any', toolLevels: 'each rule of audit.patterns names its own' },
  { id: 'audit/branding', severity: 'medium', why: 'a forbidden product term in the sources ships to users', subChecks: 'any', toolLevels: 'brand-logo (the configured logo file is missing) high' },
  {
    id: 'audit/script-hygiene', severity: 'medium', why: 'emoji, a BOM before a shebang, mixed line endings, or non-ASCII where Windows reads a code page (.bat, .cmd, .ps1 without BOM) break scripts on other platforms',
    subChecks: ['script-bom', 'script-encoding', 'script-emoji', 'script-non-ascii', 'script-line-endings'],
  },
  { id: 'audit/generated', severity: 'high', why: 'a generated file out of date with its source lies to its readers', subChecks: ['generated-stale'] },
  {
    id: 'audit/lockfile', severity: 'high', why: 'a lockfile that disagrees with its manifest installs something nobody tested',
    subChecks: ['lockfile-missing', 'lockfile-mismatch', 'lockfile-version', 'lockfile-parse'], toolLevels: 'lockfile-missing medium (installs are not reproducible, nothing is wrong yet)',
  },
  { id: 'audit/npm-audit', severity: 'high', why: 'a dependency with a known advisory at or above the configured level', toolLevels: 'the advisory\'s severity (critical, high, moderate = medium, low)' },
  { id: 'audit/design-dna', severity: 'low', why: 'off-palette colours and bare glass panels drift from the design system', subChecks: ['design-off-palette', 'design-glass', 'design-palette'] },
  { id: 'audit/migrations', severity: 'high', why: 'pending migrations, or models changed without one: the code shipped expects a schema the database does not have' },
  { id: 'audit/commands', severity: 'high', why: 'a configured check command (tests, type check, lint) that fails', toolLevels: 'audit.commands[].severity' },
];
