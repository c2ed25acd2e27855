import autocannon from 'autocannon';
import type { LoadSamples } from './load.ts';

export interface LoadRunOptions {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
  requestTimeoutMs: number;
  expectStatus: number;
}

/** Keeps memory bounded on a very fast target; percentiles of the first million answers are plenty. */
const MAX_SAMPLES = 1_000_000;

/**
 * Runs autocannon (as a library) against one endpoint and returns every answer's latency and
 * status tally. autocannon's own histogram keeps only 2xx latencies and has no p95, so the
 * samples are taken from its per-response event.
 */
export async function runLoad(options: LoadRunOptions): Promise<LoadSamples & { statusCounts: Record<string, number>; firstError?: string }> {
  const latenciesMs: number[] = [];
  const statusCounts: Record<string, number> = {};
  let ok = 0;
  let wrongStatus = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: options.url,
      method: options.method as autocannon.Request['method'],
      headers: options.headers,
      body: options.body,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: Math.max(1, Math.ceil(options.requestTimeoutMs / 1000)),
    }, (error, done) => {
      clearTimeout(guard);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(done);
    });
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (latenciesMs.length < MAX_SAMPLES) latenciesMs.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      if (statusCode === options.expectStatus) ok += 1;
      else wrongStatus += 1;
    });
    instance.on('reqError', (error: Error) => {
      firstError ??= error.message;
    });
    // autocannon stops itself after `duration`; this is the outer bound should it hang.
    const guard = setTimeout(() => instance.stop(), (options.durationSeconds * 1000) + options.requestTimeoutMs + 5_000);
  });
  return {
    latenciesMs,
    ok,
    wrongStatus,
    noAnswer: result.errors,
    durationSeconds: result.duration || (performance.now() - started) / 1000,
    statusCounts,
    ...(firstError ? { firstError } : {}),
  };
}
