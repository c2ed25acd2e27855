import http from 'node:http';
import https from 'node:https';
import { importOptional } from '../optional.ts';
import { errorMessage } from '../risk/index.ts';
import type { InfraTarget } from './infrastructure.ts';

/**
 * One bounded probe per service: connect and ask the smallest question that proves it answers.
 * Every probe resolves or rejects within `timeoutMs`, and closes what it opened.
 */
export interface ProbeResult {
  durationMs: number;
  detail: string;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `SELECT 1` over the full URL (credentials, database, TLS options as the URL says). */
export async function probePostgres(url: string, timeoutMs: number): Promise<ProbeResult> {
  const { default: pg } = await importOptional('pg', 'The PostgreSQL probe (DATABASE_URL)', () => import('pg'));
  const started = performance.now();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, statement_timeout: timeoutMs });
  // A dropped connection after the probe must not crash the worker.
  client.on('error', () => undefined);
  try {
    const result = await withTimeout((async () => {
      await client.connect();
      return client.query<{ ok: number }>('SELECT 1 AS ok');
    })(), timeoutMs + 500, 'postgres probe', () => void client.end().catch(() => undefined));
    const value = result.rows[0]?.ok;
    if (value !== 1) throw new Error(`SELECT 1 returned ${JSON.stringify(value)}`);
    return { durationMs: performance.now() - started, detail: 'SELECT 1 returned 1' };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `PING` answered with PONG; no retries, no offline queue: one attempt within the bound. */
export async function probeRedis(url: string, timeoutMs: number): Promise<ProbeResult> {
  const { Redis } = await importOptional('ioredis', 'The Redis probe (REDIS_URL)', () => import('ioredis'));
  const started = performance.now();
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    reconnectOnError: () => false,
  });
  let lastError: string | undefined;
  client.on('error', (error: Error) => {
    lastError = errorMessage(error);
  });
  try {
    const pong = await withTimeout((async () => {
      await client.connect();
      return client.ping();
    })(), timeoutMs + 500, 'redis probe', () => client.disconnect());
    if (pong !== 'PONG') throw new Error(`PING answered ${JSON.stringify(pong)}`);
    return { durationMs: performance.now() - started, detail: 'PING answered PONG' };
  } catch (error) {
    // ioredis rejects with "Connection is closed." after emitting the real cause: report the cause.
    throw new Error(lastError ?? errorMessage(error));
  } finally {
    client.disconnect();
  }
}

/** The engine's `GET /_ping` (answers "OK") on its unix socket or TCP port. */
export async function probeDocker(target: Extract<InfraTarget, { kind: 'docker' }>, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  const isTls = 'tls' in target && target.tls;
  const transport = isTls ? https : http;
  const location = 'socketPath' in target ? { socketPath: target.socketPath } : { host: target.host, port: target.port };
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = transport.request({ ...location, path: '/_ping', method: 'GET', timeout: timeoutMs }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < 1_000) text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('timeout', () => request.destroy(new Error(`GET /_ping timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end();
  });
  if (status !== 200 || body.trim() !== 'OK') throw new Error(`GET /_ping answered ${status} ${JSON.stringify(body.slice(0, 100))}, expected 200 "OK"`);
  return { durationMs: performance.now() - started, detail: 'GET /_ping answered OK' };
}
