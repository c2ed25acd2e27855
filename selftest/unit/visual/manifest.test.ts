import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRenderer, emptyManifest, ManifestError, ownershipProblem, parseManifest, rendererChanged, rendererOf, serialiseManifest, sha256, type ManifestEntry } from '../../../lib/visual/manifest.ts';
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
    assert.match(ownershipProblem(emptyManifest('Blog'), 'Shop', 'baselines/shop') ?? '', /baselines\/shop belong to target "Blog" \(its manifest\.json\), not to "Shop": give this target its own folder with visual\.baselineDir/);
  });
});
