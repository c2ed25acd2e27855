import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { ConfigError } from './errors.ts';
import type { ResolvedConfig } from './resolve.ts';

export type { ResolvedConfig, TargetEnvironment } from './resolve.ts';

type Env = Record<string, string | undefined>;

export const DEFAULT_CONFIG_FILE = 'validation.config.ts';

/** Reads `.env` (never overriding what the environment already says). */
export function loadDotenv(cwd = process.cwd()): void {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) dotenv.config({ path: file, quiet: true });
}

export function configFilePath(env: Env = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.VALIDATION_CONFIG || DEFAULT_CONFIG_FILE);
}

const cache = new Map<string, Promise<ResolvedConfig>>();

/**
 * Loads, validates and resolves the config once per process.
 * Every problem is collected and thrown together as a ConfigError.
 * A test worker takes the config its runner resolved (see `handConfigToWorkers`) instead.
 */
export function loadValidationConfig(env: Env = process.env, cwd = process.cwd()): Promise<ResolvedConfig> {
  loadDotenv(cwd);
  const file = configFilePath(env, cwd);
  const key = `${file}\n${JSON.stringify(env)}`;
  let loaded = cache.get(key);
  if (!loaded) {
    const fromRunner = env === process.env && cwd === process.cwd() ? handedOff(file) : undefined;
    // The schema (zod and every section) loads only where a config is validated.
    loaded = fromRunner ? Promise.resolve(fromRunner) : importConfig(file).then(async (raw) => (await import('./resolve.ts')).resolveConfig(raw, file, env));
    cache.set(key, loaded);
  }
  return loaded;
}

/** The environment variable that carries the runner's resolved config to its workers. */
export const HANDOFF_VARIABLE = 'VALIDATION_CONFIG_RESOLVED';
/** Linux caps one environment string at 128 KiB: a larger config is loaded by each worker instead. */
const HANDOFF_MAX_CHARS = 100_000;

interface Handoff {
  /** The runner's process id: only its own children (the workers) take the config. */
  pid: number;
  file: string;
  config: ResolvedConfig;
}

/**
 * Called by the runner's Playwright config once it has the config: the workers it forks inherit
 * the environment and take the resolved config from it, instead of importing the config file and
 * the schema and validating again in every worker (a few hundred milliseconds each).
 */
export function handConfigToWorkers(config: ResolvedConfig, env: Env = process.env): void {
  // A worker evaluates the Playwright config too: it hands nothing on.
  if (env.TEST_WORKER_INDEX !== undefined) return;
  const text = JSON.stringify({ pid: process.pid, file: config.meta.file, config } satisfies Handoff);
  if (text.length <= HANDOFF_MAX_CHARS) env[HANDOFF_VARIABLE] = text;
  else delete env[HANDOFF_VARIABLE];
}

/**
 * The runner's config, in a worker of that runner for the same config file; anything else (a
 * script, a nested run started from a worker, another file) loads and validates for itself.
 */
export function handedOff(file: string, env: Env = process.env, parentPid = process.ppid): ResolvedConfig | undefined {
  const text = env[HANDOFF_VARIABLE];
  if (env.TEST_WORKER_INDEX === undefined || !text) return undefined;
  try {
    const handoff = JSON.parse(text) as Partial<Handoff>;
    return handoff.pid === parentPid && handoff.file === file && handoff.config ? handoff.config : undefined;
  } catch {
    return undefined;
  }
}

async function importConfig(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new ConfigError(file, [`the file does not exist (VALIDATION_CONFIG=${process.env.VALIDATION_CONFIG ?? ''})`]);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError(file, [`the file could not be loaded: ${(error as Error).message.split('\n')[0]}`]);
  }
  if (module.default === undefined) throw new ConfigError(file, ['the file must `export default defineValidationConfig({...})`']);
  return module.default;
}

