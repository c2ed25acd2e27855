import type { Severity } from '../types.ts';

/** A severity as the config may set it: one of the four, or `off` (the check is not counted). */
export type SeverityLevel = Severity | 'off';

/**
 * One kind of check: the unit the severity table, the config's overrides and the README speak of.
 * An operation names its check by `id`; a tool's finding names `<id>/<sub>` (an axe rule, an audit rule).
 */
export interface CheckDefinition {
  /** `area/name`, the area usually a gate: `browser/console-error`. */
  id: string;
  /** The default severity of a failure; a tool-given level replaces it where `toolLevels` says so. */
  severity: Severity;
  /** Why this severity, one line (the README's table). */
  why: string;
  /**
   * Sub-checks reported as `<id>/<sub>` that the config may override one by one: a list of names,
   * `axe-rules` (axe-core's rule ids), or `any` (a tool's own rule ids, not known in advance).
   */
  subChecks?: readonly string[] | 'axe-rules' | 'any';
  /** The severity comes from the tool's own level (axe impact, Lighthouse level, advisory severity, config). */
  toolLevels?: string;
}
