import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { digest, failedChecksOf, readRun, runSuite, tasksOf } from '../helpers/runSuite.ts';
import { copyBaselines, DEMO_BASELINES, folderDigest, scratchTarget, visualUpdate } from '../helpers/visualSetup.ts';

/**
 * Baselines that hold: each target's own folder beside its config, comparison across browser
 * versions (the manifest says which rendered each baseline), no silent creation in CI, masks that
 * make a changing page comparable, and the review and accept command. Each run is one gate alone
 * on one or two screens.
 */
type Manifest = { target: string; screens: Record<string, { browserVersion: string; sha256: string }> };
const readManifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('visual baselines', () => {
  it('a second target creates its own baselines beside its config, then compares them; the demo\'s stay untouched', async () => {
    const demoBefore = folderDigest(DEMO_BASELINES);
    // Its route is called "home" like the demo's, but shows the login page: sharing a file would fail.
    const { dir, config } = scratchTarget('second', `target: { ...base.target, name: 'Second Shop' }, routes: [{ path: '/login', name: 'home', masks: ['[data-dynamic]'] }]`);
    const own = path.join(dir, 'baselines', 'second-shop');
    const args = ['--grep', 'screens home at desktop'];
    const first = await runSuite({ project: 'visual', noDeps: true, args, env: { VALIDATION_CONFIG: config, CI: '' }, timeoutMs: 300_000 });
    const created = tasksOf(first, 'visual').find((t) => t.task_id === 'visual/screens-home-at-desktop-1920x1080');
    assert.equal(created?.status, 'completed', digest(first));
    assert.ok(created.warnings.some((w) => /^screenshot of \/login @desktop matches its baseline: baseline created at \.work\/selftest\/visual-second-\d+\/baselines\/second-shop\/home-desktop\.png \(none existed; rendered by chromium(?: headless shell)? [\d.]+ on linux\)/.test(w)), digest(first));
    assert.deepEqual(readdirSync(own).sort(), ['home-desktop.png', 'manifest.json']);
    assert.equal(readManifest(own).target, 'Second Shop');
    assert.match(first.summaryMarkdown, /\| home-desktop \(\/login @desktop\) \| created \| new screen \| none \| chromium(?: headless shell)? [\d.]+ on linux \| \[actual\]\(visual\/home-desktop-actual\.png\) \|/, 'the summary shows the created image');
    assert.ok(existsSync(path.join(first.outputRoot, 'reports', 'visual', 'home-desktop-actual.png')));

    // In CI now: it compares against what it created, nothing is missing, nothing is written.
    const second = await runSuite({ project: 'visual', noDeps: true, args, env: { VALIDATION_CONFIG: config, CI: '1' }, timeoutMs: 300_000 });
    const compared = tasksOf(second, 'visual').find((t) => t.task_id === 'visual/screens-home-at-desktop-1920x1080');
    assert.equal(second.exitCode, 0, digest(second));
    assert.equal(compared?.status, 'completed', digest(second));
    assert.equal(compared.metrics.warn_operations, 0, digest(second));
    assert.equal(folderDigest(DEMO_BASELINES), demoBefore, 'the demo\'s baselines are untouched');
  });

  it("a target that compares with another's baselines on purpose (visual.baselinesOf) passes on a matching screen, fails on a missing one, and never writes the owner's folder", async () => {
    const { dir, config } = scratchTarget('borrowed', `target: { ...base.target, name: 'Next Shop' }, routes: base.routes.filter((r) => r.name === 'home' || r.name === 'login'), visual: { ...base.visual, baselineDir: 'owner', baselinesOf: base.target.name }`);
    const owner = path.join(dir, 'owner');
    copyBaselines(owner, ['home-desktop']);
    const before = folderDigest(owner);
    // Not in CI: a target of its own would create the missing baseline here.
    const run = await runSuite({ project: 'visual', noDeps: true, args: ['--grep', 'screens (home|login) at desktop'], env: { VALIDATION_CONFIG: config, CI: '' }, timeoutMs: 300_000 });
    const tasks = tasksOf(run, 'visual');
    const home = tasks.find((t) => t.task_id === 'visual/screens-home-at-desktop-1920x1080');
    assert.equal(home?.status, 'completed', `the same page as the owner's baseline passes\n${digest(run)}`);
    assert.equal(home.metrics.warn_operations, 0, digest(run));
    const login = tasks.find((t) => t.task_id === 'visual/screens-login-at-desktop-1920x1080');
    assert.ok(login && failedChecksOf(login).some((e) => /login-desktop\.png is missing: this target compares with the baselines of "PaiiD demo" \(visual\.baselinesOf\) and never writes them; run "PaiiD demo"'s visual gate to make it/.test(e)), digest(run));
    assert.equal(folderDigest(owner), before, "the owner's baselines and manifest are untouched");
  });

  it('after a browser-version change a layout fault is caught, naming both versions; an unchanged screen still passes; the change is accepted', async () => {
    // Baselines recorded as rendered by Chromium 150, the version a fresh Debian install had.
    const { dir, config } = scratchTarget('browser-change', `routes: base.routes.filter((r) => r.name === 'home' || r.name === 'login'), visual: { ...base.visual, baselineDir: 'from-chromium-150' }`);
    const baselines = path.join(dir, 'from-chromium-150');
    copyBaselines(baselines, ['home-desktop', 'login-desktop'], (entry) => ({ ...entry, browserVersion: '150.0.7871.100' }));
    const run = await runSuite({ project: 'visual', noDeps: true, faults: ['layout-shift'], args: ['--grep', 'screens (home|login) at desktop'], env: { VALIDATION_CONFIG: config, CI: '1' }, timeoutMs: 300_000 });
    const tasks = tasksOf(run, 'visual');
    const login = tasks.find((t) => t.task_id === 'visual/screens-login-at-desktop-1920x1080');
    assert.equal(login?.status, 'completed', `compared across versions, within tolerance\n${digest(run)}`);
    assert.equal(login.metrics.warn_operations, 0, digest(run));
    const home = tasks.find((t) => t.task_id === 'visual/screens-home-at-desktop-1920x1080');
    assert.ok(home, digest(run));
    assert.notEqual(run.summary?.verdict, 'PASS', digest(run));
    assert.ok(failedChecksOf(home).some((e) => /^screenshot of \/ @desktop matches its baseline: \d+ pixels differ .* the baseline was rendered by chromium(?: headless shell)? 150\.0\.7871\.100 on linux, this screenshot by chromium(?: headless shell)? (?!150\.0\.7871\.100)[\d.]+ on linux: if only the browser changed, accept the new images\. Expected, actual and diff images are attached; review and accept with `npm run visual:update`/.test(e)), digest(run));

    // The summary lists the changed screen with its three images, copied beside it.
    for (const kind of ['expected', 'actual', 'diff']) {
      assert.match(run.summaryMarkdown, new RegExp(`\\[${kind}\\]\\(visual/home-desktop-${kind}\\.png\\)`));
      assert.ok(existsSync(path.join(run.outputRoot, 'reports', 'visual', `home-desktop-${kind}.png`)), kind);
    }
    assert.match(run.summaryMarkdown, /## Visual changes\n\n1 changed, 0 without a baseline/);

    // Accepting writes exactly the reviewed image, and the manifest now names this run's browser.
    const reviewed = readFileSync(path.join(run.outputRoot, 'reports', 'visual', 'home-desktop-actual.png'));
    const accepted = await visualUpdate(['--accept', 'home-desktop'], { VALIDATION_CONFIG: config, OUTPUT_ROOT: run.outputRoot });
    assert.equal(accepted.code, 0, accepted.out);
    assert.match(accepted.out, /accepted home-desktop -> \.work\/selftest\/visual-browser-change-\d+\/from-chromium-150\/home-desktop\.png \(rendered by chromium(?: headless shell)? [\d.]+ on linux\)/);
    assert.ok(readFileSync(path.join(baselines, 'home-desktop.png')).equals(reviewed));
    const manifest = readManifest(baselines);
    assert.notEqual(manifest.screens['home-desktop']?.browserVersion, '150.0.7871.100');
    assert.equal(manifest.screens['login-desktop']?.browserVersion, '150.0.7871.100', 'the other entry is kept');
  });

  it('CI=1 with a missing baseline fails saying how to create it; visual:update lists it and accepts it', async () => {
    const { dir, config } = scratchTarget('missing', `routes: [{ path: '/login', name: 'fresh', masks: ['[data-dynamic]'] }]`);
    const own = path.join(dir, 'baselines', 'paiid-demo');
    const outputRoot = path.join(dir, 'out');
    const review = await visualUpdate(['--grep', 'screens fresh at desktop'], { VALIDATION_CONFIG: config, OUTPUT_ROOT: outputRoot, CI: '1' });
    const run = readRun(outputRoot);
    const task = run.tasks.find((t) => t.task_id === 'visual/screens-fresh-at-desktop-1920x1080');
    assert.ok(task, review.out.slice(-3000));
    assert.notEqual(run.summary?.verdict, 'PASS', review.out.slice(-3000));
    assert.ok(failedChecksOf(task).some((e) => /^screenshot of \/login @desktop matches its baseline: no baseline at \.work\/selftest\/visual-missing-\d+\/baselines\/paiid-demo\/fresh-desktop\.png and CI is set, where baselines are never created: nothing was compared\. Create it with `npm run visual:update`/.test(e)), failedChecksOf(task).join('\n'));
    assert.equal(existsSync(path.join(own, 'fresh-desktop.png')), false, 'nothing is created in CI');
    assert.equal(review.code, 0, review.out.slice(-3000));
    assert.match(review.out, /missing {3}fresh-desktop \(\/login @desktop\): new screen, no baseline yet/);
    assert.match(review.out, /Accept them with: npm run visual:update -- --accept all {3}\(or --accept fresh-desktop\)/);

    const accepted = await visualUpdate(['--accept', 'all'], { VALIDATION_CONFIG: config, OUTPUT_ROOT: outputRoot });
    assert.equal(accepted.code, 0, accepted.out);
    assert.ok(existsSync(path.join(own, 'fresh-desktop.png')), accepted.out);
    assert.equal(readManifest(own).screens['fresh-desktop']?.sha256.length, 64);
    const unknown = await visualUpdate(['--accept', 'nope-desktop'], { VALIDATION_CONFIG: config, OUTPUT_ROOT: outputRoot });
    assert.equal(unknown.code, 1);
    assert.match(unknown.out, /^visual:update: cannot accept:\n {2}- "nope-desktop" is not among the reviewed screens \(fresh-desktop\)\n$/);
  });

  it('a changing region masked by config holds still: the page is captured and its baseline created', async () => {
    const { dir, config } = scratchTarget('masked', `routes: [{ path: '/backtesting', name: 'ticker', masks: ['[data-dynamic]', '[data-testid="fault-ticker"]'] }]`);
    const run = await runSuite({ project: 'visual', noDeps: true, faults: ['unstable-ticker'], args: ['--grep', 'screens ticker at desktop'], env: { VALIDATION_CONFIG: config, CI: '' }, timeoutMs: 300_000 });
    const task = tasksOf(run, 'visual').find((t) => t.task_id === 'visual/screens-ticker-at-desktop-1920x1080');
    assert.equal(task?.status, 'completed', digest(run));
    assert.ok(!run.logText.includes('kept changing'), digest(run));
    assert.ok(task.warnings.some((w) => /baseline created at .*ticker-desktop\.png/.test(w)), digest(run));
    assert.ok(existsSync(path.join(dir, 'baselines', 'paiid-demo', 'ticker-desktop.png')));
  });
});
