import { z } from 'zod';
import { positiveMs } from './common.ts';

/** Every network call and every test has an explicit bound: a hanging target costs its budget, no more. */
export const timeoutsSection = z.strictObject({
  /** One HTTP request of the api fixture (and the OpenAPI document fetched by URL). */
  requestMs: positiveMs.default(10_000),
  /** One page navigation (Playwright's navigationTimeout). */
  navigationMs: positiveMs.default(20_000),
  /** One test (Playwright's `timeout`), unless its gate has its own in `gateTestMs`. */
  testMs: positiveMs.default(90_000),
  /** One web-first assertion (Playwright's expect timeout). */
  expectMs: positiveMs.default(5_000),
  /**
   * One test of the named gate, replacing `testMs` there (e.g. `{ a11y: 180_000 }` for Lighthouse),
   * so a slow gate does not force a loose bound on every other gate. Keys are gate names.
   */
  gateTestMs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a gate name'), positiveMs).default({}),
  /**
   * The whole run (Playwright's `globalTimeout`): past it Playwright stops, the reporter writes an
   * interrupted summary and the verdict is CRITICAL. The last bound when every other one failed.
   */
  runMs: positiveMs.default(3_600_000),
}).default({ requestMs: 10_000, navigationMs: 20_000, testMs: 90_000, expectMs: 5_000, gateTestMs: {}, runMs: 3_600_000 });

export type TimeoutsConfig = z.output<typeof timeoutsSection>;

/** The per-test bound of one gate: its own entry, else `testMs`. */
export function gateTestTimeout(timeouts: TimeoutsConfig, gate: string): number {
  return timeouts.gateTestMs[gate] ?? timeouts.testMs;
}
