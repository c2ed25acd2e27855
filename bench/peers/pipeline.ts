import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { combine, measure, type Measurement } from '../lib/measure.ts';
import { BENCH_DIR, ROOT } from '../lib/results.ts';
import { freePort } from '../lib/demo.ts';
import type { PeerPlan } from './configs.ts';
import { NO_BROWSER_DOWNLOAD_ENV, PEER_TOOLS, type PeerTool } from './install.ts';
import { PEER_BIN } from './setup.ts';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const QUIET_ENV = { ...process.env, ...NO_BROWSER_DOWNLOAD_ENV, FORCE_COLOR: '0', NO_COLOR: '1', LHCI_NO_LIGHTHOUSERC: '1' };

/** One tool's run: what it cost, and how many problems it reported (its own report, parsed). */
export interface PeerStep {
  tool: PeerTool;
  measurement: Measurement;
  findings: number;
  /** A line or two of what it found, for the findings table. */
  detail: string;
}

function countSecretlint(file: string): { findings: number; detail: string } {
  if (!existsSync(file)) return { findings: 0, detail: 'no report' };
  const text = readFileSync(file, 'utf8');
  try {
    const results = JSON.parse(text) as { filePath: string; messages: { ruleId: string }[] }[];
    const messages = results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}: ${m.ruleId}`));
    return { findings: messages.length, detail: messages.slice(0, 3).join('; ') };
  } catch {
    return { findings: 0, detail: text.trim() ? 'unparsed output' : '' };
  }
}

function countLhci(raw: string, exitCode: number | null): { findings: number; detail: string } {
  // lhci colours its output whatever FORCE_COLOR says.
  const output = raw.replace(/\u001b\[[0-9;]*m/g, '');
  // lhci assert prints one "✘  <audit> failure for <property> assertion" line per failed assertion.
  const failures = [...output.matchAll(/[✘X]\s+(\S+)\s+failure for (\S+) assertion/g)].map((m) => `${m[1]} ${m[2]}`);
  const warnings = [...output.matchAll(/⚠️?\s+(\S+)\s+warning for (\S+) assertion/g)].map((m) => `${m[1]} (warn)`);
  // Its exit status is the verdict when the wording changes.
  return { findings: Math.max(failures.length, exitCode === 0 ? 0 : 1), detail: [...failures, ...warnings].slice(0, 4).join('; ') };
}

/** pa11y-ci's --json report: its error count, and which routes and rules they are, the needs-review ones counted apart. */
export function countPa11y(stdout: string): { findings: number; detail: string } {
  try {
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { errors: number; results: Record<string, { code?: string; message?: string; runnerExtras?: { needsFurtherReview?: boolean } }[]> };
    const codes = new Set<string>();
    let review = 0;
    for (const [url, issues] of Object.entries(report.results)) {
      for (const issue of issues) {
        codes.add(`${new URL(url).pathname} ${issue.code ?? issue.message ?? 'error'}`);
        // pa11y's axe runner reports axe's "incomplete" results (it could not decide) as errors too.
        if (issue.runnerExtras?.needsFurtherReview) review += 1;
      }
    }
    const reviewNote = review > 0 ? `${review} of them axe's needs-review results, which pa11y counts as errors; ` : '';
    return { findings: report.errors, detail: `${reviewNote}${[...codes].slice(0, 4).join('; ')}` };
  } catch {
    return { findings: 0, detail: 'unparsed output' };
  }
}

function countPrism(file: string): { findings: number; detail: string } {
  if (!existsSync(file)) return { findings: 0, detail: 'no report' };
  const report = JSON.parse(readFileSync(file, 'utf8')) as { violations: { operation: string; status: number | null; message?: string }[] };
  return { findings: report.violations.length, detail: report.violations.slice(0, 3).map((v) => `${v.operation} ${v.status}: ${v.message ?? ''}`.slice(0, 120)).join('; ') };
}

/**
 * The peers' pipeline as a CI script would chain it: the tools one after the other, each on the
 * same running target, each configured for the routes and endpoints the suite checks.
 */
export async function runPeers(plan: PeerPlan, baseUrl: string, workDir: string, tools: PeerTool[] = PEER_TOOLS): Promise<PeerStep[]> {
  const steps: PeerStep[] = [];
  const options = { cwd: workDir, env: QUIET_ENV, timeoutMs: 900_000 };
  if (tools.includes('secretlint')) {
    // A file, not stdout: secretlint exits before a large report has drained through a pipe.
    const report = path.join(workDir, 'secretlint.json');
    rmSync(report, { force: true });
    const m = await measure('secretlint', path.join(PEER_BIN, 'secretlint'), [
      '--secretlintrc', plan.files.secretlintrc, '--secretlintignore', plan.files.secretlintignore, '--format', 'json', '--no-color', '--output', report, `${plan.repository}/**/*`,
    ], options);
    steps.push({ tool: 'secretlint', measurement: m, ...countSecretlint(report) });
  }
  if (tools.includes('lhci')) {
    rmSync(path.join(workDir, '.lighthouseci'), { recursive: true, force: true });
    const collect = await measure('lhci collect', path.join(PEER_BIN, 'lhci'), ['collect', `--config=${plan.files.lighthouserc}`], options);
    const assert = await measure('lhci assert', path.join(PEER_BIN, 'lhci'), ['assert', `--config=${plan.files.lighthouserc}`], options);
    const m = combine('lhci', [collect, assert]);
    const counted = countLhci(`${assert.stdout}\n${assert.stderr}`, assert.exitCode);
    writeFileSync(path.join(workDir, 'lhci-assert.txt'), `${assert.stdout}\n${assert.stderr}`);
    steps.push({ tool: 'lhci', measurement: m, findings: collect.exitCode === 0 ? counted.findings : counted.findings + 1, detail: collect.exitCode === 0 ? counted.detail : `collect failed: ${collect.stderr.trim().split('\n').slice(-2).join(' ')}` });
  }
  if (tools.includes('pa11y-ci')) {
    const m = await measure('pa11y-ci', path.join(PEER_BIN, 'pa11y-ci'), ['--config', plan.files.pa11yci, '--json'], options);
    writeFileSync(path.join(workDir, 'pa11y-ci.json'), m.stdout);
    steps.push({ tool: 'pa11y-ci', measurement: m, ...countPa11y(m.stdout) });
  }
  if (tools.includes('prism')) {
    const report = path.join(workDir, 'prism-report.json');
    rmSync(report, { force: true });
    const m = await measure('prism', TSX, [path.join(BENCH_DIR, 'peers', 'contractProbe.ts'), plan.openapi, baseUrl, String(await freePort()), report], options);
    steps.push({ tool: 'prism', measurement: m, ...countPrism(report) });
  }
  return steps;
}

export interface OursRun {
  measurement: Measurement;
  verdict: string | undefined;
  /** Gate -> status, from the execution log's gate records. */
  gates: Record<string, string>;
}

/** Our suite: `playwright test --project=<project>[,<project>...]` against the already running demo (reused by port). */
export async function runOurs(project: string, demoPort: number, outputRoot: string, extraArgs: string[] = []): Promise<OursRun> {
  rmSync(outputRoot, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, OUTPUT_ROOT: outputRoot, DEMO_PORT: String(demoPort), FORCE_COLOR: '0' };
  // Outside CI, Playwright's webServer reuses the server already answering on the port.
  delete env.CI;
  delete env.BASE_URL;
  const m = await measure(`ours ${project}`, path.join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', ...project.split(',').map((p) => `--project=${p}`), ...extraArgs], { cwd: ROOT, env, timeoutMs: 1_800_000 });
  const gates: Record<string, string> = {};
  let verdict: string | undefined;
  const latest = path.join(outputRoot, 'reports', 'latest.jsonl');
  if (existsSync(latest)) {
    for (const line of readFileSync(latest, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { type?: string; gate?: string; status?: string; verdict?: string };
      if (record.type === 'gate' && record.gate) gates[record.gate] = record.status ?? '?';
      if (record.type === 'summary') verdict = record.verdict;
    }
  }
  return { measurement: m, verdict, gates };
}
