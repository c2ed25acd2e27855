import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Result } from 'sarif';
import { formatFinding } from '../../../lib/audit/findings.ts';
import { auditSarif, parseFinding, type SarifOperation } from '../../../lib/ci/sarif.ts';
import { Redactor } from '../../../lib/redact.ts';
import { RiskRecorder } from '../../../lib/risk/index.ts';

const failed = (findings: string[], extra: Partial<SarifOperation> = {}): SarifOperation => ({
  taskId: 'audit/secrets', name: 'secrets in src/app.ts', check: 'audit/secrets', outcome: 'fail', severity: 'critical', durationMs: 1,
  evidence: { findings, total: findings.length }, ...extra,
});

describe('audit findings as SARIF 2.1.0', () => {
  test('parses back what lib/audit formats, with and without a line', () => {
    for (const finding of [
      { file: 'src/a b.ts', line: 3, column: 7, rule: 'aws-key', message: 'an AWS key: AKIA****' },
      { file: 'config/app.yaml', line: 12, rule: 'yaml-syntax', message: 'bad indent: here' },
      { file: 'README.md', rule: 'branding', message: 'says "Acme"' },
    ]) assert.deepEqual(parseFinding(formatFinding({ ...finding, severity: 'low' })), finding);
    assert.equal(parseFinding('no place here'), undefined);
  });

  test('one result per finding: file, line, column, rule and a level from the severity', () => {
    const log = auditSarif([
      failed(['src/app.ts:3:7 aws-key: an AWS key', 'src/db.ts:9:1 aws-key: another']),
      failed(['package.json:1:1 lockfile-missing: no lockfile'], { taskId: 'audit/dependencies', check: 'audit/lockfile/lockfile-missing', severity: 'medium' }),
      { ...failed(['ok.ts:1:1 x: y']), outcome: 'pass' },
    ], '1.2.3');
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'meta-orchestrator');
    assert.equal(run.tool.driver.version, '1.2.3');
    assert.deepEqual(run.tool.driver.rules?.map((r) => r.id), ['audit/secrets/aws-key', 'audit/lockfile/lockfile-missing']);
    const results = run.results as Result[];
    assert.equal(results.length, 3);
    assert.deepEqual(results[0], {
      ruleId: 'audit/secrets/aws-key',
      level: 'error',
      message: { text: 'an AWS key' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/app.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 7 } } }],
      partialFingerprints: { 'metaOrchestrator/v1': 'audit/secrets#audit/secrets/aws-key#src/app.ts:3' },
      properties: { task: 'audit/secrets', severity: 'critical' },
    });
    assert.equal(results[2]!.level, 'warning');
    assert.equal(run.tool.driver.rules?.[0]?.properties?.['security-severity'], '9.5');
  });

  test('a waived finding is suppressed with its waiver; a plain warning is a note', () => {
    const log = auditSarif([
      failed(['a.ts:1:1 r: m'], { outcome: 'warn', waiver: 'audit/secrets (test key; owner sec; until 2999-01-01)' }),
      failed(['b.ts:2:1 r2: m'], { outcome: 'warn', severity: 'low' }),
    ], '0');
    const [waived, warned] = log.runs[0]!.results as Result[];
    assert.deepEqual(waived!.suppressions, [{ kind: 'external', status: 'accepted', justification: 'waived: audit/secrets (test key; owner sec; until 2999-01-01)' }]);
    assert.equal(warned!.level, 'note');
  });

  test('a secret the recorder knows is never in clear in the log', () => {
    const recorder = new RiskRecorder('audit/secrets', 'audit', { redactor: new Redactor(['s3cr3t-value-42']) });
    recorder.fail('secrets in .env', '.env:1:5 generic-token: token s3cr3t-value-42', { check: 'audit/secrets', evidence: { findings: ['.env:1:5 generic-token: token s3cr3t-value-42'] } });
    const text = JSON.stringify(auditSarif(recorder.operations.map((op) => ({ ...op, taskId: recorder.taskId })), '0'));
    assert.doesNotMatch(text, /s3cr3t-value-42/);
    assert.match(text, /"uri":".env"/);
  });
});
