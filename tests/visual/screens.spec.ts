import { eachTarget, test } from '../../fixtures/index.ts';

/*
 * One task per route and viewport, one page load for all its visual checks: design tokens
 * (palette, glass panels) read from the live page, then the screenshot against its baseline.
 */
// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  test.describe('screens', () => {
    for (const route of config.routes) {
      for (const viewport of config.browser.viewports) {
        // eslint-disable-next-line playwright/valid-test-tags -- the tags come from the config, which requires the leading @
        test(`${route.name} at ${viewport.name} ${viewport.width}x${viewport.height}`, { tag: route.tags }, async ({ page, pageGuard, visuals }) => {
          const label = `${route.path} @${viewport.name}`;
          await page.setViewportSize({ width: viewport.width, height: viewport.height });
          // Never a baseline of another page (a login page): the visit records why it is not the route.
          if (!(await pageGuard.visit(route.path, { route })).ok) return;
          await visuals.stabilise();
          await visuals.palette(label);
          await visuals.glass(label);
          await visuals.screenshot(route, viewport, label);
        });
      }
    }
  });
});
