import { repositoryFaults } from './faults/repository.ts';
import { runtimeFaults } from './faults/runtime.ts';

export type FaultGate = 'audit' | 'data-flows' | 'browser' | 'a11y' | 'visual' | 'contracts' | 'smoke' | 'cross-platform';

/** A named defect the sample target can be switched into, owned by the gate that must catch it. */
export interface FaultDefinition {
  /** kebab-case, e.g. 'slow-quote' */
  name: string;
  gate: FaultGate;
  /** One sentence: what it breaks. */
  breaks: string;
  /** Words expected in the failing check's title, e.g. 'latency'. */
  caughtBy: string;
  kind: 'runtime' | 'repository';
  /** A fault of one platform's own (PaπD 2mx's newer API); absent: any platform can be switched into it. */
  platform?: '2mx';
  /** Repository faults only: writes the defect into a copy of the target's repository. */
  plant?: (repoDir: string) => Promise<void>;
}

export const faults: FaultDefinition[] = [...runtimeFaults, ...repositoryFaults];

/** Parses DEMO_FAULTS ("a,b,c"); an unknown name stops the start with the list of known ones. */
export function parseFaults(value: string | undefined): Set<string> {
  const active = new Set<string>();
  if (value === undefined) return active;
  const known = new Set(faults.map((fault) => fault.name));
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (!known.has(name)) {
      const list = [...known].sort().join(', ');
      throw new Error(`Unknown fault "${name}" in DEMO_FAULTS. Known faults: ${list}`);
    }
    active.add(name);
  }
  return active;
}
