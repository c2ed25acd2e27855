import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { faults } from '../../demo/faults.ts';
import { digest, failedChecksOf, ROOT, runSuite, tasksOf, type SuiteRun } from '../helpers/runSuite.ts';

/**
 * The data-flows and contracts gates against the sample target: each gate clean, each with its
 * faults, and contracts with a broken OpenAPI document. Every fault of a gate fails a different
 * check, with a message that names the fault's own symptom, so by default the faults of a gate
 * share one run (the clean run shows those checks pass without them). SELFTEST_FAULTS_APART=1
 * runs one suite per fault instead. Runs start together to keep wall time near three minutes.
 */
interface FaultExpectation {
  /** The failing check: its name (which must contain the fault's caughtBy words) and message. */
  check: RegExp;
}

const EXPECTED: Record<string, FaultExpectation> = {
  'slow-quote': { check: /^SPY quote: GET \/api\/market\/quote\/SPY latency within 2000 ms: .*slowest of \d+ samples/ },
  'cache-disabled': { check: /^SPY quote: GET \/api\/market\/quote\/SPY cache serves the warm request: .*x-cache: MISS, expected HIT/ },
  'readiness-degraded': { check: /^readiness: component broker is healthy: .*"broker" is degraded/ },
  'type-drift': { check: /^GET \/api\/market\/quote\/SPY 200: schema: .*body\/price must be number/ },
  'missing-required-field': { check: /^GET \/api\/positions 200: schema: .*body\/0 must have required property 'averagePrice'/ },
  'undocumented-500': { check: /^GET \/api\/news\/market 500: status: .*answered 500, a status not documented/ },
  'undocumented-endpoint': { check: /^undocumented endpoint probe: GET \/api\/internal\/debug is not served: .*answered 200/ },
  'auth-bypass-orders': { check: /^auth: POST \/api\/orders without credentials answers 401: .*answered 201/ },
  'cors-reflect': { check: /^cors: preflight from disallowed origin https:\/\/evil\.example is refused: .*reflected with Access-Control-Allow-Credentials: true/ },
  'upstream-401-as-500': { check: /^error mapping: upstream 401 -> 503: .*answered 500, expected 503/ },
  // The passive security scan judges what the contracts gate's API calls received.
  'insecure-cookie': { check: /^security: cookie flags \(HttpOnly, SameSite, Secure\) on API responses: [\s\S]*\/api\/auth\/login: Set-Cookie paiid_session \(a session cookie\): lacks HttpOnly/ },
  'stack-trace-500': { check: /^security: no error disclosure \(stack trace, debug page\) in error responses on API responses: [\s\S]*\/api\/options\/expirations\/SPY: HTTP 500 body: shows a Node\.js stack trace/ },
  'version-banner': { check: /^security: no server version banner \(Server, X-Powered-By\) on API responses: [\s\S]*: server: is "PaiiD\/2\.3\.1 Node\.js\/[\d.]+", naming a version/ },
};

const GATES = ['data-flows', 'contracts'] as const;
const apart = process.env.SELFTEST_FAULTS_APART === '1';
const faultsOf = (gate: string) => faults.filter((fault) => fault.gate === gate && fault.kind === 'runtime');

/** Every failed check of a gate's tasks: those that stopped the chain and the findings. */
function errorsOf(run: SuiteRun, gate: string): string[] {
  return tasksOf(run, gate).flatMap(failedChecksOf);
}

function brokenDocumentConfig(): string {
  const dir = path.join(ROOT, '.work', 'selftest', 'api-broken-document');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'validation.config.ts');
  const broken = path.join(ROOT, 'selftest', 'unit', 'openapi', 'documents', 'broken-ref.yaml');
  writeFileSync(file, [
    `import base from ${JSON.stringify(path.join(ROOT, 'validation.config.ts'))};`,
    `export default { ...base, api: { ...base.api, openapi: ${JSON.stringify(broken)} } };`,
    '',
  ].join('\n'));
  return file;
}

describe('api gates: data-flows and contracts', { concurrency: true }, () => {
  const runs = new Map<string, Promise<SuiteRun>>();
  const start = (key: string, options: Parameters<typeof runSuite>[0]) => runs.set(key, runSuite({ noDeps: true, timeoutMs: 420_000, name: `api-${key.replace(/[^a-z0-9-]+/gi, '-')}-${process.pid}`, ...options }));
  const run = (key: string): Promise<SuiteRun> => runs.get(key)!;

  before(() => {
    for (const gate of GATES) {
      start(`${gate}:clean`, { project: gate });
      if (apart) for (const fault of faultsOf(gate)) start(`${gate}:${fault.name}`, { project: gate, faults: [fault.name] });
      else start(`${gate}:faults`, { project: gate, faults: faultsOf(gate).map((fault) => fault.name) });
    }
    start('contracts:broken-document', { project: 'contracts', env: { VALIDATION_CONFIG: brokenDocumentConfig() } });
  });

  for (const gate of GATES) {
    it(`${gate} passes on the clean demo`, async () => {
      const result = await run(`${gate}:clean`);
      assert.equal(result.exitCode, 0, digest(result));
      const tasks = tasksOf(result, gate);
      assert.ok(tasks.length >= 4, digest(result));
      assert.deepEqual(tasks.filter((task) => task.status !== 'completed').map((task) => task.task_id), [], digest(result));
      assert.equal(result.gates.find((record) => record.gate === gate)?.status, 'passed', digest(result));
    });

    for (const fault of faultsOf(gate)) {
      it(`${gate} fails on ${fault.name} with a check naming ${fault.caughtBy}`, async () => {
        const expectation = EXPECTED[fault.name];
        assert.ok(expectation, `no expectation written for fault ${fault.name}`);
        const result = await run(apart ? `${gate}:${fault.name}` : `${gate}:faults`);
        assert.equal(result.summary?.verdict, 'CRITICAL', digest(result));
        const line = errorsOf(result, gate).find((error) => expectation.check.test(error));
        assert.ok(line, `no failed check matches ${expectation.check} for ${fault.name}:\n${digest(result)}`);
        const name = line.split(': ')[0] ?? '';
        assert.ok(line.toLowerCase().includes(fault.caughtBy.toLowerCase()), `"${name}" does not name "${fault.caughtBy}"`);
      });
    }
  }

  it('contracts reports a broken OpenAPI document where it breaks, and the dependent checks skip with that reason', async () => {
    const result = await run('contracts:broken-document');
    const tasks = tasksOf(result, 'contracts');
    const document = tasks.find((task) => task.task_id.startsWith('contracts/openapi-document'));
    assert.equal(document?.status, 'failed', digest(result));
    assert.match(document?.errors.join('\n') ?? '', /has a broken \$ref: .*#\/components\/schemas\/Missing.*referenced at #\/paths\/~1a\/get/, digest(result));
    assert.doesNotMatch(document?.errors.join('\n') ?? '', /\n\s+at /, 'no stack trace');
    for (const prefix of ['contracts/documented-operations', 'contracts/authentication', 'contracts/undocumented-endpoints']) {
      assert.equal(tasks.find((task) => task.task_id.startsWith(prefix))?.status, 'skipped', `${prefix}\n${digest(result)}`);
    }
  });
});
