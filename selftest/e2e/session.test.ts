import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLoginApp, type LoginApp } from '../helpers/loginApp.ts';
import { digest, failedChecksOf, ROOT, runSuite, type SuiteRun } from '../helpers/runSuite.ts';

/**
 * Pages behind a login, on a small application written for it (selftest/helpers/loginApp.ts):
 * a route that lands on the login page fails in every gate that opens it and leaves no baseline;
 * a browser session (login steps, or values placed from the API login and the environment) opens
 * those routes in the browser, a11y (axe and Lighthouse), visual and smoke gates; a link to the
 * page it is on, the login's own redirect, an ignored request and a `noindex` header are no
 * failures; a token in a route's URL is never printed.
 */
const WORK = path.join(ROOT, '.work', 'selftest', `session-${process.pid}`);
// The target's baselines, beside its config (visual.baselineDir's default for a target named "notes").
const SNAPSHOTS = path.join(WORK, 'baselines', 'notes');
const PREFIX = `sess${process.pid}`;
const VIEWPORT = "viewports: [{ name: 'desktop', width: 1280, height: 800 }]";
const DESKTOP = 'at-desktop-1280x800';

const LOGIN_STEPS = (password: string) => `[
  { action: 'goto', path: '/login' },
  { action: 'fill', selector: '#username', value: '\${APP_USER}' },
  { action: 'fill', selector: '#password', value: '${password}' },
  { action: 'click', selector: 'button[type="submit"]' },
  { action: 'expectText', selector: 'h1', text: 'Dashboard' },
]`;

function writeConfig(app: LoginApp, name: string, body: string): string {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `${name}.config.ts`);
  // The passive security scan has its own self-test; this small application sends no security headers.
  writeFileSync(file, `export default {\n  target: { name: 'notes', baseUrl: '${app.url}' },\n  security: { gates: [] },\n${body}\n};\n`);
  return file;
}

function task(run: SuiteRun, id: string) {
  const found = run.tasks.find((t) => t.task_id === id);
  assert.ok(found, `no task ${id}\n${digest(run)}`);
  return found;
}

function baselines(): string[] {
  return existsSync(SNAPSHOTS) ? readdirSync(SNAPSHOTS).filter((file) => file.startsWith(PREFIX)) : [];
}

describe('pages behind a login', () => {
  let app: LoginApp;
  let env: Record<string, string>;
  before(async () => {
    app = await startLoginApp();
    env = { APP_USER: app.user, APP_PASSWORD: app.password, APP_SESSION: app.fixedSession };
  });
  after(async () => {
    await app.close();
    for (const file of baselines()) rmSync(path.join(SNAPSHOTS, file), { force: true });
  });

  it('fails a route that lands on the login page in the browser, axe and visual gates, writes no baseline of it, and fails a session whose login fails', async () => {
    const config = writeConfig(app, 'redirected', `  routes: [
    { path: '/reports', name: '${PREFIX}-unmarked' },
    { path: '/dashboard', name: '${PREFIX}-badlogin', requiresAuth: true },
  ],
  browser: { ${VIEWPORT}, session: { steps: ${LOGIN_STEPS('not-the-password')} } },
  a11y: { lighthouse: { enabled: false } },`);
    const run = await runSuite({ project: 'browser', noDeps: true, args: ['--project=a11y', '--project=visual', '--workers=2'], env: { ...env, VALIDATION_CONFIG: config, CI: '' }, timeoutMs: 420_000 });
    assert.notEqual(run.summary?.verdict, 'PASS', digest(run));
    const shown = /^page shown for \/reports is the route asked for: asked for \/reports, the page shown is \/login\?next=%2Freports: if the route is behind a login, set routes\[\]\.requiresAuth and configure browser\.session/;
    for (const id of [`browser/routes-${PREFIX}-unmarked-renders-cleanly-${DESKTOP}`, `a11y/axe-${PREFIX}-unmarked-has-no-wcag-violations`, `visual/screens-${PREFIX}-unmarked-${DESKTOP}`]) {
      const failed = failedChecksOf(task(run, id));
      assert.ok(failed.some((check) => shown.test(check)), `${id} names the page shown: ${failed.join(' | ')}\n${digest(run)}`);
      // Nothing else was judged on the login page: it is not the route.
      assert.equal(failed.length, 1, `${id}: ${failed.join(' | ')}`);
    }
    const login = /^visit \/dashboard with the browser session: \/dashboard requires auth and the browser session could not be built.*login step 5 of 5, browser\.session\.steps\[4\] \(expectText h1\), failed on \/login: /;
    for (const id of [`browser/routes-${PREFIX}-badlogin-renders-cleanly-${DESKTOP}`, `a11y/axe-${PREFIX}-badlogin-has-no-wcag-violations`, `visual/screens-${PREFIX}-badlogin-${DESKTOP}`]) {
      assert.ok(failedChecksOf(task(run, id)).some((check) => login.test(check)), `${id} says the login failed and where\n${digest(run)}`);
    }
    assert.deepEqual(baselines(), [], 'no baseline of the login page was written');
    const lighthouse = task(run, `a11y/lighthouse-${PREFIX}-unmarked-meets-its-score-thresholds`);
    assert.equal(lighthouse.status, 'skipped', digest(run));
    assert.ok(lighthouse.warnings.some((w) => /a11y\.lighthouse\.enabled is false/.test(w)), digest(run));
    assert.ok(!`${run.stdout}${run.logText}`.includes('not-the-password'), 'a typed password is redacted');
  });

  it('opens the routes behind the login with login steps in every gate: Lighthouse with noindex, a link to the current page, the login redirect and an ignored request pass', async () => {
    const config = writeConfig(app, 'steps', `  routes: [
    { path: '/dashboard', name: '${PREFIX}-dashboard', requiresAuth: true, expect: { text: ['Welcome back, ada'] } },
    { path: '/about', name: '${PREFIX}-about' },
  ],
  browser: {
    ${VIEWPORT}, ignoreRequests: ['/beacon$'],
    session: { steps: ${LOGIN_STEPS('${APP_PASSWORD}')} },
    interactions: [{ name: 'menu opens every page', route: '/dashboard', steps: [{ action: 'followEach', selector: 'nav a', expectUrl: '^/(dashboard|reports|about)$', expectVisible: ['h1'] }] }],
  },
  // SEO is what a noindex header fails; the other categories only cost time on a busy machine.
  a11y: { lighthouse: { routes: ['${PREFIX}-dashboard'], categories: ['seo'], timeoutMsPerRun: 300_000,
    assertions: { 'categories:performance': 'off', 'categories:accessibility': 'off', 'categories:best-practices': 'off' } } },
  smoke: { criticalPath: { ui: [
    { action: 'goto', path: '/login' },
    { action: 'fill', selector: '#username', value: '\${APP_USER}' },
    { action: 'fill', selector: '#password', value: '\${APP_PASSWORD}' },
    { action: 'click', selector: 'button[type="submit"]' },
    { action: 'expectText', selector: 'h1', text: 'Dashboard' },
    { action: 'click', selector: 'nav a[href="/reports"]' },
    { action: 'expectText', selector: 'h1', text: 'Reports' },
  ] } },`);
    const run = await runSuite({ project: 'browser', noDeps: true, args: ['--project=a11y', '--project=visual', '--project=smoke', '--workers=2'], env: { ...env, VALIDATION_CONFIG: config, CI: '' }, timeoutMs: 600_000 });
    assert.equal(run.exitCode, 0, digest(run));
    const ran = run.tasks.filter((t) => t.status !== 'skipped');
    assert.ok(ran.every((t) => t.status === 'completed' && t.metrics.failed_operations === 0), digest(run));
    for (const id of [
      `browser/routes-${PREFIX}-dashboard-renders-cleanly-${DESKTOP}`,
      `a11y/axe-${PREFIX}-dashboard-has-no-wcag-violations`,
      `a11y/lighthouse-${PREFIX}-dashboard-meets-its-score-thresholds`,
      `visual/screens-${PREFIX}-dashboard-${DESKTOP}`,
      'browser/interactions-menu-opens-every-page',
      'smoke/critical-path-through-the-pages',
    ]) assert.equal(task(run, id).status, 'completed', `${id} ran, with the session\n${digest(run)}`);
    // Home on the dashboard is a link to the page it is on: three pages, each a click and its checks.
    assert.ok(task(run, 'browser/interactions-menu-opens-every-page').metrics.operations >= 3 * 6, digest(run));
    assert.ok(baselines().includes(`${PREFIX}-dashboard-desktop.png`), `the dashboard's baseline is written: ${baselines().join(', ')}`);
    assert.ok(!`${run.stdout}${run.logText}${run.summaryMarkdown}`.includes(app.password), 'the password is redacted');
  });

  it('opens routes with values placed from the API login and the environment (local storage, a header, a cookie), and never prints a token from a route\'s URL', async () => {
    const config = writeConfig(app, 'placed', `  auth: { login: { path: '/api/login', body: { username: '\${APP_USER}', password: '\${APP_PASSWORD}' } } },
  routes: [
    { path: '/dashboard', name: '${PREFIX}-cookie', requiresAuth: true, expect: { text: ['Welcome back, ada'] } },
    { path: '/app', name: '${PREFIX}-storage', requiresAuth: true, expect: { text: ['Signed in as ada'] } },
    { path: '/private', name: '${PREFIX}-header', requiresAuth: true, expect: { text: ['Only with a token header'] } },
    { path: '/tree?token=${app.urlToken}', name: '${PREFIX}-tree' },
  ],
  // The tree page logs an error: made blocking so the task fails and its attachments are printed.
  severity: { 'browser/console-error': 'critical' },
  browser: { ${VIEWPORT}, session: { place: [
    { in: 'localStorage', name: 'app.token' },
    { in: 'header', name: 'Authorization', value: 'Bearer \${token}' },
    { in: 'cookie', name: 'sid', value: '\${APP_SESSION}' },
  ] } },`);
    const run = await runSuite({ project: 'browser', noDeps: true, args: ['--workers=2'], env: { ...env, VALIDATION_CONFIG: config, CI: '' }, timeoutMs: 300_000 });
    for (const kind of ['cookie', 'storage', 'header']) {
      const t = task(run, `browser/routes-${PREFIX}-${kind}-renders-cleanly-${DESKTOP}`);
      assert.ok(t.status === 'completed' && t.metrics.failed_operations === 0, `${kind}: ${failedChecksOf(t).join(' | ')}\n${digest(run)}`);
    }
    const tree = task(run, `browser/routes-${PREFIX}-tree-renders-cleanly-${DESKTOP}`);
    assert.equal(tree.status, 'failed', digest(run));
    assert.match(run.stdout, /attachment #\d+: console-tree-token-redacted-desktop\.log/, 'the attachment is named from the redacted URL');
    const attachments = readdirSync(path.join(run.outputRoot, 'test-results'), { recursive: true, encoding: 'utf8' }).join('\n');
    for (const secret of [app.urlToken, app.fixedSession, app.password]) {
      assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `a secret was printed on the terminal:\n${run.stdout.slice(-3000)}`);
      assert.ok(!run.logText.includes(secret) && !run.summaryMarkdown.includes(secret), 'a secret reached the reports');
      assert.ok(!attachments.includes(secret), 'a secret is in an attachment file name');
    }
    assert.ok(!readFileSync(path.join(run.outputRoot, 'reports', 'executive-summary.json'), 'utf8').includes(app.urlToken));
  });
});
