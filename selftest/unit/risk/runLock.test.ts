import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { RunLock, runLockFromEnv, RUN_LOCK_VARIABLE } from '../../../lib/runLock.ts';

/**
 * The run lock that gives a Lighthouse audit the machine to itself: several "processes" in one
 * test, each a RunLock with its own pid over one folder; liveness is a set the test controls.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'run-lock-test-'));
after(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const folder = () => path.join(root, String((count += 1)));
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function processes(dir: string, alive = new Set([1, 2, 3])) {
  const make = (pid: number) => new RunLock(dir, { pid, pollMs: 1, isAlive: (p) => alive.has(p), sleep: tick });
  return { a: make(1), b: make(2), c: make(3), alive };
}

/** A request for the lock, and whether it has been granted yet. */
function asking(request: Promise<() => void>) {
  const state = { held: false, granted: request.then((release) => { state.held = true; return release; }) };
  return state;
}

describe('run lock', () => {
  it('lets tests share it, and an exclusive holder waits for the running ones, then blocks new ones until released', async () => {
    const { a, b, c } = processes(folder());
    const releaseA = await a.shared(1_000);
    const releaseB = await b.shared(1_000);
    const exclusive = asking(c.exclusive(1_000));
    for (let i = 0; i < 20; i += 1) await tick();
    assert.equal(exclusive.held, false, 'two tests still run');
    releaseA();
    for (let i = 0; i < 20; i += 1) await tick();
    assert.equal(exclusive.held, false, 'one test still runs');
    // A new test asks while the writer waits: the writer is preferred.
    const nextA = asking(a.shared(1_000));
    releaseB();
    const releaseC = await exclusive.granted;
    for (let i = 0; i < 20; i += 1) await tick();
    assert.equal(nextA.held, false, 'no test starts during the exclusive measurement');
    releaseC();
    (await nextA.granted)();
    assert.equal(nextA.held, true);
  });

  it('does not wait for its own test: the worker that audits holds the lock shared for that very test', async () => {
    const { a } = processes(folder());
    const shared = await a.shared(1_000);
    const release = await a.exclusive(1_000);
    release();
    shared();
  });

  it('one exclusive holder at a time', async () => {
    const { a, b } = processes(folder());
    const first = await a.exclusive(1_000);
    await assert.rejects(b.exclusive(20), /waited 20 ms for another exclusive measurement/);
    first();
    (await b.exclusive(1_000))();
  });

  it("clears the marks of processes that died: a crashed worker's test or audit never blocks the run", async () => {
    const dir = folder();
    const { b, alive } = processes(dir);
    // Worker 2 took the run to itself, worker 1 was running a test: both die holding their marks.
    await b.exclusive(1_000);
    writeFileSync(path.join(dir, 'shared', '1-1'), '');
    alive.delete(1);
    alive.delete(2);
    const { c } = processes(dir, new Set([3]));
    (await c.exclusive(1_000))();
    (await c.shared(1_000))();
    assert.equal(existsSync(path.join(dir, 'exclusive')), false, "the dead writer's folder is gone");
    assert.equal(existsSync(path.join(dir, 'shared', '1-1')), false, "the dead reader's mark is gone");
    // A folder made by a process that died before naming itself is an orphan after a while.
    const orphan = folder();
    mkdirSync(path.join(orphan, 'exclusive'), { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(orphan, 'exclusive'), old, old);
    (await processes(orphan).a.shared(1_000))();
    assert.equal(existsSync(path.join(orphan, 'exclusive')), false);
  });

  it('is held already by the process that holds it: a timed test whose fixture measures again goes on', async () => {
    const dir = folder();
    const { a, b } = processes(dir);
    const outer = await a.exclusive(1_000);
    const inner = await a.exclusive(20);
    inner();
    assert.equal(existsSync(path.join(dir, 'exclusive')), true, 'the inner release leaves the lock to the outer one');
    await assert.rejects(b.shared(20), /waited 20 ms for an exclusive measurement \(pid 1\) to finish/);
    outer();
    (await b.shared(1_000))();
  });

  it('never deadlocks two askers: a test asking from inside sets its own shared mark aside while it waits', async () => {
    const { a, b } = processes(folder());
    // Worker 1 runs an audit test (shared) and worker 2 a timed test (exclusive for the whole test), at once.
    const auditTest = await a.shared(1_000);
    const timed = asking(b.exclusive(1_000));
    for (let i = 0; i < 5; i += 1) await tick();
    assert.equal(timed.held, false, 'the timed test waits for the running audit test');
    // The audit asks from inside its test: it steps aside, the timed test runs, then the audit.
    const audit = asking(a.exclusive(1_000));
    const releaseTimed = await timed.granted;
    assert.equal(audit.held, false, 'the audit waits while the timed test runs');
    releaseTimed();
    const releaseAudit = await audit.granted;
    assert.equal(audit.held, true);
    releaseAudit();
    auditTest();
    (await b.shared(1_000))();
  });

  it('gives up in bounded time, saying what it waited for', async () => {
    const { a, b } = processes(folder());
    const shared = await a.shared(1_000);
    await assert.rejects(b.exclusive(20), /waited 20 ms for 1 running test\(s\) to finish before an exclusive measurement/);
    // The failed writer left nothing behind: tests go on.
    shared();
    (await a.shared(1_000))();
    const held = await b.exclusive(1_000);
    await assert.rejects(a.shared(20), /waited 20 ms for an exclusive measurement \(pid 2\) to finish/);
    held();
  });

  it('is found through the variable the runner sets, and absent without it', () => {
    const dir = folder();
    mkdirSync(dir);
    assert.ok(runLockFromEnv({ [RUN_LOCK_VARIABLE]: dir }) instanceof RunLock);
    assert.equal(runLockFromEnv({}), undefined);
    writeFileSync(path.join(root, 'file'), '');
    assert.equal(runLockFromEnv({ [RUN_LOCK_VARIABLE]: path.join(root, 'file') }), undefined);
  });
});
