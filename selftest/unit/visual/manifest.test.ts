import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRenderer, emptyManifest, ManifestError, MAX_MASK_BOXES, ownershipProblem, parseManifest, rendererChanged, rendererOf, resizedMasks, serialiseManifest, sha256, type ManifestEntry, type MaskBox } from '../../../lib/visual/manifest.ts';
import { DARK, png } from './images.ts';

const image = png(4, 4, DARK);
const entry = (over: Partial<ManifestEntry> = {}): ManifestEntry => ({
  route: '/', viewport: 'desktop', width: 4, height: 4, browser: 'chromium', browserVersion: '156.0.8078.108', platform: 'linux',
  sha256: sha256(image), acceptedAt: '2026-11-22T17:51:13Z', ...over,
});

describe('baseline manifest', () => {
  it('round-trips, with screens sorted so one accepted screen changes only its own lines', () => {
    const manifest = emptyManifest('Shop');
    manifest.screens['news-desktop'] = entry({ route: '/news' });
    manifest.screens['home-desktop'] = entry();
    const text = serialiseManifest(manifest);
    assert.ok(text.indexOf('home-desktop') < text.indexOf('news-desktop'));
    assert.deepEqual(parseManifest(text, 'm.json'), { version: 1, target: 'Shop', screens: { 'home-desktop': entry(), 'news-desktop': entry({ route: '/news' }) } });
  });

  it('reports every problem with its key path', () => {
    const text = JSON.stringify({ version: 1, target: '', screens: { 'home-desktop': { ...entry(), sha256: 'abc', width: -1 }, Bad: entry() }, extra: true });
    assert.throws(() => parseManifest(text, 'baselines/shop/manifest.json'), (error: Error) => {
      assert.ok(error instanceof ManifestError);
      assert.match(error.message, /^baselines\/shop\/manifest\.json is not a valid baseline manifest:/);
      assert.match(error.message, /target must not be empty/);
      assert.match(error.message, /screens\.home-desktop\.sha256 must be a SHA-256 hex digest, got "abc"/);
      assert.match(error.message, /screens\.home-desktop\.width must be > 0, got -1/);
      assert.match(error.message, /extra is not a known key/);
      return true;
    });
  });

  it('refuses a file that is not JSON, or a newer version, saying so', () => {
    assert.throws(() => parseManifest('{', 'm.json'), /m\.json is not a valid baseline manifest:\n {2}- the file is not JSON/);
    assert.throws(() => parseManifest('{"version":2,"target":"x","screens":{}}', 'm.json'), /version 2 was written by a newer suite/);
  });

  it('trusts an entry only for the image it was recorded for', () => {
    const manifest = { ...emptyManifest('Shop'), screens: { 'home-desktop': entry() } };
    assert.equal(rendererOf(manifest, 'home-desktop', image)?.browserVersion, '156.0.8078.108');
    assert.equal(rendererOf(manifest, 'home-desktop', png(4, 4, [0, 0, 0])), undefined);
    assert.equal(rendererOf(manifest, 'news-desktop', image), undefined);
    assert.equal(rendererOf(undefined, 'home-desktop', image), undefined);
  });

  it('tells renderers apart and describes them', () => {
    const current = { browser: 'chromium', browserVersion: '150.0.7871.100', platform: 'linux' };
    assert.equal(rendererChanged(entry(), current), true);
    assert.equal(rendererChanged(entry({ browserVersion: '150.0.7871.100' }), current), false);
    assert.equal(rendererChanged(undefined, current), true);
    assert.equal(describeRenderer(current), 'chromium 150.0.7871.100 on linux');
    assert.equal(describeRenderer(undefined), 'an unrecorded browser');
  });

  it('refuses another target\'s folder, naming both targets and the key to set', () => {
    assert.equal(ownershipProblem(emptyManifest('Shop'), 'Shop', 'baselines/shop'), undefined);
    assert.equal(ownershipProblem(undefined, 'Shop', 'baselines/shop'), undefined);
    assert.match(ownershipProblem(emptyManifest('Blog'), 'Shop', 'baselines/shop') ?? '', /baselines\/shop belong to target "Blog" \(its manifest\.json\), not to "Shop": give this target its own folder with visual\.baselineDir, or compare with them on purpose with visual\.baselinesOf: "Blog"/);
    // Another target's baselines on purpose (visual.baselinesOf): those of the target it names, no other.
    assert.equal(ownershipProblem(emptyManifest('Shop'), 'Shop 2', 'baselines/shop', 'Shop'), undefined);
    assert.match(ownershipProblem(emptyManifest('Blog'), 'Shop 2', 'baselines/blog', 'Shop') ?? '', /belong to target "Blog" .*not to "Shop", whose baselines visual\.baselinesOf says they are/);
  });
});

describe('masked content that changed size', () => {
  const box = (selector: string, x: number, width: number, height = 40): MaskBox => ({ selector, x, y: 300, width, height });
  const table = [box('[data-dynamic]', 100, 82), box('[data-dynamic]', 190, 90), box('time', 10, 120, 20)];

  it('names each selector whose first box in document order changed size, with where it was', () => {
    assert.deepEqual(resizedMasks(table, [box('[data-dynamic]', 100, 82), box('[data-dynamic]', 190, 75), box('time', 10, 120, 20)]), ['[data-dynamic] was 90x40 at x=190, y=300, now 75x40']);
    assert.deepEqual(resizedMasks(table, [box('[data-dynamic]', 100, 82), box('[data-dynamic]', 190, 90)]), ['time had 1 element(s), now 0']);
    assert.deepEqual(resizedMasks(table, [...table, box('time', 10, 120, 20)]), ['time had 1 element(s), now 2']);
  });

  it('says nothing when only the position moved (the layout moved them, the diff shows that) or nothing was recorded', () => {
    assert.deepEqual(resizedMasks(table, table.map((b) => ({ ...b, y: b.y + 120 }))), []);
    assert.deepEqual(resizedMasks(undefined, [box('time', 0, 1)]), []);
  });

  it('serialises each box on one line and reads back what it wrote', () => {
    const manifest = parseManifest(JSON.stringify({ version: 1, target: 't', screens: { home: { route: '/', viewport: 'desktop', width: 10, height: 10, browser: 'chromium', browserVersion: '1', platform: 'linux', sha256: 'a'.repeat(64), acceptedAt: '2026-11-30T00:00:00Z', masks: [...table, box('a[title="x, y"]', -3, 1.5)] } } }), 'm');
    const text = serialiseManifest(manifest);
    assert.deepEqual(parseManifest(text, 'm'), manifest);
    assert.match(text, /^ {8}\{ "selector": "\[data-dynamic\]", "x": 100, "y": 300, "width": 82, "height": 40 \},?$/m);
    assert.match(text, /^ {8}\{ "selector": "a\[title=\\"x, y\\"\]", "x": -3, "y": 300, "width": 1\.5, "height": 40 \}$/m);
  });

  it('a manifest entry carries at most MAX_MASK_BOXES boxes, and an older entry without them still parses', () => {
    const entry = { route: '/', viewport: 'desktop', width: 10, height: 10, browser: 'chromium', browserVersion: '1', platform: 'linux', sha256: 'a'.repeat(64), acceptedAt: '2026-11-30T00:00:00Z' };
    const text = (masks?: MaskBox[]) => JSON.stringify({ version: 1, target: 't', screens: { home: masks ? { ...entry, masks } : entry } });
    assert.equal(parseManifest(text(), 'm').screens.home?.masks, undefined);
    assert.equal(parseManifest(text(table), 'm').screens.home?.masks?.length, 3);
    assert.throws(() => parseManifest(text(Array.from({ length: MAX_MASK_BOXES + 1 }, () => table[0] as MaskBox)), 'm'), /masks/);
  });
});
