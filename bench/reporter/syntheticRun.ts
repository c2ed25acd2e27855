import type { FullConfig, Suite, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * A synthetic Playwright run, built from plain objects that implement what the risk reporter reads
 * (reporters/riskReporter.ts, reporters/taskInput.ts): the suite tree with projects and their
 * metadata, tests with title paths, locations, outcomes, and results whose `risk` attachments hold
 * the operations as JSON, exactly as the `risk` fixture attaches them.
 */

const GATES = ['audit', 'data-flows', 'browser', 'a11y', 'visual', 'contracts', 'smoke'];
const TESTS_PER_FILE = 50;

interface FakeProject { name: string; metadata: Record<string, unknown> }

class FakeSuite {
  readonly suites: FakeSuite[] = [];
  readonly tests: FakeTest[] = [];
  constructor(readonly title: string, readonly parent: FakeSuite | undefined, private readonly ownProject?: FakeProject) {}
  project(): FakeProject | undefined {
    return this.ownProject ?? this.parent?.project();
  }
  allTests(): FakeTest[] {
    const all: FakeTest[] = [...this.tests];
    for (const suite of this.suites) all.push(...suite.allTests());
    return all;
  }
}

class FakeTest {
  readonly results: FakeResult[] = [];
  readonly retries = 0;
  readonly tags: string[] = [];
  readonly annotations: { type: string; description?: string }[] = [];
  readonly location: { file: string; line: number; column: number };
  constructor(readonly title: string, readonly parent: FakeSuite, file: string, line: number) {
    this.location = { file, line, column: 3 };
  }
  titlePath(): string[] {
    return ['', this.parent.parent?.title ?? '', this.parent.title, this.title];
  }
  outcome(): 'expected' | 'unexpected' {
    return this.results.at(-1)?.status === 'passed' ? 'expected' : 'unexpected';
  }
}

interface FakeResult {
  retry: number;
  status: 'passed' | 'failed';
  startTime: Date;
  duration: number;
  attachments: { name: string; contentType: string; body?: Buffer; path?: string }[];
  errors: { message?: string }[];
  annotations: { type: string; description?: string }[];
}

/** Operation `index` of a test: mostly passes, one failure in ten thousand, one warning in a thousand. */
export function syntheticOperation(test: number, index: number): Record<string, unknown> {
  const n = test * 7919 + index;
  const name = `GET /api/resource/${index % 40} answers within budget`;
  if (n % 10_000 === 0) {
    return { name, outcome: 'fail', severity: 'high', durationMs: 12.5, message: `expected 200, got 503 after 412 ms`, evidence: { url: `http://127.0.0.1:9/api/resource/${index % 40}`, status: 503 } };
  }
  if (n % 1_000 === 1) return { name, outcome: 'warn', severity: 'low', durationMs: 3.1, message: 'slower than the soft budget' };
  const op: Record<string, unknown> = { name, outcome: 'pass', severity: 'high', durationMs: Math.round((n % 997) / 10) / 10 };
  if (index % 10 === 0) op.evidence = { url: `http://127.0.0.1:9/api/resource/${index % 40}`, status: 200 };
  return op;
}

export interface SyntheticRun {
  config: FullConfig;
  suite: Suite;
  tests: TestCase[];
  results: TestResult[];
  /** Bytes of the risk attachments' bodies: what Playwright itself holds for the run. */
  attachmentBytes: number;
  operations: number;
}

/** `tests` tests spread over the seven gates, `operations` operations spread evenly over the tests. */
export function buildSyntheticRun(tests: number, operations: number, root = '/bench'): SyntheticRun {
  const rootSuite = new FakeSuite('', undefined);
  const projects = GATES.map((gate, index) => {
    const suite = new FakeSuite(gate, rootSuite, { name: gate, metadata: { gate, phase: gate.toUpperCase().replace('-', '_'), dependencies: index === 0 ? [] : [GATES[index - 1]] } });
    rootSuite.suites.push(suite);
    return suite;
  });
  const started = Date.now() - 3_600_000;
  const testCases: FakeTest[] = [];
  const results: FakeResult[] = [];
  let attachmentBytes = 0;
  let made = 0;
  for (let t = 0; t < tests; t++) {
    const project = projects[t % projects.length]!;
    const fileIndex = Math.floor(t / projects.length / TESTS_PER_FILE);
    const fileName = `${project.title}/checks${fileIndex}.spec.ts`;
    let file = project.suites.find((s) => s.title === fileName);
    if (!file) {
      file = new FakeSuite(fileName, project);
      project.suites.push(file);
    }
    const test = new FakeTest(`check ${t}`, file, `${root}/tests/${fileName}`, 10 + (t % TESTS_PER_FILE) * 6);
    file.tests.push(test);
    const count = Math.floor(((t + 1) * operations) / tests) - Math.floor((t * operations) / tests);
    const ops = Array.from({ length: count }, (_, i) => syntheticOperation(t, i));
    made += count;
    const failed = ops.some((op) => op.outcome === 'fail');
    const body = Buffer.from(JSON.stringify({ version: 1, taskId: `${project.title}/check-${t}`, gate: project.title, operations: ops }));
    attachmentBytes += body.length;
    const result: FakeResult = {
      retry: 0,
      status: failed ? 'failed' : 'passed',
      startTime: new Date(started + t * 100),
      duration: 90,
      attachments: [{ name: 'risk', contentType: 'application/json', body }],
      errors: failed ? [{ message: `1 of ${count} check(s) failed in ${project.title}/check-${t}` }] : [],
      annotations: [],
    };
    test.results.push(result);
    testCases.push(test);
    results.push(result);
  }
  const config = { shard: null, workers: 2, configFile: `${root}/playwright.config.ts`, projects: [], rootDir: root } as unknown as FullConfig;
  return { config, suite: rootSuite as unknown as Suite, tests: testCases as unknown as TestCase[], results: results as unknown as TestResult[], attachmentBytes, operations: made };
}
