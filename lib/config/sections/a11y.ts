import { z } from 'zod';

/** The a11y gate: axe-core and Lighthouse. */
export const a11ySection = z.strictObject({
  tags: z.array(z.string()).default(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']),
}).default({ tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
