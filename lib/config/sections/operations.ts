import { z } from 'zod';
import { environmentSchema } from './common.ts';
const isoDateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO date-time, e.g. "2026-11-22T02:00:00Z"');

/**
 * A planned outage: failures of the named gates inside [start, end) in the named environments
 * become warnings naming the window (lib/smoke/maintenance.ts).
 */
export const maintenanceWindowSchema = z.strictObject({
  /** Inclusive start, ISO date-time (give the zone: `Z` or `+02:00`). */
  start: isoDateTime,
  /** Exclusive end, ISO date-time. */
  end: isoDateTime,
  /** Environments the window covers. */
  environments: z.array(environmentSchema).min(1).default(['staging', 'production']),
  /** Gates whose failures it turns into warnings. */
  gates: z.array(z.string().min(1)).min(1).default(['data-flows', 'smoke']),
  reason: z.string().min(1),
}).refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'end must be after start', path: ['end'] });

export const maintenanceWindowsSection = z.array(maintenanceWindowSchema).default([]);

/** The rollback hook (lib/smoke/rollback.ts): run after a CRITICAL verdict in staging or production when smoke failed. */
export const onCriticalSection = z.strictObject({
  /** Shell command; `${TARGET_ENV}`, `${VERDICT}`, `${RUN_ID}`, `${BASE_URL}` are filled in (shell-quoted). */
  command: z.string().min(1),
  /** The command is killed after this. */
  timeoutMs: z.number().int().positive().default(120_000),
  /** Working folder, relative to the config file. */
  cwd: z.string().min(1).default('.'),
}).optional();

/** Folders of the team's own spec files per gate, relative to the config file: `{ smoke: ['e2e/smoke'] }`. */
export const extraSpecsSection = z.record(z.string().regex(/^[a-z0-9-]+$/, 'must be a gate name'), z.array(z.string().min(1))).default({});

export type MaintenanceWindow = z.output<typeof maintenanceWindowSchema>;
export type OnCritical = z.output<typeof onCriticalSection>;
