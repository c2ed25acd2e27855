/**
 * Named as a spec, though no runner collects it: the suite's checks are recorded from spec files, and
 * the recorder reads a check's source line as the first spec frame of its stack. Recorded from here,
 * the bench's operations take the path the suite's do.
 */
import type { RiskRecorder } from '../../lib/risk/index.ts';
import type { syntheticOperation } from './syntheticRun.ts';

export type PlannedOperation = ReturnType<typeof syntheticOperation>;

/** The check every operation names (as the reporter-overhead specs do). */
const CHECK = 'data-flows/status';

/** A passed check either runs through `risk.check` (even index) or is recorded after the fact with `risk.pass`. */
export async function recordOperations(risk: RiskRecorder, operations: readonly PlannedOperation[]): Promise<void> {
  for (let index = 0; index < operations.length; index++) {
    const op = operations[index]!;
    const name = op.name as string;
    const evidence = op.evidence;
    if (op.outcome === 'fail') risk.fail(name, op.message as string, { check: CHECK, severity: 'high', evidence });
    else if (op.outcome === 'warn') risk.warn(name, op.message as string, { check: CHECK });
    else if (index % 2 === 0) await risk.check(name, () => undefined, { check: CHECK, evidence });
    else risk.pass(name, { check: CHECK, durationMs: op.durationMs as number, evidence });
  }
}
