import type { FaultDefinition } from '../faults.ts';

/** Defects planted into a copy of the repository (caught by the audit gate). */
export const repositoryFaults: FaultDefinition[] = [];
