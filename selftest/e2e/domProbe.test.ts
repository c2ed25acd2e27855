import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_QUIET_ARGS, chooseBrowser } from '../../lib/browser.ts';
import { elementAroundRegion, maskBoxes } from '../../lib/ui/domProbe.ts';

/**
 * The page probes the visual gate runs when a screen changed, in a real Chromium: which element
 * holds the changed region, and where the masked elements are (recorded with a baseline, so masked
 * content that changed size can be named when a screen changes).
 */
const PAGE = `<!doctype html><html><body style="margin:0">
<div id="top" style="position:absolute;left:0;top:0;width:400px;height:100px"></div>
<table class="quotes" style="position:absolute;left:0;top:200px;width:400px;border-collapse:collapse">
<tr><th style="width:100px;height:40px">SPY</th><td data-dynamic style="width:300px">598.40</td></tr>
</table>
<p data-dynamic style="position:absolute;margin:0;left:0;top:600px;width:50px;height:20px">far away</p>
<span data-dynamic style="display:none">hidden</span>
</body></html>`;

describe('page probes around a changed region', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    const choice = chooseBrowser(chromium.executablePath());
    assert.ok(choice, 'a Chromium to drive');
    browser = await chromium.launch({ executablePath: choice.executablePath, args: [...CHROMIUM_QUIET_ARGS] });
    page = await browser.newPage({ viewport: { width: 800, height: 800 } });
    await page.setContent(PAGE);
  });
  after(async () => browser?.close());

  it('names the smallest element holding the region', async () => {
    assert.equal(await page.evaluate(elementAroundRegion, { box: { x: 10, y: 205, width: 380, height: 30 }, fullPage: false }), 'body > table.quotes', 'the outermost of equal boxes');
    assert.equal(await page.evaluate(elementAroundRegion, { box: { x: 10, y: 10, width: 20, height: 20 }, fullPage: false }), 'body > div#top');
  });

  it('records every visible masked box per selector in document order, bounded, skipping selectors the page cannot parse', async () => {
    const selectors = ['[data-dynamic]', '#nothing', 'text=Playwright only'];
    assert.deepEqual(await page.evaluate(maskBoxes, { selectors, fullPage: false, limit: 10 }), [
      { selector: '[data-dynamic]', x: 101, y: 200, width: 299, height: 42 },
      { selector: '[data-dynamic]', x: 0, y: 600, width: 50, height: 20 },
    ]);
    assert.equal((await page.evaluate(maskBoxes, { selectors, fullPage: false, limit: 1 })).length, 1);
  });
});
