import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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
export function requireConfig(file: string): unknown {
  let module: unknown;
  try {
    module = createRequire(file)(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_REQUIRE_ASYNC_MODULE') throw new ConfigError(file, ['the file must not use top-level await: the gates need their config before any test starts']);
    throw new ConfigError(file, [`the file could not be loaded: ${(error as Error).message.split('\n')[0]}`]);
  }
  return defaultExport(module, file);
}
