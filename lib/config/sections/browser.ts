import { z } from 'zod';

export const viewportSchema = z.strictObject({
  name: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** The browser gate: render checks, interactions, run-time branding. */
export const browserSection = z.strictObject({
  viewports: z.array(viewportSchema).min(1).default([
    { name: 'desktop', width: 1920, height: 1080 },
    { name: 'tablet', width: 1024, height: 768 },
  ]),
  /** Console messages matching one of these are not errors (regular expressions). */
  ignoreConsole: z.array(z.string()).default([]),
}).default({
  viewports: [{ name: 'desktop', width: 1920, height: 1080 }, { name: 'tablet', width: 1024, height: 768 }],
  ignoreConsole: [],
});
