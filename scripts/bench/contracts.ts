/**
 * `npm run bench:contracts [-- --count 100000]`: records one response per documented example
 * from the sample target (started here on a free port, or BASE_URL when set), then checks
 * `count` responses, cycling through the recordings, with the compiled contract validators:
 * endpoint, status, headers, content-type, JSON parse and schema. Prints responses/s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { interpolate, templateVariables, valueAtPath } from '../../lib/http.ts';
import { ContractValidator, describeLoadFailure, loadOpenApi, planExercise, requestBasePath, requestTarget, type RecordedResponse } from '../../lib/openapi/index.ts';
import { stateChangeContext } from '../../lib/stateChange.ts';
import { freePort } from '../../lib/net.ts';

const TARGET_RATE = 50_000;


async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) throw new UserError(`--count must be a positive integer, got "${values.count}"`);

  let server: ChildProcess | undefined;
  if (!process.env.BASE_URL) {
    process.env.DEMO_PORT = String(await freePort());
    server = spawn('npx', ['tsx', 'demo/server.ts'], { env: process.env, stdio: 'ignore', detached: true });
  }
  try {
    // Loaded after DEMO_PORT is set: the demo config derives its URLs from it.
    const { loadValidationConfig } = await import('../../lib/config/index.ts');
    const config = await loadValidationConfig();
    if (!config.api.openapi) throw new UserError('api.openapi is not set in the validation config');
    const loaded = await loadOpenApi(config.api.openapi, config.meta.dir);
    if (!loaded.ok) throw new UserError(describeLoadFailure(loaded));
    const validator = new ContractValidator(loaded.document, loaded.version);
    const base = config.meta.apiUrl;
    if (config.target.webServer && server) await waitFor(config.target.webServer.url, 60_000);

    let token = process.env.API_TOKEN;
    const login = config.auth?.login;
    if (!token && login) {
      const body = interpolate(login.body, templateVariables(process.env, config.auth).variables);
      const answer = await fetch(`${base}${login.path}`, { method: login.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const found = valueAtPath(await answer.json().catch(() => undefined), login.tokenPath);
      token = typeof found === 'string' ? found : undefined;
    }

    const recordings: RecordedResponse[] = [];
    // The gate's own plan, read-only rule included: only what the config allows here is sent.
    const settings = config.api.contracts;
    const decisions = planExercise(validator.operations, {
      overrides: settings.operations, defaultAuth: settings.defaultAuth, context: stateChangeContext(config), maxVariants: settings.maxExamplesPerOperation,
      variables: templateVariables(process.env, config.auth).variables, basePath: requestBasePath(loaded.document.servers, base),
    });
    for (const decision of decisions) {
      if (!('requests' in decision)) continue;
      for (const request of decision.requests) {
        const url = new URL(`${base}${requestTarget(request)}`);
        const headers: Record<string, string> = { ...request.headers };
        if (request.auth === 'token' && token) headers.Authorization = `Bearer ${token}`;
        const response = await fetch(url, { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) });
        recordings.push({ method: request.method, path: request.path, status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() });
      }
    }
    if (recordings.length === 0) throw new UserError('no response could be recorded: no documented operation has examples');

    // Recorded responses are stored parsed (as a log of responses would hold them); the second
    // figure re-parses the raw text on every check, for comparison.
    const parsed = recordings.map((recording) => ({ ...recording, body: parseOrUndefined(recording.text) }));
    // Warm-up compiles every validator, so the timed loops measure checking, not compiling.
    for (const recording of parsed) validator.check(recording);
    // CPU time too: on a shared machine the wall clock also counts other processes' turns.
    const timed = (set: RecordedResponse[]): { rate: number; cpuRate: number; seconds: number; failures: number } => {
      let failures = 0;
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < count; i++) {
        if (!validator.check(set[i % set.length]!).ok) failures++;
      }
      const cpu = process.cpuUsage(cpuBefore);
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      return { rate: Math.round(count / seconds), cpuRate: Math.round(count / cpuSeconds), seconds, failures };
    };
    const checked = timed(parsed);
    const withParse = timed(recordings);
    const rate = checked.rate;
    const bytes = recordings.reduce((sum, r) => sum + (r.text?.length ?? 0), 0);
    console.log(`bench:contracts: ${count} responses (${recordings.length} recorded from ${validator.operations.length} operations, mean body ${Math.round(bytes / recordings.length)} B) checked in ${checked.seconds.toFixed(2)} s, ${checked.failures} contract failure(s) among them`);
    console.log(`bench:contracts: ${rate.toLocaleString('en-US')} responses/s (target >= ${TARGET_RATE.toLocaleString('en-US')}/s) ${rate >= TARGET_RATE ? 'OK' : 'BELOW TARGET'}; ${checked.cpuRate.toLocaleString('en-US')} per CPU-second; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
    console.log(`bench:contracts: ${withParse.rate.toLocaleString('en-US')} responses/s (${withParse.cpuRate.toLocaleString('en-US')} per CPU-second) when each body is also JSON-parsed from its text`);
    if (rate < TARGET_RATE) process.exitCode = 1;
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

function parseOrUndefined(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A problem the user can fix: printed as one line, no stack. */
class UserError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UserError) console.error(`bench:contracts: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
