import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readConfigFile } from './files.ts';
import { cacheKey, configCache, configFilePath, handedOff, loadDotenv, missingConfigError, type ResolvedConfig } from './load.ts';

type Env = Record<string, string | undefined>;
type ResolveModule = typeof import('./resolve.ts');

/**
 * The installed package's Playwright config must hand Playwright its projects at once (a config
 * module that is `require`d cannot wait), so it loads the team's config synchronously. A worker
 * takes the runner's resolved config as the async loader does; the result joins the same cache.
 */
export function loadValidationConfigSync(env: Env = process.env, cwd = process.cwd()): ResolvedConfig {
  loadDotenv(cwd);
  const file = configFilePath(env, cwd);
  // The team's `.env` sits beside its config, wherever the command was started.
  loadDotenv(path.dirname(file));
  const fromRunner = env === process.env && cwd === process.cwd() ? handedOff(file) : undefined;
  const config = fromRunner ?? resolveNow(file, env);
  configCache.set(cacheKey(file, env), Promise.resolve(config));
  return config;
}

function resolveNow(file: string, env: Env): ResolvedConfig {
  if (!existsSync(file)) throw missingConfigError(file);
  const raw = readConfigFile(file);
  // Loaded only here, so a worker (which takes the runner's config) never loads zod and the schema.
  const ownExtension = path.extname(import.meta.filename);
  const { resolveConfig } = createRequire(import.meta.filename)(`./resolve${ownExtension}`) as ResolveModule;
  return resolveConfig(raw, file, env);
}
