#!/usr/bin/env node
// `npm run build` (also `prepack`): the installed package's JavaScript and its config JSON Schema.
// Node 20 cannot run TypeScript and Playwright does not transform files under node_modules, so the
// package ships what tsc emits (relative `.ts` imports rewritten to `.js`) instead of a loader.
import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('build: tsc failed (see above)');
  process.exit(1);
}
chmodSync(path.join(dist, 'scripts', 'cli.js'), 0o755);

// The schema is generated from the compiled config schema, so it cannot drift from what loads.
const { configJsonSchema } = await import(pathToFileURL(path.join(dist, 'lib', 'config', 'jsonSchema.js')).href);
writeFileSync(path.join(dist, 'validation.config.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`build: wrote ${path.relative(process.cwd(), dist) || dist}/ (JavaScript, types, validation.config.schema.json)`);
