import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareImages } from '../../../lib/visual/compare.ts';
import { changedMessage, ciIsSet, createdMessage, describeDifference, missingBaselineAction, missingMessage, overToleranceAction, rewritesWithinTolerance, unstableMessage, updatedMessage } from '../../../lib/visual/policy.ts';
import { DARK, png, TEAL } from './images.ts';

const chromium150 = { browser: 'chromium', browserVersion: '150.0.7871.100', platform: 'linux' };
const chromium156 = { browser: 'chromium', browserVersion: '156.0.8078.108', platform: 'linux' };
const tolerance = { threshold: 0.2, maxDiffPixels: 50, maxDiffPixelRatio: 0.001 };

describe('what a run may do with baselines', () => {
  it('creates a missing baseline locally, fails it in CI or with --update-snapshots=none', () => {
    assert.equal(missingBaselineAction({ ci: false, updateMode: 'missing' }), 'create');
    assert.equal(missingBaselineAction({ ci: false, updateMode: 'default' }), 'create');
    assert.equal(missingBaselineAction({ ci: true, updateMode: 'missing' }), 'fail');
    assert.equal(missingBaselineAction({ ci: false, updateMode: 'none' }), 'fail');
    assert.equal(missingBaselineAction({ ci: true, updateMode: 'changed' }), 'create');
  });

  it('reads CI as CI services set it', () => {
    assert.equal(ciIsSet('true'), true);
    assert.equal(ciIsSet('1'), true);
    for (const off of [undefined, '', '0', 'false', 'FALSE']) assert.equal(ciIsSet(off), false, String(off));
  });

  it('rewrites a changed baseline only when asked to', () => {
    assert.equal(overToleranceAction('missing'), 'fail');
    assert.equal(overToleranceAction('none'), 'fail');
    assert.equal(overToleranceAction('changed'), 'write');
    assert.equal(overToleranceAction('all'), 'write');
    const small = compareImages(png(10, 10, DARK), png(10, 10, DARK, [{ x: 0, y: 0, width: 1, height: 1, colour: TEAL }]), 0.2);
    assert.equal(rewritesWithinTolerance('all', small), true);
    assert.equal(rewritesWithinTolerance('changed', small), false);
  });
});

describe('messages', () => {
  const comparison = compareImages(png(100, 100, DARK), png(100, 100, DARK, [{ x: 10, y: 20, width: 30, height: 4, colour: TEAL }]), 0.2);

  it('a difference after a browser update names both browsers and the command that reviews it', () => {
    const message = changedMessage({ label: '/ @desktop', file: 'baselines/shop/home-desktop.png', comparison, tolerance, baseline: chromium150, current: chromium156 });
    assert.match(message, /^120 pixels differ \(1\.20 % of 10000\), more than the 10 allowed, in 30x4 at x=10, y=20;/);
    assert.match(message, /the baseline was rendered by chromium 150\.0\.7871\.100 on linux, this screenshot by chromium 156\.0\.8078\.108 on linux/);
    assert.match(message, /review and accept with `npm run visual:update` \(baseline baselines\/shop\/home-desktop\.png\)$/);
  });

  it('the headless shell and the full browser of one version are two renderers, never "the page itself changed"', () => {
    const shell156 = { ...chromium156, browser: 'chromium headless shell' };
    const message = changedMessage({ label: 'x', file: 'f', comparison, tolerance, baseline: chromium156, current: shell156 });
    assert.match(message, /the baseline was rendered by chromium 156\.0\.8078\.108 on linux, this screenshot by chromium headless shell 156\.0\.8078\.108 on linux: if only the browser changed, accept the new images/);
  });

  it('a difference on the same browser says the page itself changed', () => {
    assert.match(changedMessage({ label: 'x', file: 'f', comparison, tolerance, baseline: chromium156, current: chromium156 }), /both rendered by chromium 156\.0\.8078\.108 on linux, so the page itself changed/);
    assert.match(changedMessage({ label: 'x', file: 'f', comparison, tolerance, baseline: undefined, current: chromium156 }), /rendered by an unrecorded browser/);
  });

  it('a difference names the element that holds it, and which masked content changed size', () => {
    const message = changedMessage({ label: 'x', file: 'f', comparison, tolerance, baseline: chromium156, current: chromium156, element: 'div > table.quotes', resizedMasks: ['[data-dynamic] was 82x40 at x=991, y=323, now 65x40'] });
    assert.match(message, /in 30x4 at x=10, y=20 \(div > table\.quotes\);/);
    assert.match(message, /so the page itself changed; masked content changed size since the baseline \(\[data-dynamic\] was 82x40 at x=991, y=323, now 65x40\): a mask hides the content, not the layout it pushes around/);
    assert.doesNotMatch(changedMessage({ label: 'x', file: 'f', comparison, tolerance, baseline: chromium156, current: chromium156, resizedMasks: [] }), /masked content/);
    const many = changedMessage({ label: 'x', file: 'f', comparison, tolerance, baseline: chromium156, current: chromium156, resizedMasks: ['a', 'b', 'c', 'd', 'e'] });
    assert.match(many, /\(a; b; c; 2 more\)/);
  });

  it('a rewrite within tolerance says it was within', () => {
    const small = compareImages(png(100, 100, DARK), png(100, 100, DARK, [{ x: 0, y: 0, width: 2, height: 1, colour: TEAL }]), 0.2);
    assert.match(updatedMessage('f', describeDifference(small, tolerance), 'all'), /^baseline rewritten at f \(--update-snapshots=all\): 2 pixels differ \(0\.02 % of 10000\), within the 10 allowed, in 2x1 at x=0, y=0$/);
  });

  it('a size change says so', () => {
    const taller = compareImages(png(10, 10, DARK), png(10, 12, DARK), 0.2);
    assert.match(changedMessage({ label: 'x', file: 'f', comparison: taller, tolerance, baseline: chromium156, current: chromium156 }), /^the size changed from 10x10 to 10x12/);
  });

  it('a missing baseline in CI says why and how to create it', () => {
    const message = missingMessage('baselines/shop/home-desktop.png', { ci: true, updateMode: 'missing' }, chromium156);
    assert.match(message, /^no baseline at baselines\/shop\/home-desktop\.png and CI is set, where baselines are never created: nothing was compared\. Create it with `npm run visual:update`/);
    assert.match(missingMessage('f', { ci: false, updateMode: 'none' }, chromium156), /--update-snapshots=none forbids creating it/);
    assert.match(createdMessage('f', chromium156, 'missing'), /^baseline created at f \(none existed; rendered by chromium 156\.0\.8078\.108 on linux\): look at it/);
  });

  it('an unstable screen names its region and element, and says it was not compared', () => {
    assert.match(unstableMessage(5, { x: 1, y: 2, width: 3, height: 4 }, 'p > span.ticker'), /^the page kept changing over 5 screenshots in a row, last in 3x4 at x=1, y=2 \(p > span\.ticker\), so it was not compared with its baseline: mask that region/);
  });
});
