import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faults, type FaultDefinition } from '../../demo/faults.ts';
import type { TaskRecord } from '../../lib/log/index.ts';
import { ROOT, runSuite, type SuiteRun } from '../../selftest/helpers/runSuite.ts';

/**
 * `npm run bench:detection [-- --only a,b] [--skip-clean]`: every fault of the registry against its
 * owning gate, caught or escaped, and the clean run's false alarms.
 */
interface Row {
  fault: string;
  gate: string;
  outcome: 'caught' | 'escaped';
  check: string;
  seconds: number;
}

const normalise = (text: string) => text.toLowerCase().replace(/[-_/]+/g, ' ');

/** The failed task of the owning gate whose title or failed checks name the fault's words. */
export function catchingTask(run: Pick<SuiteRun, 'tasks'>, fault: FaultDefinition): TaskRecord | undefined {
  const failed = run.tasks.filter((t) => t.agent === fault.gate && t.status === 'failed');
  const words = normalise(fault.caughtBy);
  return failed.find((t) => normalise(`${t.task_id} ${t.description} ${t.errors.join(' ')}`).includes(words));
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
  } else {
    run = await runSuite({ project: fault.gate, noDeps: true, faults: [fault.name], name: `detect-${fault.name}` });
  }
  const task = catchingTask(run, fault);
  const anyFailed = run.tasks.find((t) => t.agent === fault.gate && t.status === 'failed');
  return {
    fault: fault.name,
    gate: fault.gate,
    outcome: task ? 'caught' : 'escaped',
    check: task?.task_id ?? (anyFailed ? `(failed, but no check names "${fault.caughtBy}": ${anyFailed.task_id})` : '(gate passed)'),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

function table(rows: Row[]): string {
  const header = ['fault', 'owning gate', 'outcome', 'check that caught it', 'seconds'];
  const lines = [header, ...rows.map((r) => [r.fault, r.gate, r.outcome, r.check, r.seconds.toFixed(1)])];
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
  const rows: Row[] = [];
  for (const fault of selected) {
    const row = await runFault(fault);
    rows.push(row);
    console.log(`${row.outcome.padEnd(8)} ${row.fault} (${row.gate}) ${row.check} ${row.seconds.toFixed(1)} s`);
  }
  console.log(`\n${table(rows)}\n`);
  const escaped = rows.filter((r) => r.outcome === 'escaped');
  console.log(`${rows.length - escaped.length} of ${rows.length} faults caught.`);
  if (!args.includes('--skip-clean')) {
    const started = Date.now();
    const clean = await runSuite({ project: 'full', name: 'detect-clean' });
    const alarms = clean.tasks.filter((t) => t.status === 'failed' || t.status === 'blocked');
    console.log(`Clean full run: verdict ${clean.summary?.verdict ?? 'none'} in ${((Date.now() - started) / 1000).toFixed(1)} s; false alarms: ${alarms.length}`);
    for (const alarm of alarms) console.log(`  false alarm: ${alarm.task_id} (${alarm.status}) ${alarm.errors[0] ?? ''}`);
    if (alarms.length > 0) return 1;
  }
  return escaped.length === 0 ? 0 : 1;
}

process.exitCode = await main();
