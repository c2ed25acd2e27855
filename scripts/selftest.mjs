#!/usr/bin/env node
// The suite's own tests: static checks (lint, types), unit tests of lib/, and end-to-end runs of the
// real suite against the sample target. One node:test run, so its closing summary is the last word.
//   node scripts/selftest.mjs [unit|e2e|static|<path filter>...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);

function find(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...find(full));
    else if (entry.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const order = (file) => (file.includes('/static/') ? 0 : file.includes('/unit/') ? 1 : 2);
const files = find(path.join(root, 'selftest'))
  .map((file) => path.relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort((a, b) => order(a) - order(b) || a.localeCompare(b));

if (files.length === 0) {
  console.error(`No self-test matches ${filters.join(' ')}`);
  process.exit(1);
}

const concurrency = process.env.SELFTEST_CONCURRENCY ?? '2';
const result = spawnSync(process.execPath, [
  '--import', 'tsx',
  '--test',
  '--test-reporter=spec',
  `--test-concurrency=${concurrency}`,
  '--test-timeout=900000',
  ...files,
], { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
process.exit(result.status ?? 1);
