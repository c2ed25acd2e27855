import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedDiffPixels, compareImages, decodePng, describeBox, withinTolerance } from '../../../lib/visual/compare.ts';
import { DARK, png, TEAL } from './images.ts';

const tolerance = { threshold: 0.2, maxDiffPixels: 50, maxDiffPixelRatio: 0.001 };

describe('compareImages', () => {
  it('finds no difference between equal images, and makes no diff image', () => {
    const result = compareImages(png(40, 30, DARK), png(40, 30, DARK), 0.2);
    assert.equal(result.diffPixels, 0);
    assert.equal(result.totalPixels, 1200);
    assert.equal(result.region, undefined);
    assert.equal(result.diffPng, undefined);
  });

  it('counts the changed pixels and boxes where they are', () => {
    const changed = png(40, 30, DARK, [{ x: 5, y: 7, width: 4, height: 3, colour: TEAL }]);
    const result = compareImages(png(40, 30, DARK), changed, 0.2);
    assert.equal(result.diffPixels, 12);
    assert.deepEqual(result.region, { x: 5, y: 7, width: 4, height: 3 });
    assert.ok(result.diffPng && decodePng(result.diffPng, 'diff').width === 40);
    assert.equal(describeBox(result.region), '4x3 at x=5, y=7');
  });

  it('ignores colour changes under the per-pixel threshold', () => {
    const nearly = png(20, 20, [12, 17, 33]);
    assert.equal(compareImages(png(20, 20, DARK), nearly, 0.2).diffPixels, 0);
    assert.equal(compareImages(png(20, 20, DARK), png(20, 20, TEAL), 0.2).diffPixels, 400);
  });

  it('compares images of different sizes on the larger canvas, and never calls them within tolerance', () => {
    const result = compareImages(png(20, 20, DARK), png(20, 24, DARK), 0.2);
    assert.deepEqual(result.expectedSize, { width: 20, height: 20 });
    assert.deepEqual(result.actualSize, { width: 20, height: 24 });
    assert.equal(result.totalPixels, 480);
    assert.equal(withinTolerance(result, { ...tolerance, maxDiffPixels: 10_000, maxDiffPixelRatio: 1 }), false);
  });

  it('names the image that is not a PNG', () => {
    assert.throws(() => compareImages(Buffer.from('not a png'), png(2, 2, DARK), 0.2), /the baseline is not a readable PNG image/);
  });
});

describe('tolerance', () => {
  it('allows the smaller of the absolute and the relative allowance (Playwright\'s rule)', () => {
    assert.equal(allowedDiffPixels(1920 * 1080, tolerance), 50);
    assert.equal(allowedDiffPixels(100 * 100, tolerance), 10);
    assert.equal(allowedDiffPixels(1920 * 1080, { maxDiffPixels: 0, maxDiffPixelRatio: 0.5 }), 0);
  });

  it('passes a difference at the allowance and fails one pixel more', () => {
    const base = png(100, 100, DARK);
    const ten = compareImages(base, png(100, 100, DARK, [{ x: 0, y: 0, width: 10, height: 1, colour: TEAL }]), 0.2);
    const eleven = compareImages(base, png(100, 100, DARK, [{ x: 0, y: 0, width: 11, height: 1, colour: TEAL }]), 0.2);
    assert.equal(withinTolerance(ten, tolerance), true);
    assert.equal(withinTolerance(eleven, tolerance), false);
  });
});
