import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './errors.ts';

/**
 * Where a config lives and how its file becomes a value. Found by convention like Lighthouse CI's
 * `lighthouserc` or ESLint's flat config: the first of these names, upward from the working folder.
 */
export const CONFIG_FILE_NAMES: readonly string[] = [
  'validation.config.ts',
  'validation.config.mts',
  'validation.config.js',
  'validation.config.mjs',
  'validation.config.json',
  'validation.config.yaml',
  'validation.config.yml',
];

/** The nearest config file in `cwd` or a folder above it. */
export function findConfigFile(cwd: string, exists: (file: string) => boolean = existsSync): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (exists(file)) return file;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function isDataConfig(file: string): boolean {
  return /\.(json|ya?ml)$/i.test(file);
}

/** A JSON or YAML config: its object, without the `$schema` key editors use. */
export function readDataConfig(file: string): unknown {
  let value: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    value = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(file, [`the file could not be parsed: ${(error as Error).message.split('\n')[0]}`]);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && '$schema' in value) {
    const { $schema: _schema, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
}

/** The config a module exports: its default export (a CommonJS `module.exports` counts as one). */
export function defaultExport(module: unknown, file: string): unknown {
  const exported = module as { default?: unknown; __esModule?: boolean; [Symbol.toStringTag]?: string } | undefined;
  if (exported && typeof exported === 'object' && exported.default !== undefined) {
    // `import()` of TypeScript compiled to CommonJS: the namespace's default is `module.exports`, which holds the real one.
    const inner = exported.default as { default?: unknown; __esModule?: boolean } | undefined;
    return inner && typeof inner === 'object' && inner.__esModule === true && inner.default !== undefined ? inner.default : inner;
  }
  const isNamespace = exported?.[Symbol.toStringTag] === 'Module' || exported?.__esModule === true;
  if (exported === undefined || isNamespace) throw new ConfigError(file, ['the file must `export default defineValidationConfig({...})`']);
  return exported;
}

/**
 * Loads a TypeScript or JavaScript config synchronously, for a Playwright config that must return
 * its projects at once. Inside Playwright's runner and workers, `require` goes through Playwright's
 * own TypeScript transform (the same one that loads the team's playwright.config.ts), in a CommonJS
 * or an ES module project alike.
 */
function requireConfig(file: string): unknown {
  let module: unknown;
  try {
    module = createRequire(file)(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_REQUIRE_ASYNC_MODULE') throw new ConfigError(file, ['the file must not use top-level await: the gates need their config before any test starts']);
    throw loadError(file, error);
  }
  return defaultExport(module, file);
}

/** Why a config file could not be loaded, in one line; an import of the package it cannot find says how to get it. */
function loadError(file: string, error: unknown): ConfigError {
  const message = (error as Error).message.split('\n')[0] ?? String(error);
  const hint = /Cannot find (module|package) 'meta-orchestrator(\/[^']*)?'/.test(message)
    ? ' (install the package where the config is, `npm install --save-dev meta-orchestrator`; or, run from the suite\'s checkout, drop the import and export the plain object: `defineValidationConfig` only adds types)'
    : '';
  return new ConfigError(file, [`the file could not be loaded: ${message}${hint}`]);
}

/**
 * A config (or workspace) file's value, for a Playwright config that must have it at once: a JSON or
 * YAML file parsed, a script required (Playwright's and tsx's require hooks compile TypeScript).
 */
export function readConfigFile(file: string): unknown {
  return isDataConfig(file) ? readDataConfig(file) : requireConfig(file);
}

/**
 * A config (or workspace) file's value, loaded the way its folder says. A JSON or YAML file is
 * parsed. A script in a CommonJS folder (no "type": "module" above it: a team's own repository,
 * loaded from the suite's ES module checkout) is required: Playwright's import hook would keep its ES
 * syntax and run it as CommonJS, which cannot parse it, while its require hook (and tsx's) compiles
 * the file to CommonJS, as for the installed package's config. The choice is made before loading:
 * once an import of a file has failed, a require of it gets the failed module back.
 */
export async function importConfigFile(file: string): Promise<unknown> {
  if (isDataConfig(file) || !isModuleScoped(file)) return readConfigFile(file);
  let module: unknown;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    throw loadError(file, error);
  }
  return defaultExport(module, file);
}

/** Whether Node runs the file as an ES module: by its extension, else the nearest package.json's "type". */
export function isModuleScoped(file: string): boolean {
  if (/\.m[jt]s$/.test(file)) return true;
  if (/\.c[jt]s$/.test(file)) return false;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}
