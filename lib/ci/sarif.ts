import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Operation, Severity } from '../risk/types.ts';

/**
 * The audit gate's findings as SARIF 2.1.0, for code scanning: one result per finding with its
 * file, line, rule and level. Built from operations the recorder has already redacted; the caller
 * redacts the document again before writing it, so a secret is never in clear.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_TOOL = 'meta-orchestrator';

type SarifLevel = 'error' | 'warning' | 'note';

/** Blocking-class severities are errors; code scanning sorts security alerts by a 0-10 score. */
const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };

/** An audit finding as lib/audit formats it: `file[:line[:column]] rule: message`. */
export interface ParsedFinding {
  file: string;
  line?: number;
  column?: number;
  rule: string;
  message: string;
}

const WITH_LINE = /^(.+?):(\d+)(?::(\d+))? ([^\s:]+): ([\s\S]*)$/;
const WHOLE_FILE = /^(\S+) ([^\s:]+): ([\s\S]*)$/;

/** The inverse of lib/audit's `formatFinding`; undefined for text of another shape. */
export function parseFinding(text: string): ParsedFinding | undefined {
  const withLine = WITH_LINE.exec(text);
  if (withLine) return { file: withLine[1]!, line: Number(withLine[2]), ...(withLine[3] ? { column: Number(withLine[3]) } : {}), rule: withLine[4]!, message: withLine[5]! };
  const whole = WHOLE_FILE.exec(text);
  if (whole) return { file: whole[1]!, rule: whole[2]!, message: whole[3]! };
  return undefined;
}

export interface SarifOperation extends Operation {
  taskId: string;
}

function findingsOf(operation: Operation): ParsedFinding[] {
  const evidence = operation.evidence as { findings?: unknown } | undefined;
  const list = Array.isArray(evidence?.findings) ? evidence.findings : [];
  return list.filter((item): item is string => typeof item === 'string').map(parseFinding).filter((f): f is ParsedFinding => f !== undefined);
}

/** `audit/secrets` + rule `aws-key` → `audit/secrets/aws-key`; an operation already named after its one rule keeps its id. */
function ruleId(check: string | undefined, rule: string): string {
  const base = check ?? 'audit';
  return base.endsWith(`/${rule}`) ? base : `${base}/${rule}`;
}

/** The SARIF log of the audit operations that failed or warned; results without a file are left out. */
export function auditSarif(operations: readonly SarifOperation[], version: string): Log {
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const operation of operations) {
    if (operation.outcome === 'pass') continue;
    for (const finding of findingsOf(operation)) {
      const id = ruleId(operation.check, finding.rule);
      const level: SarifLevel = operation.outcome === 'warn' && !operation.waiver ? 'note' : LEVEL[operation.severity];
      if (!rules.has(id)) {
        rules.set(id, {
          id,
          name: finding.rule,
          shortDescription: { text: `${operation.check ?? 'audit'}: ${finding.rule}` },
          defaultConfiguration: { level },
          properties: { 'security-severity': SECURITY_SEVERITY[operation.severity], tags: ['release-gate', operation.check?.split('/')[1] ?? 'audit'] },
        });
      }
      results.push({
        ruleId: id,
        level,
        message: { text: finding.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' },
            ...(finding.line ? { region: { startLine: finding.line, ...(finding.column ? { startColumn: finding.column } : {}) } } : {}),
          },
        }],
        // Code scanning keeps an alert across runs by this: the task, rule and place, not the message.
        partialFingerprints: { 'metaOrchestrator/v1': `${operation.taskId}#${id}#${finding.file}:${finding.line ?? 0}` },
        properties: { task: operation.taskId, severity: operation.severity },
        ...(operation.waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `waived: ${operation.waiver}` }] } : {}),
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: SARIF_TOOL, version, informationUri: 'https://www.npmjs.com/package/meta-orchestrator', rules: [...rules.values()] } },
      automationDetails: { id: `${SARIF_TOOL}/audit/` },
      results,
    }],
  };
}
