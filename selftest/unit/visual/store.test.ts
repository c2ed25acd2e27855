import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sha256 } from '../../../lib/visual/manifest.ts';
import { readManifest, updateManifest, writeBaseline } from '../../../lib/visual/store.ts';
import { DARK, png, TEAL } from './images.ts';

const root = mkdtempSync(path.join(tmpdir(), 'mo-baselines-'));
after(() => rmSync(root, { recursive: true, force: true }));
const origin = { route: '/', viewport: 'desktop', browser: 'chromium', browserVersion: '156.0.8078.108', platform: 'linux' };

describe('baseline store', () => {
  it('writes the image and its manifest entry', async () => {
    const dir = path.join(root, 'one');
    const image = png(6, 5, TEAL);
    const file = await writeBaseline(dir, 'Shop', 'home-desktop', image, origin, new Date('2026-11-29T10:00:00Z'));
    assert.equal(file, path.join(dir, 'home-desktop.png'));
    assert.ok(readFileSync(file).equals(image));
    assert.deepEqual(readManifest(dir)?.screens['home-desktop'], { ...origin, width: 6, height: 5, sha256: sha256(image), acceptedAt: '2026-11-29T10:00:00.000Z' });
  });

  it('keeps every entry when many screens are written at once', async () => {
    const dir = path.join(root, 'many');
    const screens = Array.from({ length: 12 }, (_, i) => `route${i}-desktop`);
    await Promise.all(screens.map((screen) => writeBaseline(dir, 'Shop', screen, png(3, 3, DARK), origin)));
    assert.deepEqual(Object.keys(readManifest(dir)?.screens ?? {}).sort(), [...screens].sort());
  });

  it('refuses to write into another target\'s folder', async () => {
    const dir = path.join(root, 'owned');
    await writeBaseline(dir, 'Blog', 'home-desktop', png(3, 3, DARK), origin);
    await assert.rejects(writeBaseline(dir, 'Shop', 'home-desktop', png(3, 3, TEAL), origin), /belong to target "Blog"/);
  });

  it('takes over a lock left behind by a killed writer', async () => {
    const dir = path.join(root, 'stale');
    await updateManifest(dir, 'Shop', () => undefined);
    const lock = path.join(dir, 'manifest.json.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await updateManifest(dir, 'Shop', (manifest) => {
      manifest.screens['home-desktop'] = { ...origin, width: 1, height: 1, sha256: 'a'.repeat(64), acceptedAt: '2026-11-29T10:00:00Z' };
    });
    assert.ok(readManifest(dir)?.screens['home-desktop']);
  });

  it('reads no manifest from a folder that has none', () => {
    assert.equal(readManifest(path.join(root, 'nothing-here')), undefined);
  });
});
