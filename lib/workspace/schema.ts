import { z } from 'zod';

/**
 * A workspace: several targets validated in one run, each by its own validation config and its own
 * chain of gates (`<target>/<gate>` projects). Every target-specific fact stays in the target's config;
 * the workspace says only which targets, in which stages, and how their verdicts make the release's.
 */
export const TARGET_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

const targetId = z.string().regex(TARGET_ID_PATTERN, 'a target id is lowercase letters, digits and hyphens, starting with a letter (it names projects: <target>/<gate>)');

export const workspaceTargetSchema = z.strictObject({
  /** Names the target's projects (`<id>/<gate>`), its report folder and its variables (`<ID>_BASE_URL`). */
  id: targetId,
  /** The target's validation config, relative to the workspace file. */
  config: z.string().min(1),
  /** A role shown beside the target in reports (e.g. "canary"). */
  description: z.string().optional(),
});

export const releasePolicySchema = z.strictObject({
  /** `worst`: the release verdict is the worst verdict of the targets that count. */
  combine: z.enum(['worst']).default('worst'),
  /** Targets whose verdict is reported but does not decide the release (a product still in assessment). */
  advisory: z.array(targetId).default([]),
});

const method = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']).default('GET');

/** Checks of how the targets fit together, run after their own gates, as the `cross-platform` gate. */
export const crossPlatformSchema = z.strictObject({
  /** `from`'s clients must keep working against `to`: the operations both serve, compared document to document. */
  contracts: z.array(z.strictObject({ from: targetId, to: targetId })).default([]),
  /** A token from `issuer`'s login sent to `audience`'s `path`: accepted (one identity) or refused (separate ones), as said. */
  tokens: z.array(z.strictObject({
    issuer: targetId,
    audience: targetId,
    path: z.string().startsWith('/'),
    method,
    expect: z.enum(['accepted', 'refused']),
  })).default([]),
  /** `caller`'s pages call `callee`'s API: `callee`'s CORS must allow `caller`'s origin (its base URL's, unless given). */
  cors: z.array(z.strictObject({
    caller: targetId,
    callee: targetId,
    path: z.string().startsWith('/'),
    method,
    origin: z.url().optional(),
  })).default([]),
});

export type CrossPlatformConfig = z.output<typeof crossPlatformSchema>;

export const workspaceConfigSchema = z.strictObject({
  /** The release this workspace gates, shown in reports. */
  name: z.string().min(1).default('release'),
  targets: z.array(workspaceTargetSchema).min(1),
  release: releasePolicySchema.default({ combine: 'worst', advisory: [] }),
  crossPlatform: crossPlatformSchema.default({ contracts: [], tokens: [], cors: [] }),
  /**
   * Staged rollout: the targets of a stage start only once every target of the stage before ended
   * with a verdict the stage proceeds on (a canary platform first): a failed gate holds it back, and
   * so does a CRITICAL verdict from findings alone. Targets in no stage run at once, side by side.
   */
  stages: z.array(z.strictObject({
    name: z.string().min(1),
    targets: z.array(targetId).min(1),
    /**
     * The verdicts of the stage before that let this stage start (each of its targets' verdict, judged
     * the moment its last task ended). Default: PASS and WARNING; `['PASS']` for a strict canary.
     */
    proceedOn: z.array(z.enum(['PASS', 'WARNING'])).min(1).default(['PASS', 'WARNING']),
  })).default([]),
});

export type WorkspaceConfigInput = z.input<typeof workspaceConfigSchema>;
export type WorkspaceConfig = z.output<typeof workspaceConfigSchema>;
export type WorkspaceTarget = z.output<typeof workspaceTargetSchema>;

/** Identity: exists so that a workspace file is typed. */
export function defineWorkspaceConfig(config: WorkspaceConfigInput): WorkspaceConfigInput {
  return config;
}
