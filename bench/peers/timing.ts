import path from 'node:path';
import { combine, median, type Measurement } from '../lib/measure.ts';
import { loadAverage, table, writeSection } from '../lib/results.ts';
import type { PeerPlan } from './configs.ts';
import { runOurs, runPeers, type OursRun, type PeerStep } from './pipeline.ts';

export interface TimingPair {
  run: number;
  ours: OursRun;
  peers: PeerStep[];
  peersTotal: Measurement;
  /** 1-minute load average just before each side started. */
  loadBefore: { ours: string; peers: string };
}

export interface TimingResult {
  project: string;
  noDeps: boolean;
  plan: PeerPlan;
  pairs: TimingPair[];
  /** Findings of each peer on the clean demo (last run): the baseline a fault must add to. */
  cleanFindings: Record<string, number>;
}

export interface TimingOptions {
  project: string;
  noDeps?: boolean;
  runs: number;
  demoPort: number;
  baseUrl: string;
  plan: PeerPlan;
  work: string;
}

/** A B A B: alternating spreads the machine's drift (other load, warm caches) over both sides. */
export async function runTiming(options: TimingOptions): Promise<TimingResult> {
  const pairs: TimingPair[] = [];
  for (let run = 1; run <= options.runs; run++) {
    const oursLoad = loadAverage();
    console.log(`[bench] run ${run}/${options.runs}: ours --project=${options.project} (load ${oursLoad})`);
    const ours = await runOurs(options.project, options.demoPort, path.join(options.work, `ours-${run}`), options.noDeps ? ['--no-deps'] : []);
    console.log(`[bench]   ours: ${(ours.measurement.wallMs / 1000).toFixed(1)} s, exit ${ours.measurement.exitCode}, verdict ${ours.verdict ?? '-'}`);
    const peersLoad = loadAverage();
    console.log(`[bench] run ${run}/${options.runs}: peers (load ${peersLoad})`);
    const peers = await runPeers(options.plan, options.baseUrl, path.join(options.work, 'config'));
    const peersTotal = combine('peers', peers.map((p) => p.measurement));
    console.log(`[bench]   peers: ${(peersTotal.wallMs / 1000).toFixed(1)} s (${peers.map((p) => `${p.tool} ${(p.measurement.wallMs / 1000).toFixed(1)} s, ${p.findings} finding(s)`).join(', ')})`);
    pairs.push({ run, ours, peers, peersTotal, loadBefore: { ours: oursLoad, peers: peersLoad } });
  }
  const last = pairs[pairs.length - 1]!;
  return { project: options.project, noDeps: options.noDeps ?? false, plan: options.plan, pairs, cleanFindings: Object.fromEntries(last.peers.map((p) => [p.tool, p.findings])) };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');

/** Writes the timing section of bench/RESULTS.md and returns its Markdown. */
export function writeTiming(result: TimingResult, command: string): string {
  const { pairs, plan } = result;
  const oursWall = median(pairs.map((p) => p.ours.measurement.wallMs));
  const peersWall = median(pairs.map((p) => p.peersTotal.wallMs));
  const metric = (pick: (m: Measurement) => number) => ({
    ours: median(pairs.map((p) => pick(p.ours.measurement))),
    peers: median(pairs.map((p) => pick(p.peersTotal))),
  });
  const cpu = metric((m) => m.cpuMs);
  const memory = metric((m) => m.peakTreeRssMb);
  const tools = pairs[0]?.peers.map((p) => p.tool) ?? [];
  const verdictOk = pairs.every((p) => p.ours.measurement.exitCode === 0);
  const projectFlags = `${result.project.split(',').map((p) => `--project=${p}`).join(' ')}${result.noDeps ? ' --no-deps' : ''}`;
  const body = [
    `Ours: \`playwright test ${projectFlags}\` (${result.project === 'full' ? 'every gate' : 'these gates only'}, the workers of playwright.config.ts, the demo reused by port). `
      + `Peers, one after the other as a CI script chains them: secretlint over the demo repository; Lighthouse CI (collect + assert) on ${plan.lighthouseUrls.length} route(s) `
      + `x ${plan.lighthouseRuns} run(s) with the suite's Lighthouse settings and assertions; pa11y-ci (axe, WCAG 2.1 AA) on all ${plan.routes.length} routes; `
      + 'Prism\'s validation proxy with one request per documented operation and example. Both sides test one demo server started outside the measured trees. '
      + 'CPU = user + sys of each process tree (the larger of GNU time\'s rusage and the sum over every process seen in the tree, sampled from /proc: the browsers\' renderers are not waited for through the chain of parents, so rusage alone misses most of their CPU); memory = peak of the summed RSS of the tree (/proc, sampled every 0.5 s; for the peers, the largest of their steps).',
    '',
    table(['median of ' + pairs.length, 'ours', 'peers', 'ours / peers'], [
      ['wall time (s)', seconds(oursWall), seconds(peersWall), ratio(oursWall, peersWall)],
      ['CPU time (s)', seconds(cpu.ours), seconds(cpu.peers), ratio(cpu.ours, cpu.peers)],
      ['peak memory (MB)', memory.ours, memory.peers, ratio(memory.ours, memory.peers)],
    ]),
    '',
    `Target: ours <= 0.6 x peers' wall time: **${oursWall <= 0.6 * peersWall ? 'met' : 'not met'}** (${ratio(oursWall, peersWall)}).`
      + (verdictOk ? '' : ' Note: at least one of our runs exited non-zero (see the verdicts below): a failed gate skips the gates after it, so that run is shorter than a passing one.'),
    '',
    table(['run', 'load before ours', 'ours wall (s)', 'ours CPU (s)', 'ours peak MB', 'ours verdict', 'load before peers', 'peers wall (s)', ...tools.map((t) => `${t} (s)`), 'peers CPU (s)', 'peers peak MB', 'ratio'],
      pairs.map((p) => [
        p.run, p.loadBefore.ours, seconds(p.ours.measurement.wallMs), seconds(p.ours.measurement.cpuMs), p.ours.measurement.peakTreeRssMb,
        `${p.ours.verdict ?? 'none'} (exit ${p.ours.measurement.exitCode})`,
        p.loadBefore.peers, seconds(p.peersTotal.wallMs), ...p.peers.map((s) => seconds(s.measurement.wallMs)),
        seconds(p.peersTotal.cpuMs), p.peersTotal.peakTreeRssMb, ratio(p.ours.measurement.wallMs, p.peersTotal.wallMs),
      ])),
    '',
    `Our gates in the last run: ${Object.entries(pairs.at(-1)?.ours.gates ?? {}).map(([g, s]) => `${g} ${s}`).join(', ') || 'no gate records'}.  `,
    `Peers' findings on the clean demo (last run): ${pairs.at(-1)?.peers.map((p) => `${p.tool} ${p.findings}${p.detail ? ` (${p.detail})` : ''}`).join('; ')}.`,
  ].join('\n');
  const section = result.project === 'full' ? 'peers-timing' : `peers-timing-${result.project.replace(/,/g, '-')}`;
  writeSection(section, `Ours (${projectFlags}) vs the peers' pipeline`, command, body);
  return body;
}
