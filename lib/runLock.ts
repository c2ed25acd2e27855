import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A readers-writer lock across the run's worker processes, in a folder: every test holds it shared
 * while it runs; a measurement that must have the machine to itself (a Lighthouse audit, whose
 * scores move when other work competes for the CPU) holds it exclusively. The writer is preferred:
 * once it asks, no test starts until it is done, and it waits only for the tests already running.
 *
 * Each side writes its mark, then looks for the other's (the writer its `exclusive` folder, a
 * reader its file in `shared/`), so the two can never both go ahead: whichever wrote second sees
 * the first. A mark left by a dead process (a crashed worker) is removed by whoever finds it.
 */
export const RUN_LOCK_VARIABLE = 'MO_RUN_LOCK_DIR';

/**
 * A test tagged so runs alone: its lock is exclusive for the whole test. The suite's timed checks carry
 * it (latency, cache, health and load budgets; a Lighthouse audit takes the lock itself, for its
 * gathering only); a team's own specs may too.
 */
export const MEASUREMENT_TAG = '@measurement';

/** An `exclusive` folder without its owner file for this long was left by a process that died making it. */
const ORPHAN_MS = 5_000;

export interface RunLockOptions {
  /** This process: its own shared mark never blocks its own exclusive request (a worker runs one test at a time). */
  pid?: number;
  pollMs?: number;
  /** Whether a process still runs; marks of dead ones are removed. */
  isAlive?: (pid: number) => boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type Release = () => void;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class RunLock {
  private readonly pid: number;
  private readonly pollMs: number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private sequence = 0;

  constructor(private readonly dir: string, options: RunLockOptions = {}) {
    this.pid = options.pid ?? process.pid;
    this.pollMs = options.pollMs ?? 100;
    this.isAlive = options.isAlive ?? processAlive;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    mkdirSync(path.join(dir, 'shared'), { recursive: true });
  }

  private get exclusiveDir(): string {
    return path.join(this.dir, 'exclusive');
  }

  /** The exclusive holder's pid, or undefined when nobody holds it; a dead holder's mark is removed. */
  private exclusiveHolder(): number | undefined {
    let owner: string[];
    try {
      owner = readdirSync(this.exclusiveDir);
    } catch {
      return undefined;
    }
    const pid = Number(owner[0]);
    if (owner.length === 0 || !Number.isInteger(pid)) {
      // Just made, its owner file not written yet: held, unless its maker died in between.
      if (this.now() - this.madeAt(this.exclusiveDir) < ORPHAN_MS) return -1;
      rmSync(this.exclusiveDir, { recursive: true, force: true });
      return undefined;
    }
    if (pid !== this.pid && !this.isAlive(pid)) {
      rmSync(this.exclusiveDir, { recursive: true, force: true });
      return undefined;
    }
    return pid;
  }

  private madeAt(dir: string): number {
    try {
      return statSync(dir).mtimeMs;
    } catch {
      return this.now();
    }
  }

  /** Shared marks of other live processes; dead ones are removed. */
  private otherReaders(): string[] {
    const readers: string[] = [];
    for (const name of readdirSync(path.join(this.dir, 'shared'))) {
      const pid = Number(name.split('-')[0]);
      if (pid === this.pid) continue;
      if (!this.isAlive(pid)) {
        rmSync(path.join(this.dir, 'shared', name), { force: true });
        continue;
      }
      readers.push(name);
    }
    return readers;
  }

  /** This process's own shared marks (its running test's). */
  private ownReaders(): string[] {
    return readdirSync(path.join(this.dir, 'shared'))
      .filter((name) => Number(name.split('-')[0]) === this.pid)
      .map((name) => path.join(this.dir, 'shared', name));
  }

  /** Held while a test runs; waits while an exclusive holder (or one asking) has the run. */
  async shared(timeoutMs: number): Promise<Release> {
    const deadline = this.now() + timeoutMs;
    const mark = path.join(this.dir, 'shared', `${this.pid}-${(this.sequence += 1)}`);
    for (;;) {
      const holder = this.exclusiveHolder();
      if (holder === undefined || holder === this.pid) {
        writeFileSync(mark, '');
        const after = this.exclusiveHolder();
        if (after === undefined || after === this.pid) return () => rmSync(mark, { force: true });
        rmSync(mark, { force: true });
      }
      if (this.now() >= deadline) throw new Error(`waited ${timeoutMs} ms for an exclusive measurement${holder !== undefined && holder > 0 ? ` (pid ${holder})` : ''} to finish (run lock ${this.dir})`);
      await this.sleep(this.pollMs);
    }
  }

  /**
   * The run to itself: no other test runs until the release. Waits for the tests already running.
   * Asked again by the process that holds it (a timed test whose fixture measures too), it is already
   * held: the inner release leaves it to the outer one.
   */
  async exclusive(timeoutMs: number): Promise<Release> {
    if (this.exclusiveHolder() === this.pid) return () => undefined;
    const deadline = this.now() + timeoutMs;
    const release = () => rmSync(this.exclusiveDir, { recursive: true, force: true });
    // This process's own test, asking from inside it, is waiting and not working: its shared mark is
    // set aside while it waits, or two such askers would each wait for the other's test to end.
    const own = this.ownReaders();
    const restore = () => {
      for (const mark of own) writeFileSync(mark, '');
    };
    for (const mark of own) rmSync(mark, { force: true });
    try {
      for (;;) {
        if (this.exclusiveHolder() === undefined) {
          try {
            // mkdir is atomic: one asker wins; the owner file names it.
            mkdirSync(this.exclusiveDir);
            writeFileSync(path.join(this.exclusiveDir, String(this.pid)), '');
            break;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          }
        }
        if (this.now() >= deadline) throw new Error(`waited ${timeoutMs} ms for another exclusive measurement to finish (run lock ${this.dir})`);
        await this.sleep(this.pollMs);
      }
    } finally {
      restore();
    }
    while (this.otherReaders().length > 0) {
      if (this.now() >= deadline) {
        const readers = this.otherReaders();
        release();
        throw new Error(`waited ${timeoutMs} ms for ${readers.length} running test(s) to finish before an exclusive measurement (run lock ${this.dir})`);
      }
      await this.sleep(this.pollMs);
    }
    return release;
  }
}

/** The run's lock, when the runner made one (suiteConfig sets the variable before workers start). */
export function runLockFromEnv(env: Record<string, string | undefined> = process.env): RunLock | undefined {
  const dir = env[RUN_LOCK_VARIABLE];
  if (!dir) return undefined;
  try {
    if (!statSync(dir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  return new RunLock(dir);
}

/** Removes a finished run's lock folder (nothing else lives there). */
export function removeRunLock(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
