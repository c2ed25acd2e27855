import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { HOOK_MARKER, commitDecision, hookScript, isOurHook, shellQuote, type CommitFinding, type SummaryForCommit } from '../../../lib/ci/precommit.ts';

const finding = (severity: CommitFinding['severity'], synthetic = false): CommitFinding => ({
  taskId: `audit/${severity}`, operation: `${severity} check`, severity, message: 'found', synthetic,
});
const summary = (failures: CommitFinding[], interrupted = false): SummaryForCommit => ({
  verdict: failures.length > 0 ? 'CRITICAL' : 'WARNING', result: { failures, interrupted },
});

describe('commit decision', () => {
  test('by default only critical findings block; high, medium and low are shown', () => {
    const decision = commitDecision(summary([finding('critical'), finding('high'), finding('low')]), false);
    assert.equal(decision.block, true);
    assert.deepEqual(decision.blocking.map((f) => f.severity), ['critical']);
    assert.deepEqual(decision.advisory.map((f) => f.severity), ['high', 'low']);
    assert.equal(commitDecision(summary([finding('high'), finding('medium')]), false).block, false);
  });

  test('--strict blocks on any high or critical finding, never on medium or low alone', () => {
    assert.equal(commitDecision(summary([finding('high')]), true).block, true);
    assert.equal(commitDecision(summary([finding('critical')]), true).block, true);
    const lesser = commitDecision(summary([finding('medium'), finding('low')]), true);
    assert.equal(lesser.block, false);
    assert.match(lesser.reason, /2 lesser finding\(s\)/);
  });

  test('a crashed check or an interrupted audit blocks in both modes: nothing proves the commit clean', () => {
    assert.equal(commitDecision(summary([finding('high', true)]), false).block, true);
    assert.equal(commitDecision(summary([], true), false).block, true);
    assert.equal(commitDecision(summary([]), false).block, false);
  });
});

describe('hook script', () => {
  const script = hookScript({ suiteRoot: "/opt/it's suite", target: '/repo/app dir', strict: true });

  test('carries the marker, runs the gate from the suite on the recorded target, strict when asked', () => {
    assert.ok(script.startsWith('#!/bin/sh\n'));
    assert.ok(isOurHook(script));
    assert.match(script, /cd '\/opt\/it'\\''s suite' \|\| exit 1/);
    assert.match(script, /exec node --import tsx scripts\/precommit\.ts --target '\/repo\/app dir' --strict\n$/);
    assert.doesNotMatch(hookScript({ suiteRoot: '/s', target: '/t', strict: false }), /--strict/);
  });

  test('a foreign hook is not ours, even if it mentions the marker text inside a line', () => {
    assert.equal(isOurHook('#!/bin/sh\nnpx lint-staged\n'), false);
    assert.equal(isOurHook(`#!/bin/sh\necho "${HOOK_MARKER}"\n`), false);
  });

  test('the script is valid sh', () => {
    const result = spawnSync('sh', ['-n'], { input: script });
    assert.equal(result.status, 0, result.stderr.toString());
  });

  test('shell quoting keeps any path one word', () => {
    for (const value of ["it's", 'a b', '$(rm -rf x)', '"q"', 'back\\slash']) {
      const out = spawnSync('sh', ['-c', `printf %s ${shellQuote(value)}`]).stdout.toString();
      assert.equal(out, value);
    }
  });
});
