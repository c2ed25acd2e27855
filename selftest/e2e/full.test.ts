import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { GATES, QUICK_GATES } from '../../projects/index.ts';
import { assertLogValid } from '../helpers/logSchema.ts';
import { digest, readRun, ROOT, runSuite } from '../helpers/runSuite.ts';

describe('the whole chain on the clean sample target', () => {
  test('--project=full runs every gate in order and every gate passes: PASS, exit 0', async () => {
    const run = await runSuite({ project: 'full', name: 'full-clean', timeoutMs: 900_000 });
    assert.equal(run.exitCode, 0, digest(run));
    assert.equal(run.summary?.verdict, 'PASS', digest(run));
    assert.deepEqual(run.gates.map((g) => [g.gate, g.status]), GATES.map((g) => [g.name, 'passed']), digest(run));
    assert.equal(run.summary?.tasks.failed, 0);
    assert.equal(run.summary?.tasks.blocked, 0);
    assert.ok((run.summary?.operations ?? 0) >= 50, `only ${run.summary?.operations} operations`);
    assertLogValid(run);
    // Dependencies hold: no task of a gate started before every task of the gates it depends on ended.
    const span = (gate: string) => run.tasks.filter((t) => t.agent === gate && t.start_time && t.end_time);
    for (const gate of GATES) {
      const firstStart = Math.min(...span(gate.name).map((t) => Date.parse(t.start_time!)));
      for (const dependency of gate.dependencies) {
        const lastEnd = Math.max(...span(dependency).map((t) => Date.parse(t.end_time!)));
        assert.ok(firstStart >= lastEnd - 5, `${gate.name} started before ${dependency} ended`);
      }
    }
  });
});

describe('aggregates and listing', () => {
  test('--list shows each gate\'s tests under its project, and quick holds only the three core gates', () => {
    const listed = spawnSync('npx', ['playwright', 'test', '--list', '--project=full', '--project=quick'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    assert.equal(listed.status, 0, listed.stderr);
    for (const gate of GATES) assert.match(listed.stdout, new RegExp(`\\[${gate.name}\\] › tests/${gate.name}/`), `no test listed for ${gate.name}`);
    const quickProjects = new Set([...listed.stdout.matchAll(/\[quick-([a-z-]+)\]/g)].map((m) => m[1]));
    assert.deepEqual([...quickProjects].sort(), [...QUICK_GATES].sort());
  });
});

describe('a broken config stops the run before any test', () => {
  test('every problem is listed with its key path, no stack trace, exit non-zero', () => {
    const dir = path.join(ROOT, '.work', 'selftest', 'bad-config');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'bad.config.ts');
    writeFileSync(file, `export default { target: { name: 'x', baseUrl: 'nope' }, routes: [], api: { endpoints: [{ name: 'q', path: '/q', budgetMs: 'fast' }] }, colour: 1 };\n`);
    const outputRoot = path.join(dir, 'out');
    const result = spawnSync('npx', ['playwright', 'test', '--project=audit', '--no-deps'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, VALIDATION_CONFIG: file, OUTPUT_ROOT: outputRoot } });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.notEqual(result.status, 0);
    assert.match(output, /Invalid validation config .*bad\.config\.ts/);
    assert.match(output, /target\.baseUrl must be a valid url, got "nope"/);
    assert.match(output, /routes must list at least one route/);
    assert.match(output, /api\.endpoints\[0\]\.budgetMs must be a number, got "fast"/);
    assert.match(output, /colour is not a known key/);
    assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+/, 'a stack trace was printed');
    assert.doesNotMatch(output, /Running \d+ test/);
    // The run still leaves a complete log and a CRITICAL summary that says why.
    const run = readRun(outputRoot);
    assertLogValid({ ...run, stdout: '', stderr: '', exitCode: result.status, signal: null, durationMs: 0, outputRoot });
    assert.equal(run.summary?.verdict, 'CRITICAL');
    assert.match(run.summaryMarkdown, /## Invalid validation config\n\n- target\.baseUrl must be a valid url/);
  });
});

describe('a config in the team\'s own folder, run from the checkout', () => {
  // Outside the checkout: its package.json decides how Node runs the file, not the suite's "type": "module".
  const config = (name: string) => `export default { target: { name: '${name}', baseUrl: 'http://127.0.0.1:9' }, routes: [{ path: '/', name: 'home' }] };\n`;
  const list = (file: string) => spawnSync('npx', ['playwright', 'test', '--list', '--project=audit', '--no-deps'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, VALIDATION_CONFIG: file, OUTPUT_ROOT: path.join(path.dirname(file), 'out') } });

  test('loads in a CommonJS folder and in an ES module folder, TypeScript or JavaScript; a missing package import says how to fix it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mo-team-config-'));
    try {
      const commonjs = path.join(dir, 'cjs');
      const esm = path.join(dir, 'esm');
      mkdirSync(commonjs);
      mkdirSync(esm);
      writeFileSync(path.join(commonjs, 'package.json'), '{ "name": "team-app", "version": "1.0.0" }\n');
      writeFileSync(path.join(esm, 'package.json'), '{ "name": "team-app", "version": "1.0.0", "type": "module" }\n');
      const files = [path.join(commonjs, 'validation.config.ts'), path.join(commonjs, 'validation.config.js'), path.join(esm, 'validation.config.ts')];
      for (const file of files) {
        writeFileSync(file, config(path.basename(path.dirname(file))));
        const listed = list(file);
        assert.equal(listed.status, 0, `${file}:\n${listed.stdout}\n${listed.stderr}`);
        assert.match(listed.stdout, /\[audit\] › tests\/audit\//);
      }
      const importing = path.join(commonjs, 'imports.config.ts');
      writeFileSync(importing, `import { defineValidationConfig } from 'meta-orchestrator';\n${config('imports').replace('export default ', 'export default defineValidationConfig(').replace(/;\n$/, ');\n')}`);
      const failed = list(importing);
      assert.notEqual(failed.status, 0);
      assert.match(`${failed.stdout}${failed.stderr}`, /Cannot find module 'meta-orchestrator' \(install the package where the config is, `npm install --save-dev meta-orchestrator`; or, run from the suite's checkout, drop the import/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
