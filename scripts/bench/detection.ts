import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faults, type FaultDefinition } from '../../demo/faults.ts';
import { loadAverage, table as resultsTable, writeSection } from '../../bench/lib/results.ts';
import type { FailureEntry } from '../../lib/risk/index.ts';
import { freePort, readTargetRun, ROOT, runSuite, type SuiteRun } from '../../selftest/helpers/runSuite.ts';

/**
 * `npm run bench:detection [-- --only a,b] [--skip-clean]`: every fault of the registry against its
 * owning gate, caught or escaped, and the clean run's false alarms.
 */
interface Row {
  fault: string;
  gate: string;
  outcome: 'caught' | 'escaped';
  check: string;
  severity: string;
  /** Whether the failed check stopped the chain (failed its task) or spent the error budget (a finding). */
  effect: string;
  verdict: string;
  seconds: number;
}

const normalise = (text: string) => text.toLowerCase().replace(/[-_/]+/g, ' ');

/**
 * The failed check of the owning gate (a failure that stopped the chain, or a finding) whose task
 * title, check name or message names the fault's words; failures first.
 */
export function catchingCheck(run: Pick<SuiteRun, 'summaryJson'>, fault: FaultDefinition): FailureEntry | undefined {
  const result = run.summaryJson?.result;
  if (!result) return undefined;
  const words = normalise(fault.caughtBy);
  return [...result.failures, ...result.findings]
    .filter((entry) => entry.gate === fault.gate)
    .find((entry) => normalise(`${entry.taskId} ${entry.operation} ${entry.message}`).includes(words));
}

async function runFault(fault: FaultDefinition): Promise<Row> {
  const started = Date.now();
  let run: SuiteRun;
  if (fault.kind === 'repository') {
    const copy = mkdtempSync(path.join(os.tmpdir(), `mo-fault-${fault.name}-`));
    cpSync(path.join(ROOT, 'demo'), copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
    try {
      await fault.plant?.(copy);
      run = await runSuite({ project: fault.gate, noDeps: true, env: { TARGET_REPO: copy }, name: `detect-${fault.name}` });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  } else if (fault.platform) {
    // A fault of the second platform is a workspace fault: the gate that owns it compares platforms.
    const workspace = await runSuite({
      project: fault.gate, noDeps: true, name: `detect-${fault.name}`,
      env: { VALIDATION_WORKSPACE: 'platforms.workspace.ts', DEMO_2MX_PORT: String(await freePort()), DEMO_2MX_FAULTS: fault.name, MIN_OPERATIONS: '1' },
    });
    run = { ...workspace, ...readTargetRun(workspace, fault.gate) };
  } else {
    run = await runSuite({ project: fault.gate, noDeps: true, faults: [fault.name], name: `detect-${fault.name}` });
  }
  const entry = catchingCheck(run, fault);
  const result = run.summaryJson?.result;
  const other = result ? [...result.failures, ...result.findings].find((e) => e.gate === fault.gate) : undefined;
  return {
    fault: fault.name,
    gate: fault.gate,
    outcome: entry ? 'caught' : 'escaped',
    check: entry ? `${entry.taskId}: ${entry.check ?? entry.operation}` : other ? `(failed, but no check names "${fault.caughtBy}": ${other.taskId})` : '(gate passed)',
    severity: entry?.severity ?? '-',
    effect: entry ? (entry.blocking ? 'stopped the chain' : 'spent the budget') : '-',
    verdict: run.summary?.verdict ?? 'none',
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

function table(rows: Row[]): string {
  const header = ['fault', 'owning gate', 'outcome', 'check that caught it', 'severity', 'effect', 'gate verdict', 'seconds'];
  const lines = [header, ...rows.map((r) => [r.fault, r.gate, r.outcome, r.check, r.severity, r.effect, r.verdict, r.seconds.toFixed(1)])];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  return lines.map((l) => l.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',')) : undefined;
  const selected = faults.filter((f) => !only || only.has(f.name));
  if (selected.length === 0) {
    console.error(`No fault matches --only ${[...(only ?? [])].join(',')}. Known: ${faults.map((f) => f.name).join(', ')}`);
    return 1;
  }
  const command = `npm run bench:detection -- ${args.join(' ')}`.trim().replace(/ --$/, '');
  const rows: Row[] = [];
  for (const fault of selected) {
    const row = await runFault(fault);
    rows.push(row);
    console.log(`${row.outcome.padEnd(8)} ${row.fault} (${row.gate}) ${row.check} [${row.severity}, ${row.effect}] ${row.seconds.toFixed(1)} s`);
  }
  console.log(`\n${table(rows)}\n`);
  const escaped = rows.filter((r) => r.outcome === 'escaped');
  const caught = `${rows.length - escaped.length} of ${rows.length} faults caught`;
  console.log(`${caught}.`);
  const section: string[] = [`Each fault of the demo's registry switched on alone and run against its owning gate (\`--no-deps\`; a second platform's fault in the two-platform workspace). Load average at the end: ${loadAverage()}.`, '', `${caught}.`, '', resultsTable(['fault', 'owning gate', 'outcome', 'check that caught it', 'severity', 'effect', 'gate verdict', 'seconds'], rows.map((r) => [r.fault, r.gate, r.outcome, r.check, r.severity, r.effect, r.verdict, r.seconds.toFixed(1)]))];
  let cleanPassed = true;
  if (!args.includes('--skip-clean')) {
    const started = Date.now();
    const clean = await runSuite({ project: 'full', name: 'detect-clean' });
    const alarms = clean.tasks.filter((t) => t.status === 'failed' || t.status === 'blocked' || (t.findings?.length ?? 0) > 0);
    console.log(`Clean full run: verdict ${clean.summary?.verdict ?? 'none'} in ${((Date.now() - started) / 1000).toFixed(1)} s; false alarms: ${alarms.length}`);
    for (const alarm of alarms) console.log(`  false alarm: ${alarm.task_id} (${alarm.status}) ${alarm.errors[0] ?? alarm.findings?.[0] ?? ''}`);
    section.push('', `Clean full run: verdict ${clean.summary?.verdict ?? 'none'}; false alarms: ${alarms.length}.`, ...alarms.map((alarm) => `- ${alarm.task_id} (${alarm.status})`));
    cleanPassed = alarms.length === 0 && clean.summary?.verdict === 'PASS';
  } else {
    section.push('', 'Clean full run: skipped (--skip-clean).');
  }
  // A subset (--only) is a check of those faults, not the registry's figure: the section stays as it was.
  if (!only) writeSection('detection', 'Detection: every planted fault against its owning gate', command, section.join('\n'));
  return escaped.length === 0 && cleanPassed ? 0 : 1;
}

process.exitCode = await main();
