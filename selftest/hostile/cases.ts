import path from 'node:path';
import { freePort, runSuite } from '../helpers/runSuite.ts';
import type { Expectation, Observed } from './harness.ts';
import { HOSTILE_TIMEOUTS } from './configs/base.ts';
import { brokenRepository, damagedLogs, interruptRun, opsScript } from './inputs.ts';
import type { Behaviour, HostileServer } from './server.ts';

/** What a case may use: the misbehaving server, a closed port, a scratch folder. */
export interface CaseContext {
  server: HostileServer;
  /** A loopback port nothing listens on. */
  closedPort: number;
  /** Folder for the case's own files (repositories, damaged logs). */
  scratch: string;
}

export interface HostileCase {
  name: string;
  /** The gate (or tool) the case points at, for grouping. */
  gate: string;
  expectation: Expectation;
  /** The case must end within this, seconds (printed in the table). */
  boundSeconds: number;
  /** The cause its message must name. */
  cause: RegExp;
  /** The exit code it must end with; by default any but 0. */
  exitCode?: number;
  /** Run in the self-test's representative subset (the bench runs every case). */
  selftest?: boolean;
  /** In the self-test, only the gate's tests matching this (--grep): one representative test. */
  focus?: string;
  run(context: CaseContext, secret: string, extraArgs?: string[]): Promise<Observed>;
}

const CONFIGS = path.join(import.meta.dirname, 'configs');
/**
 * Playwright's start and end on a shared, loaded machine: transform, config load, first worker,
 * then the HTML, Allure and risk reports with their scrubbing (measured 30-100 s at load 30).
 */
const STARTUP_S = 120;
const TEST_S = HOSTILE_TIMEOUTS.testMs / 1000;
/** A failed test ends its worker: the next test waits for a fresh one (config load, fixtures, browser). */
const WORKER_S = 40;
/** Worst case of a gate: every test fails after its whole testMs, one at a time, each in a new worker. */
const gateBound = (tests: number) => STARTUP_S + tests * (TEST_S + WORKER_S);

interface SuiteCaseOptions {
  name: string;
  gate: string;
  config?: string;
  /** Base URL of the target: a hostile behaviour, or a function of the context. */
  target?: Behaviour | ((context: CaseContext) => string);
  env?: (context: CaseContext) => Promise<Record<string, string>> | Record<string, string>;
  tests: number;
  cause: RegExp;
  expectation?: Expectation;
  selftest?: boolean;
  focus?: string;
  /** Only tasks whose id matches give the leading message (other tests of the gate may fail first). */
  messageFrom?: RegExp;
}

/** One gate of the real suite, alone (--no-deps), with a hostile config and target. */
function suiteCase(options: SuiteCaseOptions): HostileCase {
  const boundSeconds = options.expectation === 'refused' ? STARTUP_S : gateBound(options.tests);
  return {
    name: options.name,
    gate: options.gate,
    expectation: options.expectation ?? 'verdict',
    boundSeconds,
    cause: options.cause,
    selftest: options.selftest,
    focus: options.focus,
    async run(context, secret, extraArgs = []) {
      const base = typeof options.target === 'function' ? options.target(context)
        : options.target ? context.server.url(options.target) : `http://127.0.0.1:${context.closedPort}`;
      const run = await runSuite({
        project: options.gate,
        noDeps: true,
        name: `hostile-${slug(options.name)}-${process.pid}`,
        args: ['--workers=1', ...extraArgs],
        // Past 1.5 x the bound the case is killed: the table then shows it never ended on its own.
        timeoutMs: Math.round(boundSeconds * 1500),
        env: {
          VALIDATION_CONFIG: path.join(CONFIGS, options.config ?? 'target.config.ts'),
          BASE_URL: base,
          API_URL: base,
          API_USER: 'hostile',
          API_PASSWORD: secret,
          TARGET_REPO: undefined,
          CI: '1',
          ...(await options.env?.(context)),
        },
      });
      if (options.messageFrom) run.tasks.sort((a, b) => Number(!options.messageFrom!.test(a.task_id)) - Number(!options.messageFrom!.test(b.task_id)));
      return { exitCode: run.exitCode, durationMs: run.durationMs, stdout: run.stdout, stderr: run.stderr, run, outputRoot: run.outputRoot };
    },
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

const NO_ANSWER = /did not answer within \d+ ms|timeout|timed out/i;
const dataFlows = (name: string, target: SuiteCaseOptions['target'], cause: RegExp, selftest = false) =>
  suiteCase({ name: `data-flows: ${name}`, gate: 'data-flows', target, tests: 4, cause, selftest });
const contracts = (name: string, options: Partial<SuiteCaseOptions>) =>
  suiteCase({ name: `contracts: ${name}`, gate: 'contracts', tests: 6, cause: /./, ...options });
const browser = (name: string, target: Behaviour, cause: RegExp, selftest = false) =>
  suiteCase({ name: `browser: ${name}`, gate: 'browser', target, tests: 3, cause, selftest });
const refused = (name: string, config: string, cause: RegExp, selftest = false) =>
  suiteCase({ name: `config: ${name}`, gate: 'data-flows', config, expectation: 'refused', tests: 0, cause, selftest });

export const CASES: HostileCase[] = [
  // ---- the target misbehaves ----
  dataFlows('nothing listens on the port', undefined, /Nothing listens there|ECONNREFUSED/),
  dataFlows('host name does not resolve', () => 'http://hostile-target.invalid', /does not resolve|ENOTFOUND|EAI_AGAIN/),
  dataFlows('connection reset mid-body', 'reset', /reset|ECONNRESET|socket hang up|aborted/i),
  { ...dataFlows('accepts and never answers', 'hang', NO_ANSWER, true), focus: 'health answers 200' },
  dataFlows('drips one byte a second', 'drip', NO_ANSWER),
  dataFlows('10 MB body', 'huge', /components|status|latency|budget/i),
  { ...dataFlows('HTML error page where JSON was promised', 'html-error', /502|not JSON/i, true), focus: 'every configured endpoint' },
  dataFlows('invalid JSON', 'invalid-json', /not JSON|JSON/i),
  dataFlows('redirect loop', 'redirect-loop', /redirect/i),
  dataFlows('wrong content-type', 'wrong-type', /content-type|text\/plain/i),
  dataFlows('500 on every route', 'error-500', /500/),
  contracts('accepts and never answers', { target: 'hang', cause: NO_ANSWER }),
  contracts('500 on every route', { target: 'error-500', cause: /500/ }),
  contracts('HTML error page where JSON was promised', { target: 'html-error', cause: /502|html|JSON/i }),
  // Every route answers 200: the auth checks fail first on the status; the operations task names the body.
  contracts('invalid JSON', { target: 'invalid-json', cause: /not JSON/i, messageFrom: /documented-operations/ }),
  contracts('OpenAPI document at a URL that never answers', {
    target: 'error-500', env: (c) => ({ HOSTILE_OPENAPI: `${c.server.url('hang')}/openapi.yaml` }), cause: /openapi|document|timeout|timed out/i, messageFrom: /document/,
  }),
  browser('a page that never finishes loading', 'never-loads', /load|timeout|timed out/i),
  { ...browser('a page that opens alerts and navigates away', 'popups', /dialog|alert|navigat|moved|elsewhere|h1/i, true), focus: 'renders cleanly' },
  browser('accepts and never answers', 'hang', /timeout|timed out|navigat/i),
  browser('redirect loop', 'redirect-loop', /redirect/i),
  browser('500 on every route', 'error-500', /500/),
  suiteCase({ name: 'browser: nothing listens on the port', gate: 'browser', tests: 3, cause: /ERR_CONNECTION_REFUSED|refused|Nothing listens/i }),
  suiteCase({ name: 'smoke: accepts and never answers', gate: 'smoke', target: 'hang', tests: 8, cause: NO_ANSWER }),
  suiteCase({ name: 'a11y: a page that never finishes loading', gate: 'a11y', target: 'never-loads', tests: 3, cause: /load|timeout|timed out/i }),
  suiteCase({ name: 'visual: a page that opens alerts and navigates away', gate: 'visual', target: 'popups', tests: 3, cause: /screenshot|navigat|differ|baseline|snapshot|page shown/i }),

  // ---- our inputs are bad ----
  refused('a value of the wrong type', 'wrongType.config.ts', /timeouts\.requestMs must be a number, got "fast"/),
  refused('an unknown key', 'unknownKey.config.ts', /timeout is not a known key/, true),
  refused('a required value missing', 'missingRequired.config.ts', /target\.baseUrl/),
  refused('an empty route list', 'emptyRoutes.config.ts', /routes must list at least one route/),
  contracts('OpenAPI document missing', { config: 'openapiMissing.config.ts', target: 'error-500', cause: /no-such-openapi\.yaml/, messageFrom: /document/ }),
  contracts('OpenAPI document unparsable', { config: 'openapiUnparsable.config.ts', target: 'error-500', cause: /unparsable\.yaml.*(pars|YAML)|(pars|YAML).*unparsable\.yaml/i, messageFrom: /document/ }),
  contracts('OpenAPI document with a broken $ref', { config: 'openapiBrokenRef.config.ts', target: 'error-500', cause: /HealthStatusThatDoesNotExist/, messageFrom: /document/, selftest: true, focus: 'document loads' }),
  suiteCase({
    name: 'audit: TARGET_REPO does not exist', gate: 'audit', tests: 13, selftest: true, focus: 'no secrets are committed',
    env: (c) => ({ TARGET_REPO: path.join(c.scratch, 'no-such-repository') }), cause: /no-such-repository.*(does not exist|not found|missing)/i,
  }),
  suiteCase({
    name: 'audit: TARGET_REPO is not a readable folder', gate: 'audit', tests: 13,
    env: (c) => ({ TARGET_REPO: brokenRepository(c.scratch).notAFolder }), cause: /not a (folder|directory)|cannot be read|not readable/i,
  }),
  suiteCase({
    name: 'audit: binary, huge and non-UTF-8 files', gate: 'audit', tests: 13,
    env: (c) => ({ TARGET_REPO: brokenRepository(c.scratch).root }), cause: /latin1\.sh.*UTF-8|UTF-8.*latin1\.sh/,
    messageFrom: /scripts/,
  }),
  ...damagedLogs().map((d) => ({ ...d, run: (c: CaseContext, secret: string) => opsScript(d, c, secret) })),

  // ---- interruption (proved in selftest/e2e/reporterRuns.test.ts; one row here) ----
  { name: 'interrupt: SIGTERM mid-run', gate: 'reporter', expectation: 'verdict', boundSeconds: gateBound(1), cause: /interrupted/i, run: interruptRun },
];

/** The case on one representative test (its focus): what the self-test runs to stay within minutes. */
export function focused(hostileCase: HostileCase): HostileCase {
  if (!hostileCase.focus) return hostileCase;
  const focus = hostileCase.focus;
  return { ...hostileCase, boundSeconds: gateBound(1), run: (context, secret) => hostileCase.run(context, secret, ['--grep', focus]) };
}

export async function caseContext(server: HostileServer, scratch: string): Promise<CaseContext> {
  return { server, closedPort: await freePort(), scratch };
}
