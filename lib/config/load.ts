import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { createPrivateFile } from '../secretChannel.ts';
import { ConfigError } from './errors.ts';
import { findConfigFile, importConfigFile } from './files.ts';
import type { ResolvedConfig } from './resolve.ts';

export type { ResolvedConfig, TargetEnvironment } from './resolve.ts';

type Env = Record<string, string | undefined>;

export const DEFAULT_CONFIG_FILE = 'validation.config.ts';

/** Reads `.env` (never overriding what the environment already says). */
export function loadDotenv(cwd = process.cwd()): void {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) dotenv.config({ path: file, quiet: true });
}

/**
 * VALIDATION_CONFIG when set; else the nearest `validation.config.{ts,mts,js,mjs,json,yaml,yml}`
 * upward from `cwd`; else `cwd/validation.config.ts` (whose absence is then reported).
 */
export function configFilePath(env: Env = process.env, cwd = process.cwd()): string {
  if (env.VALIDATION_CONFIG) return path.resolve(cwd, env.VALIDATION_CONFIG);
  return findConfigFile(cwd) ?? path.resolve(cwd, DEFAULT_CONFIG_FILE);
}

/** One resolved config per file and environment, shared by the async loader and the sync one. */
export const configCache = new Map<string, Promise<ResolvedConfig>>();
const cache = configCache;

export function cacheKey(file: string, env: Env): string {
  return `${file}\n${JSON.stringify(env)}`;
}

/**
 * Loads, validates and resolves the config once per process.
 * Every problem is collected and thrown together as a ConfigError.
 * A test worker takes the config its runner resolved (see `handConfigToWorkers`) instead.
 */
export function loadValidationConfig(env: Env = process.env, cwd = process.cwd()): Promise<ResolvedConfig> {
  loadDotenv(cwd);
  const file = configFilePath(env, cwd);
  const key = cacheKey(file, env);
  let loaded = cache.get(key);
  if (!loaded) {
    const fromRunner = env === process.env && cwd === process.cwd() ? handedOff(file) : undefined;
    // The schema (zod and every section) loads only where a config is validated.
    loaded = fromRunner ? Promise.resolve(fromRunner) : importConfig(file).then(async (raw) => (await import('./resolve.ts')).resolveConfig(raw, file, env));
    cache.set(key, loaded);
  }
  return loaded;
}

/** The environment variable naming the file that carries the runner's resolved config to its workers. */
export const HANDOFF_VARIABLE = 'VALIDATION_CONFIG_RESOLVED';

interface Handoff {
  /** The runner's process id: only its own children (the workers) take the config. */
  pid: number;
  file: string;
  config: ResolvedConfig;
}

/**
 * Called by the runner's Playwright config once it has the config: the resolved config goes to a
 * private file (as the secret channel's) named in the environment the workers inherit, and each
 * worker reads it instead of importing the config file and the schema and validating again (a few
 * hundred milliseconds each). Only the name is in the environment, so the target's server and
 * every other child process get no copy of the config. The file goes when the runner exits.
 */
export function handConfigToWorkers(config: ResolvedConfig, env: Env = process.env): void {
  // A worker evaluates the Playwright config too: it hands nothing on.
  if (env.TEST_WORKER_INDEX !== undefined) return;
  const file = createPrivateFile('mo-config', JSON.stringify({ pid: process.pid, file: config.meta.file, config } satisfies Handoff));
  env[HANDOFF_VARIABLE] = file;
  process.once('exit', () => rmSync(file, { force: true }));
}

/**
 * The runner's config, in a worker of that runner for the same config file; anything else (a
 * script, a nested run started from a worker, another file, a missing or damaged file) loads and
 * validates for itself.
 */
export function handedOff(file: string, env: Env = process.env, parentPid = process.ppid): ResolvedConfig | undefined {
  const handoffFile = env[HANDOFF_VARIABLE];
  if (env.TEST_WORKER_INDEX === undefined || !handoffFile) return undefined;
  try {
    const handoff = JSON.parse(readFileSync(handoffFile, 'utf8')) as Partial<Handoff>;
    return handoff.pid === parentPid && handoff.file === file && handoff.config ? handoff.config : undefined;
  } catch {
    return undefined;
  }
}

export function missingConfigError(file: string): ConfigError {
  const hint = process.env.VALIDATION_CONFIG ? `VALIDATION_CONFIG=${process.env.VALIDATION_CONFIG}` : 'none found here or above: write one with `npx meta-orchestrator init --url <base URL>`';
  return new ConfigError(file, [`the file does not exist (${hint})`]);
}

async function importConfig(file: string): Promise<unknown> {
  if (!existsSync(file)) throw missingConfigError(file);
  return importConfigFile(file);
}
