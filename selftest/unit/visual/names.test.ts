import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselineFileName, screenName, screenNameClashes, slug, targetFolderName } from '../../../lib/visual/names.ts';

describe('baseline names', () => {
  it('gives a target a safe folder name', () => {
    assert.equal(targetFolderName('PaiiD demo'), 'paiid-demo');
    assert.equal(targetFolderName('Café Über / Admin'), 'cafe-uber-admin');
    assert.equal(targetFolderName('../../etc'), 'etc');
    assert.equal(targetFolderName('!!!'), 'target');
    assert.equal(targetFolderName('x'.repeat(100)).length, 64);
  });

  it('names a screen by route and viewport, without the browser or its version', () => {
    assert.equal(screenName('home', 'desktop'), 'home-desktop');
    assert.equal(screenName('pnl', 'Tablet Wide'), 'pnl-tablet-wide');
    assert.equal(baselineFileName('home-desktop'), 'home-desktop.png');
    assert.equal(slug(' P&L page '), 'p-l-page');
  });

  it('reports routes or viewports that would share a baseline file, with their key paths', () => {
    const problems = screenNameClashes([{ name: 'home' }, { name: 'news' }, { name: 'home' }], [{ name: 'desktop' }, { name: 'Desktop' }]);
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /^routes\[2\]\.name "home" names the same screens as routes\[0\]\.name "home"/);
    assert.match(problems[1] ?? '', /^browser\.viewports\[1\]\.name "Desktop" names the same screens as browser\.viewports\[0\]\.name "desktop" \("desktop"\)/);
    assert.deepEqual(screenNameClashes([{ name: 'a' }], [{ name: 'b' }]), []);
  });
});
