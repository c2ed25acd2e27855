import { eachTarget, test } from '../../fixtures/index.ts';

/*
 * Percy snapshots of every route, only when PERCY_TOKEN is set. Run the suite under the Percy CLI:
 *   PERCY_TOKEN=... npx percy exec -- npx playwright test --project=visual
 * Without the token the task is skipped with its reason: never counted as a pass.
 */
// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  test.describe('percy', () => {
    test('snapshots of every route', async ({ pageGuard, visuals }) => {
      test.skip(!process.env.PERCY_TOKEN, 'not configured: PERCY_TOKEN is not set (Percy runs only under `npx percy exec` with a token)');
      if (!(await visuals.percyReachable())) return;
      for (const route of config.routes) {
        if (!(await pageGuard.visit(route.path, { route })).ok) continue;
        await visuals.stabilise();
        await visuals.percySnapshot(route.name);
      }
    });
  });
});
