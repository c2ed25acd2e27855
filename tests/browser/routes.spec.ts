import { eachTarget, test } from '../../fixtures/index.ts';

/*
 * One task per route and viewport: small tasks spread over the workers, and a failure names
 * both. The routes come from the config, so the same spec validates any application.
 */
// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  const [firstViewport] = config.browser.viewports;

  test.describe('routes', () => {
    for (const route of config.routes) {
      for (const viewport of config.browser.viewports) {
        // eslint-disable-next-line playwright/valid-test-tags -- the tags come from the config, which requires the leading @
        test(`${route.name} renders cleanly at ${viewport.name} ${viewport.width}x${viewport.height}`, { tag: route.tags }, async ({ page, pageGuard }) => {
          const label = `${route.path} @${viewport.name}`;
          await page.setViewportSize({ width: viewport.width, height: viewport.height });
          const visit = await pageGuard.visit(route.path, { route });
          // Another page than the route (a login page) would pass every check below: the visit failed and said why.
          // A route whose own page loaded and then left by itself still answers for what it did before it left.
          if (!visit.shown) {
            if (visit.loaded) await pageGuard.checkRenderedCleanly(label);
            return;
          }
          await pageGuard.checkRenderedCleanly(label);
          // Live data does not depend on the viewport: watching it once per route saves seconds.
          await pageGuard.checkRouteExpectations(route, label, { liveData: viewport === firstViewport });
          await pageGuard.checkBrand(label);
        });
      }
    }
  });
});
