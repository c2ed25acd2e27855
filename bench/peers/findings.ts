import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../../lib/config/index.ts';
import type { FaultDefinition } from '../../demo/faults.ts';
import { startDemo } from '../lib/demo.ts';
import { loadAverage, table, writeSection } from '../lib/results.ts';
import { writePeerConfigs } from './configs.ts';
import { PEER_TOOLS } from './install.ts';
import { runOurs, runPeers, type PeerStep } from './pipeline.ts';

export interface FaultFindings {
  fault: FaultDefinition;
  /** Our owning gate, run alone on the faulty demo. */
  ours: { gateStatus: string; exitCode: number | null; failedTasks: string[] };
  peers: PeerStep[];
  load: string;
}

export interface FindingsResult {
  clean: Record<string, number>;
  faults: FaultFindings[];
}

function failedTasksOf(outputRoot: string): string[] {
  const latest = path.join(outputRoot, 'reports', 'latest.jsonl');
  if (!existsSync(latest)) return [];
  return readFileSync(latest, 'utf8').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line) as { type?: string; status?: string; task_id?: string })
    .filter((r) => r.type === 'task' && r.status === 'failed')
    .map((r) => r.task_id ?? '?');
}

/** A peer caught a fault when it reported more problems than on the clean demo. */
export function peerCaught(step: PeerStep, clean: Record<string, number>): boolean {
  return step.findings > (clean[step.tool] ?? 0);
}

export interface FindingsOptions {
  config: ResolvedConfig;
  faults: FaultDefinition[];
  work: string;
  /** Peers' findings on the clean demo; measured here when not given. */
  cleanFindings?: Record<string, number>;
}

/** Each runtime fault on its own demo: our owning gate alone, then every peer tool. */
export async function runFindings(options: FindingsOptions): Promise<FindingsResult> {
  let clean = options.cleanFindings;
  if (!clean) {
    const demo = await startDemo();
    try {
      const plan = writePeerConfigs(options.config, demo.url, path.join(options.work, 'clean'));
      const steps = await runPeers(plan, demo.url, path.join(options.work, 'clean'));
      clean = Object.fromEntries(steps.map((s) => [s.tool, s.findings]));
    } finally {
      await demo.stop();
    }
  }
  const results: FaultFindings[] = [];
  for (const fault of options.faults) {
    const load = loadAverage();
    console.log(`[bench] fault ${fault.name} (${fault.gate}), load ${load}`);
    const demo = await startDemo([fault.name]);
    try {
      const dir = path.join(options.work, `fault-${fault.name}`);
      const ours = await runOurs(fault.gate, demo.port, path.join(dir, 'ours'), ['--no-deps']);
      const plan = writePeerConfigs(options.config, demo.url, dir);
      const peers = await runPeers(plan, demo.url, dir);
      const entry: FaultFindings = {
        fault,
        ours: { gateStatus: ours.gates[fault.gate] ?? 'no record', exitCode: ours.measurement.exitCode, failedTasks: failedTasksOf(path.join(dir, 'ours')) },
        peers,
        load,
      };
      console.log(`[bench]   ours ${fault.gate}: ${entry.ours.gateStatus}; ${peers.map((p) => `${p.tool} ${peerCaught(p, clean) ? 'caught' : 'missed'}`).join(', ')}`);
      results.push(entry);
    } finally {
      await demo.stop();
    }
  }
  return { clean, faults: results };
}

/** Writes the findings section of bench/RESULTS.md and returns its Markdown. */
export function writeFindings(result: FindingsResult, command: string): string {
  const mark = (caught: boolean) => (caught ? 'caught' : '-');
  const rows = result.faults.map((f) => [
    f.fault.name,
    f.fault.gate,
    f.ours.gateStatus === 'failed' ? `caught (${f.ours.failedTasks.slice(0, 2).join(', ') || 'gate failed'})` : `missed (gate ${f.ours.gateStatus})`,
    ...PEER_TOOLS.map((tool) => {
      const step = f.peers.find((p) => p.tool === tool);
      return step ? (peerCaught(step, result.clean) ? `caught (${step.detail.replace(/\|/g, '/').slice(0, 90)})` : mark(false)) : 'not run';
    }),
    f.load,
  ]);
  const oursCaught = result.faults.filter((f) => f.ours.gateStatus === 'failed').length;
  const anyPeer = result.faults.filter((f) => f.peers.some((p) => peerCaught(p, result.clean))).length;
  const body = [
    'Each runtime fault of `demo/faults.ts` switched on alone in its own demo server. Ours: the owning gate run alone '
      + '(`--project=<gate> --no-deps`) must fail. A peer caught the fault when its own report (secretlint JSON, lhci assert failures, '
      + 'pa11y-ci errors, Prism violations) holds more problems than on the clean demo.',
    '',
    `Peers' problems on the clean demo: ${Object.entries(result.clean).map(([tool, n]) => `${tool} ${n}`).join(', ')}.`,
    '',
    table(['fault', 'gate', 'ours', ...PEER_TOOLS, 'load'], rows),
    '',
    `Caught: ours ${oursCaught} of ${result.faults.length}; the peers together ${anyPeer} of ${result.faults.length}.`,
  ].join('\n');
  writeSection('peers-findings', 'Findings on the faulty demo: which tool caught which fault', command, body);
  return body;
}
