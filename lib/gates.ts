/**
 * The gates, as data: name, phase, folder, dependencies (design.md, "The gates").
 * The chain: audit -> data-flows -> {browser, a11y, visual} -> contracts -> smoke.
 */
export interface GateDefinition {
  name: string;
  phase: string;
  folder: string;
  dependencies: string[];
  /** Runs its tests one at a time (e.g. Lighthouse must never run in parallel with itself). */
  serial?: boolean;
}

export const GATES: readonly GateDefinition[] = [
  { name: 'audit', phase: 'AUDIT', folder: 'tests/audit', dependencies: [] },
  { name: 'data-flows', phase: 'DATA_FLOWS', folder: 'tests/data-flows', dependencies: ['audit'] },
  { name: 'browser', phase: 'BROWSER', folder: 'tests/browser', dependencies: ['data-flows'] },
  { name: 'a11y', phase: 'A11Y', folder: 'tests/a11y', dependencies: ['data-flows'] },
  { name: 'visual', phase: 'VISUAL', folder: 'tests/visual', dependencies: ['data-flows'] },
  { name: 'contracts', phase: 'CONTRACTS', folder: 'tests/contracts', dependencies: ['browser', 'a11y', 'visual'] },
  { name: 'smoke', phase: 'SMOKE', folder: 'tests/smoke', dependencies: ['contracts'] },
];

/** The three core checks (the seeds' `--mode quick`). */
export const QUICK_GATES: readonly string[] = ['audit', 'data-flows', 'smoke'];

export const GATE_ORDER: readonly string[] = GATES.map((gate) => gate.name);

/** A gate name that is not one of the gates: the message lists the known ones. */
export function unknownGateMessage(name: string): string {
  return `"${name}" is not a gate; the gates are ${GATE_ORDER.join(', ')}`;
}
