import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { HOOK_MARKER, commitDecision, hookScript, isOurHook, shellQuote, type CommitFinding, type SummaryForCommit } from '../../../lib/ci/precommit.ts';

const finding = (severity: CommitFinding['severity'], synthetic = false): CommitFinding => ({
  taskId: `audit/${severity}`, operation: `${severity} check`, severity, message: 'found', synthetic,
});
/** A summary of an audit run under the commit policy: its failures blocked, its findings did not. */
const summary = (failures: CommitFinding[], findings: CommitFinding[] = [], interrupted = false): SummaryForCommit => ({
  verdict: failures.length > 0 ? 'CRITICAL' : 'WARNING', result: { failures, findings, interrupted, policy: { blockOn: ['critical', 'high'] } },
});

describe('commit decision', () => {
  test("the run's failures under the commit policy (critical and high) block; its findings are shown", () => {
    const decision = commitDecision(summary([finding('critical'), finding('high')], [finding('low')]), false);
    assert.equal(decision.block, true);
    assert.deepEqual(decision.blocking.map((f) => f.severity), ['critical', 'high']);
    assert.deepEqual(decision.advisory.map((f) => f.severity), ['low']);
    assert.match(decision.reason, /2 critical or high finding\(s\) block the commit/);
    const lesser = commitDecision(summary([], [finding('medium'), finding('low')]), false);
    assert.equal(lesser.block, false);
    assert.match(lesser.reason, /2 lesser finding\(s\)/);
  });

  test('--strict blocks on every finding too', () => {
    const strict = commitDecision(summary([], [finding('medium'), finding('low')]), true);
    assert.equal(strict.block, true);
    assert.deepEqual(strict.blocking.map((f) => f.severity), ['medium', 'low']);
  });

  test('a crashed check or an interrupted audit blocks in both modes: nothing proves the commit clean', () => {
    assert.equal(commitDecision(summary([finding('critical', true)]), false).block, true);
    assert.equal(commitDecision(summary([], [], true), false).block, true);
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
