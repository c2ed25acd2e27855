import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/runSuite.ts';
import { caseContext, type HostileCase } from './cases.ts';
import { judge, newSecret, type CaseOutcome } from './harness.ts';
import { startHostileServer } from './server.ts';

/** Runs hostile cases one after another against one misbehaving server, and judges each. */
export async function runMatrix(cases: readonly HostileCase[], onOutcome?: (outcome: CaseOutcome) => void): Promise<CaseOutcome[]> {
  const scratch = path.join(ROOT, '.work', 'hostile', `scratch-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const server = await startHostileServer();
  const outcomes: CaseOutcome[] = [];
  try {
    const context = await caseContext(server, scratch);
    for (const hostileCase of cases) {
      const outcome = await runCase(hostileCase, context);
      outcomes.push(outcome);
      onOutcome?.(outcome);
    }
  } finally {
    await server.close();
  }
  return outcomes;
}

export async function runCase(hostileCase: HostileCase, context: Awaited<ReturnType<typeof caseContext>>): Promise<CaseOutcome> {
  // A fresh random password per case: found anywhere in the output, it leaked.
  const secret = newSecret();
  const observed = await hostileCase.run(context, secret);
  return judge(observed, {
    name: hostileCase.name,
    expectation: hostileCase.expectation,
    boundSeconds: hostileCase.boundSeconds,
    cause: hostileCase.cause,
    ...(hostileCase.exitCode !== undefined ? { exitCode: hostileCase.exitCode } : {}),
    secret,
  });
}

/** The table: case, verdict, exit code, seconds, bound, log valid, message (and what did not hold). */
export function formatTable(outcomes: readonly CaseOutcome[]): string {
  const header = ['case', 'verdict', 'exit', 'seconds', 'bound', 'log valid', 'held', 'message'];
  const rows = outcomes.map((o) => [
    o.name, o.verdict, String(o.exitCode), o.seconds.toFixed(1), `${o.boundSeconds}`, o.logValid,
    o.problems.length === 0 ? 'yes' : 'NO', o.message.slice(0, 140),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const failing = outcomes.filter((o) => o.problems.length > 0);
  if (failing.length > 0) {
    out.push('', 'Cases where a property did not hold:');
    for (const o of failing) out.push(`- ${o.name}: ${o.problems.join('; ')}`);
  }
  return out.join('\n');
}
