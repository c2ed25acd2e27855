import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commonAncestor } from '../../../projects/buildProjects.ts';
import { GATES, QUICK_GATES, allProjects, buildGateProjects, nearestMemberAncestors, requestedProjects, wantsQuickChain } from '../../../projects/index.ts';

describe('gate projects', () => {
  test('the full chain is audit -> data-flows -> {browser, a11y, visual} -> contracts -> smoke', () => {
    const projects = buildGateProjects(GATES, { rootDir: '/suite' });
    const deps = Object.fromEntries(projects.map((p) => [p.name, p.dependencies]));
    assert.deepEqual(deps, {
      audit: [], 'data-flows': ['audit'], browser: ['data-flows'], a11y: ['data-flows'], visual: ['data-flows'],
      contracts: ['browser', 'a11y', 'visual'], smoke: ['contracts'],
    });
  });
  test('quick has its own chain of the three core gates, without the browser gates', () => {
    assert.deepEqual(nearestMemberAncestors(GATES, 'smoke', new Set(QUICK_GATES)), ['data-flows']);
    const quick = allProjects({ rootDir: '/suite' }).filter((p) => p.name?.startsWith('quick'));
    const deps = Object.fromEntries(quick.map((p) => [p.name, p.dependencies]));
    assert.deepEqual(deps, { 'quick-audit': [], 'quick-data-flows': ['quick-audit'], 'quick-smoke': ['quick-data-flows'], quick: ['quick-audit', 'quick-data-flows', 'quick-smoke'] });
  });
  test('every gate project carries its gate and phase in metadata; full depends on every gate', () => {
    const projects = allProjects({ rootDir: '/suite' });
    for (const project of projects.filter((p) => p.name !== 'full' && p.name !== 'quick')) {
      const metadata = project.metadata as { gate: string; phase: string };
      assert.ok(GATES.some((g) => g.name === metadata.gate && g.phase === metadata.phase), project.name);
    }
    assert.deepEqual(projects.find((p) => p.name === 'full')?.dependencies, GATES.map((g) => g.name));
  });
  test("a gate's specs are matched under its folder, plus the team's own folders from config", () => {
    const [audit] = buildGateProjects(GATES, { rootDir: '/suite', members: ['audit'], extraFolders: { audit: ['team-specs/audit'] } });
    const matchers = audit?.testMatch as RegExp[];
    assert.ok(matchers.some((re) => re.test('/suite/tests/audit/secrets.spec.ts')));
    assert.ok(matchers.some((re) => re.test('/suite/team-specs/audit/x/own.spec.ts')));
    assert.ok(!matchers.some((re) => re.test('/suite/tests/smoke/health.spec.ts')));
    // Playwright walks testDir: the folders' common ancestor, never more.
    assert.equal(audit?.testDir, '/suite');
    const [alone] = buildGateProjects(GATES, { rootDir: '/suite', members: ['audit'] });
    assert.equal(alone?.testDir, '/suite/tests/audit');
    assert.equal(commonAncestor(['/suite/tests/audit', '/suite/tests/audit2', '/suite/tests/audit/deep']), '/suite/tests');
    assert.equal(commonAncestor(['/a/b', '/c/d']), '/');
    assert.equal(commonAncestor(['/a/b', '/a/b/..hidden/specs']), '/a/b');
  });
  test('the quick chain exists only when asked for: a plain run runs each gate once', () => {
    assert.deepEqual(allProjects({ rootDir: '/suite', quick: false }).map((p) => p.name), [...GATES.map((g) => g.name), 'full']);
    assert.deepEqual(requestedProjects(['test', '--project=full', '--project', 'quick', 'audit', '--no-deps']), ['full', 'quick', 'audit']);
    assert.equal(wantsQuickChain(['test'], {}), false);
    assert.equal(wantsQuickChain(['test', '--project=full'], {}), false);
    assert.equal(wantsQuickChain(['test', '--project=quick'], {}), true);
    assert.equal(wantsQuickChain(['test', '--project', 'quick-smoke', '--no-deps'], {}), true);
    assert.equal(wantsQuickChain(['test', '--project=qu*'], {}), true);
    assert.equal(wantsQuickChain(['test'], { VALIDATION_QUICK_CHAIN: '1' }), true, 'a worker follows its runner');
  });
});
