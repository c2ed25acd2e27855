import { z } from 'zod';
import { severitySchema } from './common.ts';

/** A check's level as the config sets it, ESLint style: a severity, or `off` (not counted). */
export const severityLevelSchema = z.enum(['critical', 'high', 'medium', 'low', 'off']);

/**
 * Per check (`browser/console-error`) or per tool rule (`a11y/axe/color-contrast`, `audit/lockfile/lockfile-missing`):
 * the severity its failures get, whatever the default or the tool says. Keys are checked against the
 * check registry (lib/risk/checks) when the config is resolved.
 */
export const severitySection = z.record(z.string().min(1), severityLevelSchema).default({});

const findingCounts = z.strictObject({
  critical: z.number().int().min(1).optional(),
  high: z.number().int().min(1).optional(),
  medium: z.number().int().min(1).optional(),
  low: z.number().int().min(1).optional(),
});

const axeImpactLevels = z.strictObject({
  critical: severityLevelSchema.default('critical'),
  serious: severityLevelSchema.default('high'),
  moderate: severityLevelSchema.default('medium'),
  minor: severityLevelSchema.default('low'),
}).default({ critical: 'critical', serious: 'high', moderate: 'medium', minor: 'low' });

/** A Lighthouse assertion level: a failure of that severity, `warn` (a warning, not a failure) or `off`. */
const lighthouseLevel = z.enum(['critical', 'high', 'medium', 'low', 'warn', 'off']);
const lighthouseLevels = z.strictObject({
  error: lighthouseLevel.default('high'),
  warn: lighthouseLevel.default('warn'),
}).default({ error: 'high', warn: 'warn' });

/** What precommit applies over the policy (RISK_POLICY=commit): the seeds' "any HIGH severity issue blocks a commit". */
const commitPolicy = z.strictObject({
  blockOn: z.array(severitySchema).min(1).default(['critical', 'high']),
}).default({ blockOn: ['critical', 'high'] });

/**
 * The severity policy (the seeds' defaults): which failures stop the chain, how many findings of a
 * severity make the verdict CRITICAL or WARNING, and how tools' own levels map to severities. What
 * neither stops the chain nor reaches a count only spends the error budget (the risk rate, `thresholds`).
 */
export const policySection = z.strictObject({
  /**
   * A failed check of these severities fails its task, so the gates after it do not run. `[]` runs
   * every gate whatever it finds (a first look at an application): the verdict still counts every finding.
   */
  blockOn: z.array(severitySchema).default(['critical']),
  /** At least this many findings (failed checks that did not stop the chain) of a severity make the verdict CRITICAL. */
  critical: findingCounts.default({ critical: 1, high: 2 }),
  /** At least this many findings of a severity make the verdict WARNING. */
  warning: findingCounts.default({ high: 1 }),
  tools: z.strictObject({
    /** axe-core's impact of a violated rule. */
    axe: axeImpactLevels,
    /** A Lighthouse assertion's level (`error` / `warn`, as in Lighthouse CI). */
    lighthouse: lighthouseLevels,
  }).default({ axe: { critical: 'critical', serious: 'high', moderate: 'medium', minor: 'low' }, lighthouse: { error: 'high', warn: 'warn' } }),
  commit: commitPolicy,
}).default({
  blockOn: ['critical'],
  critical: { critical: 1, high: 2 },
  warning: { high: 1 },
  tools: { axe: { critical: 'critical', serious: 'high', moderate: 'medium', minor: 'low' }, lighthouse: { error: 'high', warn: 'warn' } },
  commit: { blockOn: ['critical', 'high'] },
});

export type PolicyConfig = z.output<typeof policySection>;
export type SeverityOverrides = z.output<typeof severitySection>;
