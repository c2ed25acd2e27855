import { z } from 'zod';
import { positiveMs } from './common.ts';

/** Every network call and every test has an explicit bound: a hanging target costs its budget, no more. */
export const timeoutsSection = z.strictObject({
  requestMs: positiveMs.default(10_000),
  navigationMs: positiveMs.default(20_000),
  testMs: positiveMs.default(90_000),
  expectMs: positiveMs.default(5_000),
}).default({ requestMs: 10_000, navigationMs: 20_000, testMs: 90_000, expectMs: 5_000 });
