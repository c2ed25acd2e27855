import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invalidPaletteEntries, nearestPaletteColour, offPaletteColours, parseCssColour, type ColourSample } from '../../../lib/ui/colour.ts';

const PALETTE = ['#0b1020', '#141b2d', '#e8edf7', '#2dd4bf', '#f87171'];

describe('parseCssColour', () => {
  it('reads the forms browsers compute', () => {
    assert.deepEqual(parseCssColour('rgb(232, 237, 247)'), { hex: '#e8edf7', alpha: 1 });
    assert.deepEqual(parseCssColour('rgba(20, 27, 45, 0.78)'), { hex: '#141b2d', alpha: 0.78 });
    assert.equal(parseCssColour('color(srgb 1 0 0.6667)')?.hex, '#ff00aa');
  });

  it('drops fully transparent colours and what is not a colour', () => {
    assert.equal(parseCssColour('rgba(0, 0, 0, 0)'), undefined);
    assert.equal(parseCssColour('transparent'), undefined);
    assert.equal(parseCssColour('none'), undefined);
  });
});

describe('nearestPaletteColour', () => {
  it('accepts a palette colour and a rounding neighbour within tolerance', () => {
    const exact = nearestPaletteColour({ hex: '#2dd4bf', alpha: 1 }, PALETTE, 3);
    assert.equal(exact.withinTolerance, true);
    assert.equal(exact.distance, 0);
    assert.equal(nearestPaletteColour({ hex: '#e9edf7', alpha: 1 }, PALETTE, 3).withinTolerance, true);
  });

  it('rejects a clearly different colour and names the nearest entry', () => {
    const match = nearestPaletteColour({ hex: '#ff00aa', alpha: 1 }, PALETTE, 3);
    assert.equal(match.withinTolerance, false);
    assert.equal(match.nearest, '#f87171');
    assert.ok(match.distance > 10, `distance ${match.distance}`);
  });

  it('ignores alpha: a translucent palette colour is on-palette', () => {
    assert.equal(nearestPaletteColour({ hex: '#141b2d', alpha: 0.5 }, PALETTE, 0).withinTolerance, true);
  });
});

describe('offPaletteColours', () => {
  const samples: ColourSample[] = [
    { element: 'main > h1', property: 'color', value: 'rgb(255, 0, 170)' },
    { element: 'main > h2', property: 'color', value: 'rgb(255, 0, 170)' },
    { element: 'body', property: 'background-color', value: 'rgb(11, 16, 32)' },
    { element: 'div', property: 'background-color', value: 'rgba(0, 0, 0, 0)' },
    { element: 'p', property: 'color', value: 'rgb(232, 237, 247)' },
  ];

  it('groups off-palette colours with their elements and ignores transparent ones', () => {
    const off = offPaletteColours(samples, PALETTE, 3);
    assert.equal(off.length, 1);
    assert.equal(off[0]?.hex, '#ff00aa');
    assert.equal(off[0]?.count, 2);
    assert.deepEqual(off[0]?.elements, ['main > h1', 'main > h2']);
  });

  it('finds nothing on a page drawn from the palette', () => {
    assert.deepEqual(offPaletteColours(samples.slice(2), PALETTE, 3), []);
  });

  it('names palette entries that are not colours', () => {
    assert.deepEqual(invalidPaletteEntries(['#0b1020', 'tealish']), ['tealish']);
  });
});
