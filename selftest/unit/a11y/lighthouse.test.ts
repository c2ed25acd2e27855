import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  evaluateAssertions, lighthouseAssertionOperations, lighthouseFlags, lighthouseRoutes, lighthouseRunOperation, lighthouseRuns, median, representativeRun, weakAudits,
  type LhrLike,
} from '../../../lib/a11y/index.ts';
import { lighthouseSchema } from '../../../lib/config/sections/a11y.ts';

/** A hand-built LHR: category scores, FCP/TTI for the median-run choice, one render-blocking audit. */
function lhr(performance: number, fcp = 1000, tti = 2000): LhrLike {
  return {
    requestedUrl: 'http://127.0.0.1:1/',
    categories: {
      performance: { id: 'performance', title: 'Performance', score: performance, auditRefs: [{ id: 'speed-index', weight: 10 }, { id: 'render-blocking-resources', weight: 0 }, { id: 'interactive', weight: 0 }] },
      seo: { id: 'seo', title: 'SEO', score: 1 },
    },
    audits: {
      'first-contentful-paint': { id: 'first-contentful-paint', title: 'First Contentful Paint', score: 1, numericValue: fcp },
      interactive: { id: 'interactive', title: 'Time to Interactive', score: 1, numericValue: tti },
      'speed-index': { id: 'speed-index', title: 'Speed Index', score: 0.13, scoreDisplayMode: 'numeric', displayValue: '2.1 s' },
      'render-blocking-resources': {
        id: 'render-blocking-resources', title: 'Eliminate render-blocking resources', score: 0, scoreDisplayMode: 'metricSavings', displayValue: 'Potential savings of 1,530 ms',
        details: { items: [{ url: 'http://127.0.0.1:1/_fault/slow.js' }, { url: 'http://127.0.0.1:1/styles.css' }] },
      },
    },
  };
}

describe('Lighthouse assertions', () => {
  it('median is the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([0.9, 0.5, 0.7]), 0.7);
    assert.equal(median([90, 50, 70, 60]), 65);
    assert.equal(median([]), undefined);
  });

  it('judge each level: error fails, warn warns, off is not evaluated', () => {
    const runs = [lhr(0.76)];
    const results = evaluateAssertions({
      'categories:performance': ['error', { minScore: 0.9 }],
      'categories:seo': ['warn', { minScore: 0.9 }],
      'audits:speed-index': 'off',
    }, runs);
    assert.deepEqual(results.map((r) => [r.key, r.level, r.passed, r.actual]), [['categories:performance', 'error', false, 0.76], ['categories:seo', 'warn', true, 1]]);
    const ops = lighthouseAssertionOperations(results, '/', runs[0]);
    assert.deepEqual(ops.map((op) => [op.name, op.outcome, op.severity]), [['categories:performance on /', 'fail', 'high'], ['categories:seo on /', 'pass', 'medium']]);
    assert.equal(ops[0]?.metrics?.score, 76);
    const warned = lighthouseAssertionOperations(evaluateAssertions({ 'categories:performance': ['warn', { minScore: 0.8 }] }, runs), '/', runs[0]);
    assert.equal(warned[0]?.outcome, 'warn');
  });

  it('name the weakest audits of a category that fell short, with the URLs they blame', () => {
    const [op] = lighthouseAssertionOperations(evaluateAssertions({ 'categories:performance': ['error', { minScore: 0.9 }] }, [lhr(0.76)]), '/', lhr(0.76));
    assert.match(op?.message ?? '', /^minScore is 0\.76 \(1 run\), expected >= 0\.90; weakest audits: Eliminate render-blocking resources 0\.00 \(Potential savings of 1,530 ms: \/_fault\/slow\.js, \/styles\.css\); Speed Index 0\.13 \(2\.1 s\)/);
    assert.deepEqual(weakAudits(lhr(0.76), 'performance').map((a) => a.id), ['render-blocking-resources', 'speed-index']);
  });

  it('use the operators of Lighthouse CI on audits: maxNumericValue and maxLength', () => {
    const results = evaluateAssertions({
      'audits:first-contentful-paint': ['error', { maxNumericValue: 1500 }],
      'audits:render-blocking-resources': ['warn', { maxLength: 0 }],
    }, [lhr(1, 1800)]);
    assert.deepEqual(results.map((r) => [r.operator, r.comparator, r.actual, r.passed]), [['maxNumericValue', '<=', 1800, false], ['maxLength', '<=', 2, false]]);
    const ops = lighthouseAssertionOperations(results, '/', lhr(1, 1800));
    assert.equal(ops[1]?.message, 'maxLength is 2 (1 run), expected <= 0; it names /_fault/slow.js, /styles.css');
  });

  it('take the median over the runs, as LIGHTHOUSE_RUNS asks', () => {
    const [result] = evaluateAssertions({ 'categories:performance': ['error', { minScore: 0.9 }] }, [lhr(0.95), lhr(0.5), lhr(0.92)]);
    assert.equal(result?.actual, 0.92);
    assert.deepEqual(result?.values, [0.95, 0.5, 0.92]);
    assert.equal(result?.passed, true);
    assert.match(result?.message ?? '', /the median of 3 runs/);
  });

  it('fail an assertion on something no run measured', () => {
    const [result] = evaluateAssertions({ 'categories:accessibility': ['error', { minScore: 0.9 }] }, [lhr(1)]);
    assert.equal(result?.passed, false);
    assert.match(result?.message ?? '', /was not measured/);
  });

  it('attach the run closest to the median FCP and TTI', () => {
    const runs = [lhr(0.9, 900, 1900), lhr(0.8, 1500, 3000), lhr(0.95, 1000, 2000)];
    assert.equal(representativeRun(runs), runs[2]);
  });

  it('record a run that Lighthouse could not complete as a failed operation', () => {
    const op = lighthouseRunOperation('/', 1, 2, { runtimeError: { code: 'CHROME_INTERSTITIAL_ERROR', message: 'Chrome prevented page load' }, durationMs: 12 });
    assert.equal(op.outcome, 'fail');
    assert.match(op.message ?? '', /Lighthouse could not audit \/: CHROME_INTERSTITIAL_ERROR/);
    const passed = lighthouseRunOperation('/', 1, 1, { durationMs: 5, lhr: lhr(1, 812.4) });
    assert.equal(passed.outcome, 'pass');
    assert.deepEqual(passed.metrics, { runMs: 5, fcpMs: 812 });
  });
});

describe('Lighthouse plan', () => {
  const routes = [{ name: 'home', path: '/' }, { name: 'news', path: '/news' }];

  it('audits the first route unless routes are named, and reports unknown names', () => {
    assert.deepEqual(lighthouseRoutes(routes, []).routes, [routes[0]]);
    assert.deepEqual(lighthouseRoutes(routes, ['news', 'nope']), { routes: [routes[1]], unknown: ['nope'] });
  });

  it('takes LIGHTHOUSE_RUNS over the config and refuses a bad value', () => {
    assert.equal(lighthouseRuns(1, {}), 1);
    assert.equal(lighthouseRuns(1, { LIGHTHOUSE_RUNS: '3' }), 3);
    assert.throws(() => lighthouseRuns(1, { LIGHTHOUSE_RUNS: 'three' }), /LIGHTHOUSE_RUNS must be a whole number from 1 to 9, got "three"/);
    assert.throws(() => lighthouseRuns(1, { LIGHTHOUSE_RUNS: '0' }));
  });

  it('hands the desktop defaults, the categories and an HTML report to Lighthouse', () => {
    const flags = lighthouseFlags(lighthouseSchema.parse({}), 'production');
    assert.deepEqual(flags.onlyCategories, ['performance', 'accessibility', 'best-practices', 'seo']);
    assert.equal(flags.formFactor, 'desktop');
    assert.equal(flags.screenEmulation.mobile, false);
    assert.equal(flags.throttling.rttMs, 40);
    assert.match(flags.emulatedUserAgent, /Macintosh/);
    assert.equal(flags.output, 'html');
  });

  it('skips the indexing audit outside the environments that must be indexable: a staging or local server sends noindex', () => {
    const defaults = lighthouseSchema.parse({});
    assert.equal(defaults.enabled, true);
    assert.deepEqual(defaults.indexableIn, ['production']);
    assert.deepEqual(lighthouseFlags(defaults, 'local').skipAudits, ['is-crawlable']);
    assert.deepEqual(lighthouseFlags(defaults, 'staging').skipAudits, ['is-crawlable']);
    assert.equal('skipAudits' in lighthouseFlags(defaults, 'production'), false, 'production keeps it: noindex there hides the product from search');
    assert.equal('skipAudits' in lighthouseFlags(lighthouseSchema.parse({ indexableIn: ['staging', 'production'] }), 'staging'), false);
  });

  it('can be switched off for a target', () => {
    assert.equal(lighthouseSchema.parse({ enabled: false }).enabled, false);
    assert.equal(lighthouseSchema.safeParse({ indexableIn: ['prod'] }).success, false);
  });
});
