import { LOG_SCHEMA_NAME } from './records.ts';

/** JSON Schemas (draft 2020-12) for every record type of the execution log. */
const counts = {
  type: 'object',
  required: ['total', 'completed', 'failed', 'flaky', 'skipped', 'blocked', 'interrupted'],
  additionalProperties: false,
  properties: Object.fromEntries(['total', 'completed', 'failed', 'flaky', 'skipped', 'blocked', 'interrupted'].map((k) => [k, { type: 'integer', minimum: 0 }])),
} as const;
const nonNegative = { type: 'number', minimum: 0 } as const;
const count = { type: 'integer', minimum: 0 } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;
const taskStatus = { enum: ['completed', 'failed', 'flaky', 'skipped', 'blocked', 'interrupted'] } as const;
const severityCounts = {
  type: 'object', additionalProperties: false, required: ['critical', 'high', 'medium', 'low'],
  properties: { critical: count, high: count, medium: count, low: count },
} as const;
const limits = { type: 'object', additionalProperties: false, properties: { critical: count, high: count, medium: count, low: count } } as const;
const policy = {
  type: 'object', additionalProperties: false, required: ['name', 'block_on', 'critical', 'warning'],
  properties: { name: { type: 'string' }, block_on: { type: 'array', items: { enum: ['critical', 'high', 'medium', 'low'] } }, critical: limits, warning: limits },
} as const;
const thresholds = {
  type: 'object',
  required: ['riskTarget', 'riskCritical', 'maxWarnings', 'minOperations'],
  additionalProperties: false,
  properties: { riskTarget: nonNegative, riskCritical: nonNegative, maxWarnings: count, minOperations: count },
} as const;

/** In a workspace run, the target a record belongs to (every record of its log). */
const target_id = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } as const;

export const headerRecordSchema = {
  $id: 'header', type: 'object', additionalProperties: false,
  required: ['type', 'schema', 'version', 'run_id', 'created'],
  properties: { type: { const: 'header' }, target_id, schema: { const: LOG_SCHEMA_NAME }, version: { type: 'integer', minimum: 1 }, run_id: { type: 'string', minLength: 1 }, created: timestamp },
} as const;

export const runRecordSchema = {
  $id: 'run', type: 'object', additionalProperties: false,
  required: ['type', 'run_id', 'start_time', 'mode', 'projects', 'planned_tasks', 'planned_by_gate', 'thresholds', 'target', 'git_sha', 'shard', 'workers', 'config_file'],
  properties: {
    type: { const: 'run' }, target_id, run_id: { type: 'string' }, start_time: timestamp, mode: { type: 'string' }, projects: strings,
    planned_tasks: count, planned_by_gate: { type: 'object', additionalProperties: count }, thresholds,
    target: {
      type: 'object', additionalProperties: false, required: ['name', 'base_url', 'api_url', 'environment'],
      properties: { name: { type: 'string' }, base_url: { type: 'string' }, api_url: { type: 'string' }, environment: { enum: ['local', 'staging', 'production'] } },
    },
    git_sha: { type: ['string', 'null'] }, shard: { type: ['string', 'null'] }, workers: count, config_file: { type: 'string' },
    sign_offs: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['name', 'gates', 'reviewers', 'approvals'],
        properties: { name: { type: 'string', minLength: 1 }, gates: strings, reviewers: strings, approvals: { type: 'integer', minimum: 1 } },
      },
    },
  },
} as const;

export const taskRecordSchema = {
  $id: 'task', type: 'object', additionalProperties: false,
  required: ['type', 'run_id', 'task_id', 'agent', 'phase', 'description', 'status', 'start_time', 'end_time', 'duration_seconds', 'dependencies', 'errors', 'warnings', 'metrics', 'attempt', 'location', 'tags'],
  properties: {
    type: { const: 'task' }, target_id, run_id: { type: 'string' }, task_id: { type: 'string', pattern: '^[a-z0-9-]+/' }, agent: { type: 'string' },
    phase: { type: 'string' }, description: { type: 'string' }, status: taskStatus,
    start_time: { anyOf: [timestamp, { type: 'null' }] }, end_time: { anyOf: [timestamp, { type: 'null' }] },
    duration_seconds: nonNegative, dependencies: strings, errors: strings, findings: strings, warnings: strings,
    metrics: {
      type: 'object', required: ['operations', 'failed_operations', 'warn_operations'], additionalProperties: false,
      properties: { operations: count, failed_operations: count, warn_operations: count, findings: count },
    },
    attempt: count, location: { type: 'string', pattern: ':\\d+$' }, tags: strings,
  },
} as const;

export const gateRecordSchema = {
  $id: 'gate', type: 'object', additionalProperties: false,
  required: ['type', 'run_id', 'gate', 'phase', 'status', 'tasks', 'operations', 'failed_operations', 'warn_operations', 'warnings', 'risk_rate', 'duration_seconds'],
  properties: {
    type: { const: 'gate' }, target_id, run_id: { type: 'string' }, gate: { type: 'string' }, phase: { type: 'string' },
    status: { enum: ['passed', 'failed', 'blocked', 'skipped', 'interrupted'] }, tasks: counts,
    operations: count, failed_operations: count, warn_operations: count, findings: severityCounts, warnings: count, risk_rate: { type: 'number', minimum: 0, maximum: 100 }, duration_seconds: nonNegative,
  },
} as const;

export const summaryRecordSchema = {
  $id: 'summary', type: 'object', additionalProperties: false,
  required: ['type', 'run_id', 'verdict', 'exit_code', 'status', 'risk_rate', 'reasons', 'tasks', 'operations', 'failed_operations', 'warn_operations', 'warnings', 'blocked_gates', 'thresholds', 'end_time', 'duration_seconds'],
  properties: {
    type: { const: 'summary' }, target_id, run_id: { type: 'string' }, verdict: { enum: ['PASS', 'WARNING', 'CRITICAL'] }, exit_code: { enum: [0, 1] },
    status: { enum: ['finished', 'interrupted'] }, risk_rate: { type: 'number', minimum: 0, maximum: 100 }, reasons: strings, tasks: counts,
    operations: count, failed_operations: count, warn_operations: count, warnings: count, findings: severityCounts, policy, blocked_gates: strings, thresholds,
    end_time: timestamp, duration_seconds: nonNegative,
  },
} as const;

export const rollbackRecordSchema = {
  $id: 'rollback', type: 'object', additionalProperties: false,
  required: ['type', 'run_id', 'action', 'reason', 'command', 'exit_code', 'duration_ms', 'timed_out', 'output'],
  properties: {
    type: { const: 'rollback' }, target_id, run_id: { type: 'string' }, action: { enum: ['run', 'print', 'skip'] }, reason: { type: 'string' },
    command: { type: 'string' }, exit_code: { type: ['integer', 'null'] }, duration_ms: nonNegative, timed_out: { type: 'boolean' }, output: { type: 'string' },
  },
} as const;

export const LOG_RECORD_SCHEMAS = {
  header: headerRecordSchema,
  run: runRecordSchema,
  task: taskRecordSchema,
  gate: gateRecordSchema,
  rollback: rollbackRecordSchema,
  summary: summaryRecordSchema,
} as const;
