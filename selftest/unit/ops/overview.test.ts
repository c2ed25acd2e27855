import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderOverview } from '../../../lib/ops/overview.ts';
import type { DashboardView } from '../../../lib/ops/view.ts';

function view(verdict: DashboardView['verdict'], gates: [string, string][], rate: number): DashboardView {
  return {
    state: 'finished', verdict, completionPercent: 100,
    tasks: { planned: 10, done: 10, completed: 9, failed: verdict === 'CRITICAL' ? 1 : 0, flaky: 0, skipped: 0, blocked: 2, interrupted: 0, pending: 0 },
    risk: { rate, operations: 200, failedOperations: 3, level: 'ok', final: true, label: '' },
    gates: gates.map(([gate, status]) => ({ gate, status })),
  } as unknown as DashboardView;
}

describe('the workspace overview', () => {
  it('shows each target in a row with its verdict and every gate, under the release verdict', () => {
    const text = renderOverview([
      { id: 'paiid', view: view('PASS', [['audit', 'passed'], ['browser', 'passed']], 0.1) },
      { id: 'papid-2mx', view: view('CRITICAL', [['audit', 'failed'], ['browser', 'blocked']], 2.5) },
      { id: 'broken', problem: 'the log does not parse' },
    ], { verdict: 'CRITICAL', reasons: ['papid-2mx is CRITICAL'] });
    const lines = text.split('\n');
    assert.equal(lines[0], 'Release: CRITICAL (papid-2mx is CRITICAL)');
    assert.match(lines[2] ?? '', /^target\s+state\s+verdict\s+tasks\s+risk\s+tasks failed\s+audit\s+browser$/);
    assert.match(text, /paiid\s+finished\s+PASS\s+10\/10 \(100 %\)\s+0\.10 % of 200\s+0 failed, 2 blocked\s+passed\s+passed/);
    assert.match(text, /papid-2mx\s+finished\s+CRITICAL\s+.*\s+failed\s+blocked$/m);
    assert.match(text, /broken\s+the log does not parse/);
  });
});
