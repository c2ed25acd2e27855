import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS } from '../lib/risk/index.ts';
import { checksTable } from '../lib/risk/checks/table.ts';

/**
 * `npm run docs:checks`: writes the registry's severity table into README.md between its markers
 * (`--check` exits 1 when the README is out of date instead).
 */
const BEGIN = '<!-- checks:begin -->';
const END = '<!-- checks:end -->';
const file = path.resolve(import.meta.dirname, '..', 'README.md');
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`docs:checks: README.md has no ${BEGIN} ... ${END} section`);
  process.exit(1);
}
const next = `${readme.slice(0, start + BEGIN.length)}\n${checksTable(CHECKS)}\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('docs:checks: README.md is out of date with lib/risk/checks: run npm run docs:checks');
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(file, next);
  console.log(`docs:checks: wrote ${CHECKS.length} checks into README.md`);
}
