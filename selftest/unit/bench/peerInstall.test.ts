import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  failedPackages, installDecision, installFailureMessage, PEER_PACKAGES, peersNeeding, RETRY_COMMAND, type InstallFacts, type LockData,
} from '../../../bench/peers/install.ts';
import { ROOT } from '../../helpers/runSuite.ts';

const installed: InstallFacts = { manifestMtimeMs: 1_000, lockMtimeMs: 1_000, markerMtimeMs: 5_000, missingBins: [] };

describe('whether the peer tools need installing', () => {
  test('installed after the last change to bench/package*.json, with every command: nothing to do', () => {
    assert.deepEqual(installDecision(installed), { install: false, reason: 'installed and up to date' });
  });

  test('no install marker: install', () => {
    const decision = installDecision({ ...installed, markerMtimeMs: undefined, missingBins: ['lhci'] });
    assert.equal(decision.install, true);
    assert.match(decision.reason, /not installed/);
  });

  test('a lockfile or manifest newer than the install: install, naming the file', () => {
    const lock = installDecision({ ...installed, lockMtimeMs: 9_000 });
    assert.equal(lock.install, true);
    assert.match(lock.reason, /bench\/package-lock\.json changed since the last install/);
    const both = installDecision({ ...installed, lockMtimeMs: 9_000, manifestMtimeMs: 9_000 });
    assert.match(both.reason, /bench\/package-lock\.json and bench\/package\.json changed/);
  });

  test('a file written within a second of the install counts as the same install', () => {
    assert.equal(installDecision({ ...installed, lockMtimeMs: 5_900 }).install, false);
  });

  test('a peer command missing from node_modules/.bin: install, naming it', () => {
    const decision = installDecision({ ...installed, missingBins: ['pa11y-ci', 'prism'] });
    assert.equal(decision.install, true);
    assert.match(decision.reason, /missing from bench\/node_modules\/\.bin: pa11y-ci, prism/);
  });
});

describe("the packages npm's error output blames", () => {
  test('a version the registry does not have', () => {
    assert.deepEqual(failedPackages('npm error code ETARGET\nnpm error notarget No matching version found for @lhci/cli@0.99.99.\n'), ['@lhci/cli']);
  });

  test('a package the registry does not have, named once although npm names it twice', () => {
    const output = [
      'npm error code E404',
      'npm error 404 Not Found - GET https://registry.npmjs.org/@stoplight%2fprism-cli - Not found',
      "npm error 404  The requested resource '@stoplight/prism-cli@5.99.0' could not be found or you do not have permission to access it.",
    ].join('\n');
    assert.deepEqual(failedPackages(output), ['@stoplight/prism-cli']);
  });

  test('a download that failed: the package of the tarball or document URL', () => {
    assert.deepEqual(failedPackages('npm error FetchError: request to https://registry.npmjs.org/puppeteer-core/-/puppeteer-core-24.10.0.tgz failed, reason: socket hang up'), ['puppeteer-core']);
    assert.deepEqual(failedPackages('npm error FetchError: request to http://127.0.0.1:9/zod failed, reason: connect ECONNREFUSED 127.0.0.1:9'), ['zod']);
  });

  test('a lockfile out of step with the manifests', () => {
    assert.deepEqual(failedPackages("npm error Missing: third-party-web@0.30.0 from lock file\nnpm error Invalid: lock file's semver@5.7.2 does not satisfy semver@7.6.0"), ['third-party-web', 'semver']);
  });

  test("a failed install script: the package of npm's path line", () => {
    assert.deepEqual(failedPackages('npm error code 1\nnpm error path /repo/bench/node_modules/puppeteer\nnpm error command failed\nnpm error command sh -c node install.mjs'), ['puppeteer']);
  });

  test('output that names no package gives none', () => {
    assert.deepEqual(failedPackages('npm error code ENOSPC\nnpm error syscall write\n'), []);
  });
});

describe('which peer needs a package', () => {
  const lock: LockData = {
    packages: {
      '': {},
      'node_modules/@lhci/cli': { dependencies: { lighthouse: '12.6.1', debug: '^4' } },
      'node_modules/lighthouse': { dependencies: { 'third-party-web': '^0.26.6' } },
      'node_modules/third-party-web': {},
      'node_modules/pa11y-ci': { dependencies: { pa11y: '^9', debug: '^4' } },
      'node_modules/pa11y': { dependencies: { 'third-party-web': 'latest' } },
      'node_modules/pa11y/node_modules/third-party-web': {},
      'node_modules/debug': {},
      'node_modules/secretlint': {},
      'node_modules/@stoplight/prism-cli': {},
    },
  };

  test('a direct entry of bench/package.json names its peer', () => {
    assert.deepEqual(peersNeeding(lock, '@stoplight/prism-cli'), ['prism']);
    assert.deepEqual(peersNeeding(lock, '@secretlint/secretlint-rule-preset-recommend'), ['secretlint']);
  });

  test('a dependency shared by two peers names both, nested copies included', () => {
    assert.deepEqual(peersNeeding(lock, 'debug'), ['lhci', 'pa11y-ci']);
    assert.deepEqual(peersNeeding(lock, 'third-party-web'), ['lhci', 'pa11y-ci']);
  });

  test('a package no peer reaches names none', () => {
    assert.deepEqual(peersNeeding(lock, 'left-pad'), []);
  });

  test("in the bench's own lockfile, Lighthouse's third-party-web belongs to lhci and every peer is an entry", () => {
    const real = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'package-lock.json'), 'utf8')) as LockData & { packages: { '': { dependencies: Record<string, string> } } };
    assert.deepEqual(peersNeeding(real, 'third-party-web'), ['lhci']);
    assert.deepEqual(Object.keys(real.packages[''].dependencies).sort(), PEER_PACKAGES.flatMap((p) => p.packages).sort());
  });
});

describe('the message when the install fails', () => {
  const lock: LockData = { packages: { 'node_modules/@lhci/cli': { dependencies: { lighthouse: '1' } }, 'node_modules/lighthouse': {} } };
  const npmLines = Array.from({ length: 30 }, (_, i) => `npm verb line ${i}`);

  test('names the package, the peer that needs it, what the error means, and the command to retry', () => {
    const message = installFailureMessage({
      exitCode: 1, timedOut: false, timeoutMs: 600_000, lock, logFile: 'bench/.work/peers/npm-ci.log',
      output: [...npmLines, 'npm error code ETARGET', 'npm error notarget No matching version found for lighthouse@99.0.0.'].join('\n'),
    });
    assert.match(message, /^could not install the peer tools into bench\/node_modules: npm ci exited with code 1$/m);
    assert.match(message, /^ {2}package: lighthouse, needed by lhci$/m);
    assert.match(message, /npm error ETARGET: no such version in the registry/);
    assert.match(message, /full output: bench\/\.work\/peers\/npm-ci\.log/);
    assert.ok(message.endsWith(`retry by hand, from the repository root: ${RETRY_COMMAND}`));
    assert.match(RETRY_COMMAND, /^PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 .*npm ci --prefix bench$/);
    // npm's output is quoted by its tail only.
    assert.ok(!message.includes('npm verb line 17'));
    assert.ok(message.includes('npm verb line 29'));
  });

  test('an unreachable registry: the first download that failed, without the stack npm prints', () => {
    const output = [
      'npm error code ECONNREFUSED',
      'npm error FetchError: request to http://127.0.0.1:9/lighthouse failed, reason: connect ECONNREFUSED 127.0.0.1:9',
      'npm error     at ClientRequest.<anonymous> (/usr/lib/node_modules/npm/node_modules/minipass-fetch/lib/index.js:130:14)',
      'npm error',
    ].join('\n');
    const message = installFailureMessage({ exitCode: 1, timedOut: false, timeoutMs: 600_000, lock, logFile: 'log', output });
    assert.match(message, /^ {2}first download that failed: lighthouse, needed by lhci$/m);
    assert.match(message, /npm error ECONNREFUSED: the npm registry is unreachable/);
    assert.doesNotMatch(message, /ClientRequest/);
  });

  test("a lockfile out of step: npm's reason is quoted, its help text for `npm ci` is not", () => {
    const output = [
      'npm error code EUSAGE', 'npm error', 'npm error Missing: third-party-web@0.30.0 from lock file', 'npm error',
      'npm error Clean install a project', 'npm error', 'npm error Usage:', 'npm error npm ci',
    ].join('\n');
    const message = installFailureMessage({ exitCode: 1, timedOut: false, timeoutMs: 600_000, lock, logFile: 'log', output });
    assert.match(message, /npm error EUSAGE: bench\/package-lock\.json does not match bench\/package\.json/);
    assert.match(message, /Missing: third-party-web@0\.30\.0 from lock file/);
    assert.doesNotMatch(message, /Usage:|Clean install/);
  });

  test("a failed install script: the package whose script failed, and the peer that pulls it in", () => {
    const withPuppeteer: LockData = { packages: { 'node_modules/pa11y-ci': { dependencies: { puppeteer: '^24' } }, 'node_modules/puppeteer': {} } };
    const output = 'npm error code 1\nnpm error path /repo/bench/node_modules/puppeteer\nnpm error command failed\nnpm error command sh -c node install.mjs';
    const message = installFailureMessage({ exitCode: 1, timedOut: false, timeoutMs: 600_000, lock: withPuppeteer, logFile: 'log', output });
    assert.match(message, /^ {2}package: puppeteer, needed by pa11y-ci$/m);
    assert.match(message, /npm error ELIFECYCLE: a package's install script failed/);
  });

  test('a timeout says how long it waited and points at the registry', () => {
    const message = installFailureMessage({ exitCode: null, timedOut: true, timeoutMs: 600_000, lock, logFile: 'log', output: '' });
    assert.match(message, /npm ci did not finish within 10 min and was stopped/);
    assert.match(message, /registry may be slow or unreachable/);
    assert.doesNotMatch(message, /npm's last lines/);
  });
});

test('a user error of bench:peers prints one line and no stack trace', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench', 'peers.ts'), '--runs', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 1);
  assert.equal(result.stderr.trim(), 'bench:peers: --runs must be a positive integer, got "0"');
});
