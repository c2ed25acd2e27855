import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSection } from '../../../lib/config/sections/browser.ts';
import { routeSchema } from '../../../lib/config/sections/routes.ts';
import { visualSection } from '../../../lib/config/sections/visual.ts';
import { hasBackdrop } from '../../../lib/ui/domProbe.ts';

describe('browser and visual config sections', () => {
  it('give the same defaults whether the section is left out or written empty', () => {
    assert.deepEqual(browserSection.parse(undefined), browserSection.parse({}));
    assert.deepEqual(visualSection.parse(undefined), visualSection.parse({}));
  });

  it('default to desktop 1920x1080 and tablet 1024x768', () => {
    assert.deepEqual(browserSection.parse(undefined).viewports.map((v) => `${v.name} ${v.width}x${v.height}`), ['desktop 1920x1080', 'tablet 1024x768']);
  });

  it('refuse a route tag Playwright would not treat as a tag', () => {
    assert.equal(routeSchema.safeParse({ path: '/', name: 'home', tags: ['critical'] }).success, false);
    assert.equal(routeSchema.safeParse({ path: '/', name: 'home', tags: ['@critical'] }).success, true);
  });
});

describe('hasBackdrop', () => {
  it('counts a real filter and refuses none or empty', () => {
    assert.equal(hasBackdrop('blur(14px) saturate(1.4)'), true);
    assert.equal(hasBackdrop('none'), false);
    assert.equal(hasBackdrop(' '), false);
  });
});
