import { test } from '../../fixtures/index.ts';
import { judgeStageTarget } from '../../lib/workspace/rollout.ts';
import type { RolloutMetadata } from '../../projects/workspaceProjects.ts';

/*
 * A staged rollout's gate: a later stage's first gates start only once every target of the stage
 * before ended with a verdict this stage proceeds on. A failed gate there already holds this one back
 * (Playwright skips what depends on it); this check holds it back for a CRITICAL verdict from findings
 * alone (a breached error budget, two high findings) too. Each target of the stage before is one check.
 */
test('the stage before allows this stage to start', async ({ risk }, testInfo) => {
  const rollout = (testInfo.project.metadata as { rollout?: RolloutMetadata }).rollout;
  if (!rollout) throw new Error(`project ${testInfo.project.name} is not a rollout gate: its metadata names no stage before`);
  const reportsDir = process.env.REPORTS_DIR || rollout.reportsDir;
  for (const target of rollout.previous.targets) {
    const judged = judgeStageTarget({ target, reportsDir, runId: process.env.RUN_ID, previousStage: rollout.previous.name, stage: rollout.stage, proceedOn: rollout.proceedOn });
    const name = `${target} (stage ${JSON.stringify(rollout.previous.name)}) lets stage ${JSON.stringify(rollout.stage)} start`;
    if (judged.proceeds) risk.pass(name, { check: 'rollout/stage', evidence: judged.evidence });
    else risk.fail(name, judged.message, { check: 'rollout/stage', evidence: judged.evidence });
  }
});
