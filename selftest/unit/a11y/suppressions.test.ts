import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSuppression, isSuppressionExpired, suppressionLedger, suppressionMatches, suppressionsAsWaivers, type A11ySuppression } from '../../../lib/a11y/index.ts';

const base: A11ySuppression = { rule: 'color-contrast', reason: 'brand grey', owner: 'web-team', expires: '2026-12-31' };
const place = { rule: 'color-contrast', routeName: 'news', routePath: '/news', selector: 'p.note' };

describe('a11y suppressions', () => {
  it('match by rule, then by route name or path and selector when given', () => {
    assert.equal(suppressionMatches(base, place), true);
    assert.equal(suppressionMatches({ ...base, rule: 'image-alt' }, place), false);
    assert.equal(suppressionMatches({ ...base, route: 'news' }, place), true);
    assert.equal(suppressionMatches({ ...base, route: '/news' }, place), true);
    assert.equal(suppressionMatches({ ...base, route: 'home' }, place), false);
    assert.equal(suppressionMatches({ ...base, selector: 'p.note' }, place), true);
    assert.equal(suppressionMatches({ ...base, selector: '*' }, place), true);
    assert.equal(suppressionMatches({ ...base, selector: 'p' }, place), false);
  });

  it('apply through their last day, inclusive, and no longer after it', () => {
    assert.equal(isSuppressionExpired(base, new Date('2026-12-31T23:59:00Z')), false);
    assert.equal(isSuppressionExpired(base, new Date('2027-01-01T00:00:01Z')), true);
  });

  it('prefer an active suppression and report the expired ones met before it', () => {
    const old = { ...base, expires: '2026-01-01' };
    const found = findSuppression([old, base], place, new Date('2026-11-22'));
    assert.equal(found.active, base);
    assert.deepEqual(found.expired, [old]);
    assert.deepEqual(findSuppression([old], place, new Date('2026-11-22')), { expired: [old] });
  });

  it('list the suppressions of a route with their status and matched nodes', () => {
    const home = { ...base, route: 'home', expires: '2026-01-01' };
    const ledger = suppressionLedger([base, home], new Date('2026-11-22'), { name: 'home', path: '/' }, new Map([[base, 2]]));
    assert.deepEqual(ledger.map((e) => [e.route, e.status, e.matchedNodes]), [[undefined, 'active', 2], ['home', 'expired', 0]]);
    assert.equal(suppressionLedger([home], new Date('2026-11-22'), { name: 'news', path: '/news' }).length, 0);
  });

  it('read as risk waivers for the summary', () => {
    assert.deepEqual(suppressionsAsWaivers([{ ...base, selector: 'p.note', route: 'news' }]), [
      { check: 'a11y/axe-*#color-contrast on news [p.note]', reason: 'brand grey (axe suppression)', owner: 'web-team', expires: '2026-12-31' },
    ]);
  });
});
