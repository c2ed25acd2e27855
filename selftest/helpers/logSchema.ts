import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { LOG_RECORD_SCHEMAS } from '../../lib/log/index.ts';
import type { SuiteRun } from './runSuite.ts';

/** Every line of a real log validates against the JSON Schema of its record type. */
export function assertLogValid(run: SuiteRun): void {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validators = Object.fromEntries(Object.entries(LOG_RECORD_SCHEMAS).map(([type, schema]) => [type, ajv.compile(schema)]));
  const lines = run.logText.trim().split('\n');
  assert.ok(lines.length >= 3, `log too short:\n${run.logText}`);
  lines.forEach((line, index) => {
    const record = JSON.parse(line) as { type: string };
    const validate = validators[record.type];
    assert.ok(validate, `line ${index + 1}: unknown record type ${record.type}`);
    assert.ok(validate(record), `line ${index + 1} (${record.type}) is invalid: ${ajv.errorsText(validate.errors)}\n${line}`);
  });
  assert.equal(JSON.parse(lines[0] ?? '{}').type, 'header');
  assert.equal(JSON.parse(lines[lines.length - 1] ?? '{}').type, 'summary');
}

