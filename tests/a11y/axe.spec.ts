import { AxeBuilder } from '@axe-core/playwright';
import { eachTarget, test } from '../../fixtures/index.ts';
import { axeScanOperations, suppressionLedger } from '../../lib/a11y/index.ts';
import { errorMessage } from '../../lib/risk/recorder.ts';
import { attachAxeView } from './axeView.ts';

/*
 * axe-core on every route, one task per route: the scan is an operation, each violated rule a
 * failed one with axe's impact as its severity. Rules, suppressions and limits come from the config.
 */
// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  test.describe('axe', { tag: '@axe' }, () => {
    for (const route of config.routes) {
      // eslint-disable-next-line playwright/valid-test-tags -- the tags come from the config, which requires the leading @
      test(`${route.name} has no WCAG violations`, { tag: route.tags }, async ({ page, pageGuard, risk, target }, testInfo) => {
        const a11y = target.a11y;
        // Routes behind a login are scanned with the browser session; a scan of the page shown instead (a login page) would judge the wrong page.
        const visit = await pageGuard.visit(route.path, { route });
        if (!visit.shown) return;

        const started = performance.now();
        const scanName = `axe scan ${route.path}`;
        let results;
        try {
          results = await new AxeBuilder({ page }).withTags(a11y.tags).disableRules(a11y.disableRules).analyze();
        } catch (error) {
          risk.fail(scanName, `axe-core could not scan ${route.path}: ${errorMessage(error).split('\n')[0]}`, { check: 'a11y/axe-scan', durationMs: performance.now() - started });
          return;
        }
        await testInfo.attach(`axe-${route.name}.json`, { body: JSON.stringify(results, null, 2), contentType: 'application/json' });
        await attachAxeView(page, testInfo, route, results);

        const now = new Date();
        const outcome = axeScanOperations(results, {
          routeName: route.name,
          routePath: route.path,
          suppressions: a11y.suppressions,
          ignoreIncomplete: a11y.ignoreIncomplete,
          maxNodes: a11y.maxNodes,
          snippetChars: a11y.snippetChars,
          now,
          impactLevels: target.policy.tools.axe,
        });
        risk.pass(scanName, {
          check: 'a11y/axe-scan',
          durationMs: performance.now() - started,
          evidence: { url: results.url, tags: a11y.tags, engine: results.testEngine.version },
          metrics: { violations: outcome.counts.violations, violatedNodes: outcome.counts.violatedNodes, suppressedNodes: outcome.counts.suppressedNodes, incomplete: outcome.counts.incomplete, passes: outcome.counts.passes },
        });
        for (const operation of outcome.operations) risk.record(operation);

        const ledger = suppressionLedger(a11y.suppressions, now, route, outcome.matched);
        if (ledger.length > 0) await testInfo.attach('a11y-suppressions', { body: JSON.stringify(ledger, null, 2), contentType: 'application/json' });
      });
    }
  });
});
