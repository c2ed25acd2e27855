import { writeFile } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import { axeViewRules, pageSelector, renderAxeView, VIEW_LIMITS, type AxeResultsLike } from '../../lib/a11y/index.ts';

const SHOT_TIMEOUT_MS = 2_000;
const OUTLINE_ATTRIBUTE = 'data-axe-view-outline';

/** Outlines (or un-outlines) the nodes; a selector the page cannot parse is passed over. */
async function outline(page: Page, selectors: string[], on: boolean): Promise<void> {
  await page.evaluate(({ selectors, on, attribute }) => {
    for (const selector of selectors) {
      let nodes: Element[] = [];
      try {
        nodes = [...document.querySelectorAll(selector)];
      } catch {
        continue;
      }
      for (const node of nodes) {
        const element = node as HTMLElement;
        if (on) {
          element.setAttribute(attribute, element.style.outline);
          element.style.outline = '3px solid #e00';
        } else if (element.hasAttribute(attribute)) {
          element.style.outline = element.getAttribute(attribute) ?? '';
          element.removeAttribute(attribute);
        }
      }
    }
  }, { selectors, on, attribute: OUTLINE_ATTRIBUTE });
}

/**
 * The route's violations as an HTML page attached to the test (by path, like the Lighthouse report,
 * so the executive summary links it): each node pictured, and the page with the nodes outlined.
 * Only a route with violations pays for the pictures.
 */
export async function attachAxeView(page: Page, testInfo: TestInfo, route: { name: string; path: string }, results: AxeResultsLike & { url: string; testEngine?: { version?: string } }): Promise<void> {
  const rules = axeViewRules(results);
  if (rules.length === 0) return;
  let budget = VIEW_LIMITS.screenshots;
  for (const rule of rules) {
    for (const node of rule.nodes) {
      const selector = pageSelector(node.target);
      if (!selector || budget <= 0) continue;
      budget -= 1;
      node.screenshot = await page.locator(selector).first().screenshot({ timeout: SHOT_TIMEOUT_MS, animations: 'disabled' }).catch(() => undefined);
    }
  }
  const selectors = [...new Set(rules.flatMap((rule) => rule.nodes.map((node) => pageSelector(node.target)).filter((s): s is string => Boolean(s))))];
  let pageShot: Buffer | undefined;
  try {
    await outline(page, selectors, true);
    pageShot = await page.screenshot({ fullPage: true, timeout: SHOT_TIMEOUT_MS * 5, animations: 'disabled' });
  } catch {
    // a page that cannot be pictured still gets its rules and nodes listed
  } finally {
    await outline(page, selectors, false).catch(() => undefined);
  }
  const name = `axe-${route.name}.html`;
  const file = testInfo.outputPath(name);
  await writeFile(file, renderAxeView({ routeName: route.name, routePath: route.path, url: results.url, engine: results.testEngine?.version, rules, page: pageShot }));
  await testInfo.attach(name, { path: file, contentType: 'text/html' });
}
