import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseReleaseHistory, releaseHistoryTable } from '../../../lib/ops/release.ts';

/** The tracker over a workspace's reports: each release with its targets' verdicts side by side. */
describe('release history', () => {
  const text = [
    JSON.stringify({ run_id: 'r1', time: '2026-11-29T10:00:00.000Z', release: 'both', verdict: 'PASS', targets: { paiid: 'PASS', 'papid-2mx': 'PASS' } }),
    '{"cut off',
    JSON.stringify({ run_id: 'r2', time: '2026-11-29T11:00:00.000Z', release: 'both', verdict: 'CRITICAL', targets: { paiid: 'PASS', 'papid-2mx': 'CRITICAL', 'cross-platform': null } }),
  ].join('\n');

  test('a damaged line is skipped; every target gets a column, one not run in a release says so', () => {
    const entries = parseReleaseHistory(text);
    assert.deepEqual(entries.map((e) => e.run_id), ['r1', 'r2']);
    const table = releaseHistoryTable(entries).split('\n');
    assert.match(table[0]!, /^run\s+ended\s+release\s+paiid\s+papid-2mx\s+cross-platform$/);
    assert.match(table[1]!, /^r1\s+2026-11-29 10:00:00\s+PASS\s+PASS\s+PASS\s+-$/);
    assert.match(table[2]!, /^r2\s+.*CRITICAL\s+PASS\s+CRITICAL\s+NOT RUN$/);
  });
});
