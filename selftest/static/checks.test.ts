import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CHECKS, definitionOf } from '../../lib/risk/index.ts';
import { checksTable } from '../../lib/risk/checks/table.ts';
import { ROOT } from '../helpers/runSuite.ts';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (full.endsWith('.ts')) out.push(full);
  }
  return out;
}

test('every check id the code records is in the registry (no operation escapes the severity table)', () => {
  const unknown: string[] = [];
  for (const folder of ['fixtures', 'tests', 'lib']) {
    for (const file of sources(path.join(ROOT, folder))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/check: '([a-z0-9-]+\/[a-z0-9/-]+)'/g)) {
        if (!definitionOf(match[1]!)) unknown.push(`${path.relative(ROOT, file)}: ${match[1]}`);
      }
    }
  }
  assert.deepEqual(unknown, []);
});

test('the README holds the severity table as the registry gives it', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(checksTable(CHECKS)), 'README.md is out of date with lib/risk/checks: run npm run docs:checks');
});
