import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ROOT } from '../helpers/runSuite.ts';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => !l.includes('Unknown user config')).join('\n') };
}

test('the code type-checks (tsc --noEmit, strict)', () => {
  const { status, output } = run('npx', ['tsc', '--noEmit', '-p', '.']);
  assert.equal(status, 0, output.slice(-4000));
});

test('the code passes lint (typescript-eslint, eslint-plugin-playwright)', () => {
  const { status, output } = run('npx', ['eslint', '--max-warnings=0', '.']);
  assert.equal(status, 0, output.slice(-4000));
});
