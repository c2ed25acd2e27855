/**
 * The two halves of one operation's way through the suite, each timed in CPU (user + sys) of the
 * process it runs in: the `risk` fixture recording it, and the risk reporter turning it into the log,
 * the verdict and the summary. Each call is one repetition; what it did is checked after the clock stops.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, type TestInfo } from '@playwright/test';
import { risk } from '../../fixtures/risk.ts';
import { GATE_ORDER } from '../../lib/gates.ts';
import { resolveConfig } from '../../lib/config/index.ts';
import { RISK_ATTACHMENT, type RiskAttachment } from '../../lib/risk/index.ts';
import RiskReporter from '../../reporters/riskReporter.ts';
import { ROOT } from '../lib/results.ts';
import { recordOperations, type PlannedOperation } from './microOperations.spec.ts';
import { syntheticOperation, type SyntheticRun } from './syntheticRun.ts';

/** The malformed result of a repetition: the bench stops rather than time work that did not happen. */
export class MicroBenchError extends Error {}

export interface MicroShape {
  tests: number;
  operationsPerTest: number;
}

const target = resolveConfig({ target: { name: 'reporter micro bench', baseUrl: 'http://127.0.0.1:9' }, routes: [{ path: '/', name: 'home' }] }, path.join(ROOT, 'validation.config.ts'), {});

function cpuMicros(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return used.user + used.system;
}

/** The synthetic run's operations, test by test: the fixture side records what the reporter side reads. */
export function planOperations(shape: MicroShape): PlannedOperation[][] {
  return Array.from({ length: shape.tests }, (_, test) => Array.from({ length: shape.operationsPerTest }, (_, index) => syntheticOperation(test, index)));
}

function fakeTestInfo(test: number): TestInfo {
  return {
    project: { name: 'bench', metadata: { gate: 'bench', phase: 'BENCH', dependencies: [] } },
    titlePath: [`ops${test % 10}.spec.ts`, `file ${test % 10} task ${test}`],
    attachments: [],
    annotations: [],
    status: 'passed',
  } as unknown as TestInfo;
}

/**
 * The real `risk` fixture (fixtures/risk.ts) around each planned test: setup, every operation, the
 * attachment, the Allure labels, the annotations. With no running test the recorder's operations run
 * bare instead of inside Playwright's `test.step`. Outside a test `test.info()` throws an error, whose
 * stack a check inside a test never pays for: here it answers "no test" without one.
 */
export async function fixtureSide(plan: PlannedOperation[][]): Promise<number> {
  const infos = plan.map((_, index) => fakeTestInfo(index));
  const info = test.info;
  test.info = () => undefined as unknown as TestInfo;
  let micros: number;
  try {
    const started = process.cpuUsage();
    for (let index = 0; index < plan.length; index++) {
      await risk({ target }, (recorder) => recordOperations(recorder, plan[index]!), infos[index]!);
    }
    micros = cpuMicros(started);
  } finally {
    test.info = info;
  }
  infos.forEach((done, index) => {
    const body = done.attachments.find((a) => a.name === RISK_ATTACHMENT)?.body;
    const recorded = body ? (JSON.parse(body.toString('utf8')) as RiskAttachment).operations.length : 0;
    if (recorded !== plan[index]!.length) throw new MicroBenchError(`the fixture side attached ${recorded} operations for test ${index}, ${plan[index]!.length} were planned`);
  });
  return micros;
}

/**
 * A fresh risk reporter over the synthetic run: onBegin untimed, then onTestEnd for every test and
 * onEnd timed. Its own errors (which it catches and prints) and a log without every task fail the bench.
 */
export async function reporterSide(run: SyntheticRun, outputDir: string): Promise<number> {
  rmSync(outputDir, { recursive: true, force: true });
  const reporter = new RiskReporter({
    outputDir,
    thresholds: { riskTarget: 0.5, riskCritical: 2, maxWarnings: 3, minOperations: 50 },
    gateOrder: [...GATE_ORDER],
    target: { name: 'synthetic', baseUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9', environment: 'local' },
    repository: ROOT,
  });
  const sigtermListeners = process.listeners('SIGTERM');
  const { log, error } = console;
  const ownErrors: string[] = [];
  // The reporter prints its short summary and, on a fault of its own, a message: neither is this bench's output.
  console.log = () => undefined;
  console.error = (...args: unknown[]) => { ownErrors.push(args.map(String).join(' ')); };
  let micros: number;
  try {
    reporter.onBegin(run.config, run.suite);
    const started = process.cpuUsage();
    for (let index = 0; index < run.tests.length; index++) reporter.onTestEnd(run.tests[index]!, run.results[index]!);
    await reporter.onEnd({ status: 'passed', startTime: new Date(), duration: 0 } as Parameters<RiskReporter['onEnd']>[0]);
    micros = cpuMicros(started);
  } finally {
    Object.assign(console, { log, error });
    // onBegin hooks SIGTERM once per reporter: one per repetition would pile up.
    for (const listener of process.listeners('SIGTERM')) if (!sigtermListeners.includes(listener)) process.off('SIGTERM', listener);
  }
  if (ownErrors.length > 0) throw new MicroBenchError(`the risk reporter reported its own error:\n${ownErrors.join('\n').slice(0, 2000)}`);
  const logged = readFileSync(path.join(outputDir, 'latest.jsonl'), 'utf8').split('\n').filter((line) => line.startsWith('{"type":"task"')).length;
  if (logged !== run.tests.length) throw new MicroBenchError(`the reporter logged ${logged} tasks, the synthetic run has ${run.tests.length}`);
  return micros;
}
