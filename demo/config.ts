import { randomBytes } from 'node:crypto';

/** Everything the sample target reads from its environment, resolved once at start. */
export interface DemoConfig {
  port: number;
  host: string;
  corsOrigins: string[];
  user: string;
  password: string;
  jwtSecret: Uint8Array;
  tokenTtlSeconds: number;
  /** Which platform this server is: PaiiD, or its next-generation sibling PaπD 2mx (a newer API). */
  variant: DemoVariant;
}

export type DemoVariant = 'paiid' | '2mx';
export const DEMO_VARIANTS: readonly DemoVariant[] = ['paiid', '2mx'];

export const DEFAULT_PORT = 47310;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_CORS_ORIGINS = [
  `http://127.0.0.1:${DEFAULT_PORT}`,
  `http://localhost:${DEFAULT_PORT}`,
  'https://app.paiid.example',
];
export const DEFAULT_TOKEN_TTL_SECONDS = 900;
export const DEMO_VERSION = '0.1.0';

export type DemoEnv = Record<string, string | undefined>;

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`DEMO_PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parsePositiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function parseList(raw: string | undefined, fallback: string[]): string[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function parseVariant(raw: string | undefined): DemoVariant {
  const value = raw?.trim() || 'paiid';
  if (!(DEMO_VARIANTS as readonly string[]).includes(value)) throw new Error(`DEMO_VARIANT must be one of ${DEMO_VARIANTS.join(', ')}, got "${value}"`);
  return value as DemoVariant;
}

/** Reads DEMO_* variables. The JWT secret is random per process unless DEMO_JWT_SECRET is set. */
export function loadConfig(env: DemoEnv = process.env): DemoConfig {
  const secret = env.DEMO_JWT_SECRET;
  return {
    variant: parseVariant(env.DEMO_VARIANT),
    port: parsePort(env.DEMO_PORT, DEFAULT_PORT),
    host: env.DEMO_HOST?.trim() || DEFAULT_HOST,
    corsOrigins: parseList(env.DEMO_CORS_ORIGINS, DEFAULT_CORS_ORIGINS),
    user: env.DEMO_USER?.trim() || 'demo',
    password: env.DEMO_PASSWORD || 'paper-trading',
    jwtSecret: secret ? new TextEncoder().encode(secret) : new Uint8Array(randomBytes(32)),
    tokenTtlSeconds: parsePositiveInt('DEMO_TOKEN_TTL_SECONDS', env.DEMO_TOKEN_TTL_SECONDS, DEFAULT_TOKEN_TTL_SECONDS),
  };
}
