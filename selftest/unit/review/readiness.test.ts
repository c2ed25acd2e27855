import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviewSection } from '../../../lib/config/sections/review.ts';
import { appendLines, parseReviews, type ReviewRecord } from '../../../lib/review/log.ts';
import { computeReadiness, describeReadiness, discrepanciesOf, planOf, type ReviewDecision } from '../../../lib/review/readiness.ts';

const plan = planOf(reviewSection.parse({ signOffs: [{ gates: ['contracts'], reviewers: ['R2', 'alice'] }, { name: 'design', gates: ['browser', 'visual'], reviewers: ['R1', 'R3'], approvals: 2 }] }));
const passed = { contracts: 'passed', browser: 'passed', visual: 'passed' };
let clock = 0;
const decision = (sign_off: string, reviewer: string, kind: 'approve' | 'reject', extra: Partial<ReviewDecision> = {}): ReviewDecision => ({
  run_id: 'run-1', sign_off, reviewer, decision: kind, note: '', time: new Date(Date.UTC(2026, 10, 29, 12, 0, clock++)).toISOString(), discrepancies: [], ...extra,
});

describe('readiness', () => {
  it('is ON HOLD until every sign-off has its approvals, naming what is missing', () => {
    const readiness = computeReadiness(plan, 'run-1', passed, [decision('contracts', 'alice', 'approve'), decision('design', 'R1', 'approve')]);
    assert.equal(readiness.state, 'ON HOLD');
    assert.deepEqual(readiness.pending, ['design: 1 of 2 approval(s), from R1 or R3']);
    const ready = computeReadiness(plan, 'run-1', passed, [decision('contracts', 'alice', 'approve'), decision('design', 'R1', 'approve'), decision('design', 'R3', 'approve')]);
    assert.equal(ready.state, 'READY');
    assert.match(describeReadiness(ready), /^READY: signed off \(contracts by alice; design by R1, R3\)/);
  });
  it('a rejection holds the release; the reviewer\'s later approval replaces it', () => {
    const rejected = computeReadiness(plan.slice(0, 1), 'run-1', passed, [decision('contracts', 'R2', 'reject', { note: 'p95 regressed' })]);
    assert.deepEqual(rejected.pending, ['contracts: rejected by R2 ("p95 regressed")']);
    const later = computeReadiness(plan.slice(0, 1), 'run-1', passed, [decision('contracts', 'R2', 'reject', { note: 'x' }), decision('contracts', 'R2', 'approve')]);
    assert.equal(later.state, 'READY');
  });
  it('ignores other runs, unknown reviewers and flagged approvals, and lists the discrepancies', () => {
    const flagged = decision('contracts', 'R2', 'approve', { discrepancies: [{ kind: 'gate-failed', message: 'approves contracts (failed), which did not pass in run run-1' }] });
    const readiness = computeReadiness(plan.slice(0, 1), 'run-1', { contracts: 'failed' }, [decision('contracts', 'alice', 'approve', { run_id: 'run-0' }), decision('contracts', 'mallory', 'approve'), flagged]);
    assert.equal(readiness.state, 'ON HOLD');
    assert.match(readiness.pending[0]!, /0 of 1 approval\(s\).*not counted: R2 \(approves contracts \(failed\)/);
    assert.deepEqual(readiness.discrepancies.map((d) => d.kind), ['gate-failed']);
  });
  it('a gate the run did not include cannot be signed off; no sign-off configured is READY, not required', () => {
    assert.match(computeReadiness(plan.slice(0, 1), 'run-1', {}, []).pending[0]!, /contracts did not run in run-1/);
    const none = computeReadiness([], 'run-1', passed, []);
    assert.deepEqual([none.state, none.required], ['READY', false]);
  });
  it('flags approving a failed or blocked gate, and a run that is not the latest of its target', () => {
    assert.deepEqual(discrepanciesOf(plan[1]!, 'run-1', { browser: 'blocked', visual: 'passed' }, 'run-2').map((d) => d.kind), ['gate-failed', 'not-latest']);
    assert.deepEqual(discrepanciesOf(plan[1]!, 'run-2', { browser: 'passed', visual: 'skipped' }, 'run-2'), []);
  });
  it('the config names areas of several gates and rejects a sign-off it cannot meet', () => {
    assert.throws(() => reviewSection.parse({ signOffs: [{ gates: ['browser', 'visual'], reviewers: ['R1'] }] }), /name/);
    assert.throws(() => reviewSection.parse({ signOffs: [{ gates: ['audit'], reviewers: ['R1'], approvals: 2 }] }), /approvals/);
    assert.throws(() => reviewSection.parse({ signOffs: [{ gates: ['nope'], reviewers: ['R1'] }] }), /gates/);
  });
});

describe('reviews.jsonl', () => {
  const record = (reviewer: string): Omit<ReviewRecord, 'prev_sha256' | 'type'> => ({
    ...decision('contracts', reviewer, 'approve'), target: 'app', environment: 'local', gates: { contracts: 'passed' }, run_verdict: 'PASS', latest_run_id: 'run-1',
    recorded_by: { user: 'u', host: 'h', git_email: null },
  });
  it('starts with a header and chains every record to the line before', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    let text = appendLines('', record('R2'), now);
    text += appendLines(text, record('alice'), now);
    const lines = text.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(JSON.parse(lines[0]!).schema, 'meta-orchestrator/reviews');
    const parsed = parseReviews(text);
    assert.equal(parsed.tampered, undefined);
    assert.deepEqual(parsed.decisions.map((d) => d.reviewer), ['R2', 'alice']);
  });
  it('an edited, removed or reordered line breaks the chain: nothing in it is trusted', () => {
    const now = new Date();
    let text = appendLines('', record('R2'), now);
    text += appendLines(text, record('alice'), now);
    text += appendLines(text, record('R2'), now);
    const lines = text.trim().split('\n');
    const edited = [lines[0], lines[1]!.replace('"approve"', '"reject"'), lines[2], lines[3]].join('\n');
    assert.match(parseReviews(edited).tampered ?? '', /line 3 does not follow line 2/);
    assert.deepEqual(parseReviews(edited).decisions, []);
    assert.match(parseReviews([lines[0], lines[2], lines[3]].join('\n')).tampered ?? '', /does not follow/);
    assert.match(computeReadiness(plan.slice(0, 1), 'run-1', passed, [], parseReviews(edited).tampered).pending[0]!, /^reviews\.jsonl does not verify/);
  });
});
