import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseBrowser, HEADED_BROWSER_VARIABLE, rendersInHeadlessShell, wantsHeadedBrowser } from '../../../lib/browser.ts';

/** A file system that holds exactly these files. */
const only = (...files: string[]) => (file: string) => files.includes(file);

describe('chooseBrowser', () => {
  it("leaves Playwright's own Chromium to Playwright, which picks its headless shell itself", () => {
    const choice = chooseBrowser('/pw/chrome', {}, only('/pw/chrome', '/usr/bin/chromium', '/usr/lib/chromium/chromium-headless-shell'));
    assert.deepEqual(choice, { executablePath: undefined, source: 'playwright' });
  });

  it("prefers Debian's headless shell beside the system Chromium for a headless run", () => {
    const choice = chooseBrowser('/pw/missing', {}, only('/usr/bin/chromium', '/usr/lib/chromium/chromium-headless-shell'));
    assert.deepEqual(choice, { executablePath: '/usr/lib/chromium/chromium-headless-shell', source: 'system', headlessShell: true });
  });

  it('takes the full browser when the run shows a window, or when no shell is installed', () => {
    const files = only('/usr/bin/chromium', '/usr/lib/chromium/chromium-headless-shell');
    assert.deepEqual(chooseBrowser(undefined, {}, files, { headless: false }), { executablePath: '/usr/bin/chromium', source: 'system' });
    assert.deepEqual(chooseBrowser(undefined, {}, only('/usr/bin/chromium')), { executablePath: '/usr/bin/chromium', source: 'system' });
  });

  it('never pairs a Chrome with a Chromium shell: another vendor renders other pixels', () => {
    const choice = chooseBrowser(undefined, {}, only('/usr/bin/google-chrome', '/usr/lib/chromium/chromium-headless-shell'));
    assert.deepEqual(choice, { executablePath: '/usr/bin/google-chrome', source: 'system' });
  });

  it('runs headless on a machine that has only the shell, and finds nothing for a headed run there', () => {
    const files = only('/usr/bin/chromium-headless-shell');
    assert.deepEqual(chooseBrowser(undefined, {}, files), { executablePath: '/usr/bin/chromium-headless-shell', source: 'system', headlessShell: true });
    assert.equal(chooseBrowser(undefined, {}, files, { headless: false }), undefined);
  });

  it('takes CHROMIUM_PATH exactly as given, and nothing when it names no file', () => {
    const files = only('/opt/chrome/chrome', '/usr/lib/chromium/chromium-headless-shell');
    assert.deepEqual(chooseBrowser(undefined, { CHROMIUM_PATH: '/opt/chrome/chrome' }, files), { executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
    assert.deepEqual(chooseBrowser(undefined, { CHROMIUM_PATH: '/usr/lib/chromium/chromium-headless-shell' }, files), { executablePath: '/usr/lib/chromium/chromium-headless-shell', source: 'CHROMIUM_PATH', headlessShell: true });
    assert.equal(chooseBrowser(undefined, { CHROMIUM_PATH: '/nowhere' }, files), undefined);
  });
});

describe('wantsHeadedBrowser', () => {
  it("knows Playwright's options that open a window, and PWDEBUG", () => {
    for (const arg of ['--headed', '--debug', '--ui', '--ui-port=0', '--ui-host=0.0.0.0']) assert.equal(wantsHeadedBrowser(['node', 'playwright', 'test', arg], {}), true, arg);
    assert.equal(wantsHeadedBrowser(['node', 'playwright', 'test', '--project=full'], {}), false);
    assert.equal(wantsHeadedBrowser(['node', 'playwright', 'test'], { PWDEBUG: '1' }), true);
    for (const value of ['console', '0', 'false']) assert.equal(wantsHeadedBrowser(['node', 'playwright', 'test'], { PWDEBUG: value }), false, `PWDEBUG=${value} opens no window`);
  });

  it("a worker, whose arguments lack the runner's --headed, reads the runner's decision from the environment", () => {
    assert.equal(wantsHeadedBrowser(['node', 'workerProcessEntry.js'], { [HEADED_BROWSER_VARIABLE]: '1' }), true);
    assert.equal(wantsHeadedBrowser(['node', 'workerProcessEntry.js'], {}), false);
  });
});

describe('rendersInHeadlessShell', () => {
  it('names the renderer from the executable, or from how Playwright launches its own Chromium', () => {
    assert.equal(rendersInHeadlessShell('/usr/lib/chromium/chromium-headless-shell', true, undefined), true);
    assert.equal(rendersInHeadlessShell('/usr/bin/chromium', true, undefined), false);
    assert.equal(rendersInHeadlessShell(undefined, true, undefined), true);
    assert.equal(rendersInHeadlessShell(undefined, false, undefined), false);
    assert.equal(rendersInHeadlessShell(undefined, true, 'chrome'), false);
  });
});
