import { writeFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';
import { eachTarget, test } from '../../fixtures/index.ts';
import {
  evaluateAssertions, lighthouseAssertionOperations, lighthouseFlags, lighthouseRoutes, lighthouseRunOperation, lighthouseRuns, representativeRun,
  type LhrLike,
} from '../../lib/a11y/index.ts';
import { errorMessage } from '../../lib/risk/recorder.ts';
import { pageShownProblem } from '../../lib/ui/pageShown.ts';

/*
 * Lighthouse category scores (and any audit assertions) against the config's Lighthouse CI-style
 * assertions, on the routes chosen for it. `LIGHTHOUSE_RUNS=n` runs each n times; the median counts.
 */
// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  const chosen = lighthouseRoutes(config.routes, config.a11y.lighthouse.routes);

  test.describe('lighthouse', { tag: '@lighthouse' }, () => {
    // One audit at a time, in one worker: audits side by side share the CPU and skew each other's scores.
    test.describe.configure({ mode: 'default' });

    if (config.a11y.lighthouse.enabled && chosen.unknown.length > 0) {
      test('chosen routes exist', async ({ risk }) => {
        risk.fail('a11y.lighthouse.routes', `a11y.lighthouse.routes names ${chosen.unknown.map((n) => JSON.stringify(n)).join(', ')}, which no entry of routes has; expected one of ${config.routes.map((r) => r.name).join(', ')}`, { check: 'a11y/config' });
      });
    }

    for (const route of chosen.routes) {
      test(`${route.name} meets its score thresholds`, async ({ lighthouse, browserSession, risk, target }, testInfo) => {
        const settings = target.a11y.lighthouse;
        test.skip(!settings.enabled, 'switched off: a11y.lighthouse.enabled is false for this target');
        const runs = await risk.check('LIGHTHOUSE_RUNS', () => lighthouseRuns(settings.runs), { check: 'a11y/lighthouse-run', fatal: true }) ?? settings.runs;
        test.setTimeout(settings.timeoutMsPerRun * runs + 30_000);
        const url = new URL(route.path, `${target.meta.baseUrl}/`).toString();
        const flags = lighthouseFlags(settings, target.meta.environment);
        // A route behind a login is audited with the browser session, as the other gates open it.
        let sessionProblem: string | undefined;
        const prepare = route.requiresAuth
          ? (context: BrowserContext) => browserSession.applyTo(context, risk).catch((error: unknown) => {
            sessionProblem = errorMessage(error).split('\n')[0];
            throw error;
          })
          : undefined;

        const results: LhrLike[] = [];
        const reports = new Map<LhrLike, string>();
        const elsewhere: string[] = [];
        for (let run = 1; run <= runs; run += 1) {
          const started = performance.now();
          try {
            const { lhr, html } = await lighthouse.audit(url, flags, prepare);
            risk.record(lighthouseRunOperation(route.path, run, runs, { runtimeError: lhr.runtimeError, durationMs: performance.now() - started, lhr }));
            if (lhr.runtimeError) continue;
            // Scores of another page (a login page the route redirected to) say nothing about the route.
            const problem = pageShownProblem(url, lhr.finalDisplayedUrl ?? url, route, route.requiresAuth);
            if (problem) {
              elsewhere.push(`run ${run}: ${problem}`);
              continue;
            }
            results.push(lhr);
            if (html) reports.set(lhr, html);
          } catch (error) {
            if (sessionProblem) {
              risk.fail(`audit ${route.path} with the browser session`, `${route.path} requires auth and ${sessionProblem}`, { check: 'browser/session', durationMs: performance.now() - started });
              return;
            }
            risk.record(lighthouseRunOperation(route.path, run, runs, { thrown: errorMessage(error).split('\n')[0], durationMs: performance.now() - started }));
          }
        }
        const shownName = `page Lighthouse audited for ${route.path} is the route asked for`;
        if (elsewhere.length > 0) risk.fail(shownName, elsewhere.join('; '), { check: 'browser/page-shown', evidence: { asked: url } });
        else if (results.length > 0) risk.pass(shownName, { check: 'browser/page-shown', evidence: { asked: url } });
        if (results.length === 0) return;

        const representative = representativeRun(results);
        const html = representative && reports.get(representative);
        if (html) {
          // Attached by path: a text body would be printed in full by the terminal reporter on failure.
          const file = testInfo.outputPath(`lighthouse-${route.name}.html`);
          await writeFile(file, html);
          await testInfo.attach(`lighthouse-${route.name}.html`, { path: file, contentType: 'text/html' });
        }
        const assessed = evaluateAssertions(settings.assertions, results);
        for (const operation of lighthouseAssertionOperations(assessed, route.path, representative, target.policy.tools.lighthouse)) risk.record(operation);
        await testInfo.attach(`lighthouse-${route.name}-assertions.json`, { body: JSON.stringify(assessed, null, 2), contentType: 'application/json' });
      });
    }
  });
});
