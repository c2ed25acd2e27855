import { z } from 'zod';

/** How the run shows its checks in Playwright's own reports (HTML report, trace viewer, UI mode). */
export const reportSection = z.strictObject({
  /**
   * Passed checks shown one by one as steps, per test; every failed or warned check is always a
   * step, and the passed ones past this are counted in a `checks` annotation (all of them are in
   * the risk attachment and the execution log). `'all'`: every check a step, whatever a task holds
   * (an audit of 10,000 files then shows some 37,000 steps). `STEPS_PER_TEST` overrides.
   */
  passedStepsPerTest: z.union([z.number().int().min(0), z.literal('all')]).default(200),
}).default({ passedStepsPerTest: 200 });
