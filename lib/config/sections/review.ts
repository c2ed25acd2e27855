import { z } from 'zod';
import { GATE_ORDER } from '../../gates.ts';

/** One sign-off a release needs: a gate, or an area (several gates under one name), and who may give it. */
const signOff = z.strictObject({
  /** What reviewers name with `--gate`: the gate's own name by default; required for an area of several gates. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase words joined by hyphens').optional(),
  gates: z.array(z.enum(GATE_ORDER as [string, ...string[]])).min(1),
  /** Who may approve or reject it (any of them). */
  reviewers: z.array(z.string().min(1)).min(1),
  /** How many different reviewers must approve (a two-person rule is 2). */
  approvals: z.number().int().positive().default(1),
}).superRefine((entry, ctx) => {
  if (!entry.name && entry.gates.length > 1) ctx.addIssue({ code: 'custom', path: ['name'], message: 'must name an area of several gates, e.g. "security"' });
  if (entry.approvals > entry.reviewers.length) ctx.addIssue({ code: 'custom', path: ['approvals'], message: `must be at most the number of reviewers (${entry.reviewers.length})` });
});

/** Reviewer sign-off: production readiness is READY once every sign-off is approved for the run. */
export const reviewSection = z.strictObject({
  signOffs: z.array(signOff).default([]),
}).superRefine((section, ctx) => {
  const seen = new Set<string>();
  section.signOffs.forEach((entry, index) => {
    const name = entry.name ?? entry.gates[0]!;
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['signOffs', index, 'name'], message: `"${name}" is signed off twice: give each sign-off its own name` });
    seen.add(name);
  });
}).default({ signOffs: [] });

export type ReviewConfig = z.output<typeof reviewSection>;
