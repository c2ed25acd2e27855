import os from 'node:os';

const GIB = 1024 ** 3;

/** Memory set aside per worker: its browser and page checks peak near 0.6 GB on the sample target (bench:full), more on heavier pages. */
export const MEMORY_PER_WORKER_BYTES = 1.5 * GIB;

/**
 * The run's default number of workers: one per core, as far as memory allows. Page checks spend much
 * of their time waiting (navigations, the network settling, the run lock) and a second worker overlaps
 * those waits (bench:full on two cores: 149 s with one worker, 117 s with two); timed measurements
 * do not suffer for it, since each holds the run lock exclusively (lib/runLock.ts). `--workers=N`
 * on the command line wins, as always in Playwright.
 */
export function defaultWorkers(cores: number = os.availableParallelism(), memoryBytes: number = os.totalmem()): number {
  return Math.max(1, Math.min(cores, Math.floor(memoryBytes / MEMORY_PER_WORKER_BYTES)));
}
