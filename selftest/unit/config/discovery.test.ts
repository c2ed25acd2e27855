import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigError } from '../../../lib/config/errors.ts';
import { defaultExport, findConfigFile, isModuleScoped, readDataConfig } from '../../../lib/config/files.ts';
import { configFilePath } from '../../../lib/config/load.ts';
import { importOptional, isMissingPackage, MissingPackageError } from '../../../lib/optional.ts';
import { parseTestArgs } from '../../../lib/testArgs.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'mo-find-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('the config is found by convention', () => {
  test('the nearest validation.config.* upward from the working folder, .ts before .json before .yaml', () => {
    const project = path.join(scratch, 'project');
    const deep = path.join(project, 'packages', 'web', 'src');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(project, 'validation.config.yaml'), 'x: 1\n');
    assert.equal(findConfigFile(deep), path.join(project, 'validation.config.yaml'));
    writeFileSync(path.join(project, 'validation.config.json'), '{}');
    assert.equal(findConfigFile(deep), path.join(project, 'validation.config.json'));
    writeFileSync(path.join(project, 'validation.config.ts'), 'export default {}');
    assert.equal(findConfigFile(deep), path.join(project, 'validation.config.ts'));
    writeFileSync(path.join(project, 'packages', 'validation.config.mjs'), 'export default {}');
    assert.equal(findConfigFile(deep), path.join(project, 'packages', 'validation.config.mjs'), 'the nearer one wins');
  });

  test('how Node runs a config file: .mts/.mjs as a module, .cts/.cjs not, else the nearest package.json\'s "type"', () => {
    const project = path.join(scratch, 'scoped');
    const inner = path.join(project, 'packages', 'app');
    mkdirSync(inner, { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }');
    assert.equal(isModuleScoped(path.join(inner, 'validation.config.ts')), true, 'the nearest package.json is the project\'s');
    writeFileSync(path.join(inner, 'package.json'), '{ "name": "app" }');
    assert.equal(isModuleScoped(path.join(inner, 'validation.config.ts')), false, 'a nearer package.json without "type" is CommonJS');
    assert.equal(isModuleScoped(path.join(inner, 'validation.config.mts')), true);
    assert.equal(isModuleScoped(path.join(project, 'validation.config.cjs')), false);
    writeFileSync(path.join(inner, 'package.json'), '{ broken');
    assert.equal(isModuleScoped(path.join(inner, 'validation.config.js')), false, 'an unreadable package.json: CommonJS, as Node would fail it');
  });

  test('VALIDATION_CONFIG wins; with nothing found the default name is reported missing', () => {
    assert.equal(configFilePath({ VALIDATION_CONFIG: 'my.config.ts' }, '/work/app'), '/work/app/my.config.ts');
    assert.equal(findConfigFile('/', (file) => file === '/elsewhere'), undefined);
    const empty = mkdtempSync(path.join(scratch, 'empty-'));
    assert.equal(configFilePath({}, empty).endsWith('validation.config.ts'), true);
  });

  test('a JSON or YAML config drops its $schema key; a broken one is a ConfigError naming the file', () => {
    const json = path.join(scratch, 'c.json');
    writeFileSync(json, '{ "$schema": "./schema.json", "target": { "name": "x" } }');
    assert.deepEqual(readDataConfig(json), { target: { name: 'x' } });
    const yaml = path.join(scratch, 'c.yaml');
    writeFileSync(yaml, 'target:\n  name: [unclosed\n');
    assert.throws(() => readDataConfig(yaml), (error: unknown) => error instanceof ConfigError && error.file === yaml && /could not be parsed/.test(error.message));
  });

  test('the default export: ES module, CommonJS, TypeScript compiled to CommonJS; none is an error', () => {
    const config = { target: {} };
    assert.equal(defaultExport({ default: config, [Symbol.toStringTag]: 'Module' }, 'f'), config);
    assert.equal(defaultExport(config, 'f'), config);
    assert.equal(defaultExport({ default: { __esModule: true, default: config } }, 'f'), config);
    assert.throws(() => defaultExport({ [Symbol.toStringTag]: 'Module', other: 1 }, 'f'), /must `export default defineValidationConfig/);
  });
});

describe('optional packages', () => {
  test('a missing one becomes one line that names it and how to install it', async () => {
    await assert.rejects(importOptional('meta-orchestrator-no-such-package', 'The thing', () => import('meta-orchestrator-no-such-package' as string)), (error: unknown) =>
      error instanceof MissingPackageError && error.message === 'The thing needs the optional package meta-orchestrator-no-such-package, which is not installed: npm install --save-dev meta-orchestrator-no-such-package');
  });

  test('a missing dependency of an installed package is not mistaken for the package itself', () => {
    const inner = Object.assign(new Error("Cannot find package 'pg-protocol' imported from /x/node_modules/pg/lib/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    assert.equal(isMissingPackage(inner, 'pg'), false);
    assert.equal(isMissingPackage(Object.assign(new Error("Cannot find module 'pg'"), { code: 'MODULE_NOT_FOUND' }), 'pg'), true);
  });
});

describe('meta-orchestrator test arguments', () => {
  test('full by default; quick or a gate first; -c is the validation config; the rest goes to Playwright', () => {
    assert.deepEqual(parseTestArgs([]), { project: 'full', rest: [] });
    assert.deepEqual(parseTestArgs(['contracts', '--no-deps', '-c', 'staging.config.ts', '--workers=2']), { project: 'contracts', config: 'staging.config.ts', rest: ['--no-deps', '--workers=2'] });
    assert.deepEqual(parseTestArgs(['--grep', '@critical', '--config=x.yaml']), { project: 'full', config: 'x.yaml', rest: ['--grep', '@critical'] });
    assert.match(String(parseTestArgs(['smoky'])), /"smoky" is not full, quick or a gate; the gates are audit, data-flows/);
    assert.match(String(parseTestArgs(['-c'])), /-c needs a file/);
  });

  test('a workspace run takes a target, a target\'s gate or cross-platform, or Playwright\'s own --project options', () => {
    assert.deepEqual(parseTestArgs(['web/contracts', '--workspace', 'team.workspace.json', '--no-deps']), { project: 'web/contracts', workspace: 'team.workspace.json', rest: ['--no-deps'] });
    assert.deepEqual(parseTestArgs(['cross-platform'], { VALIDATION_WORKSPACE: 'w.ts' }), { project: 'cross-platform', rest: [] });
    assert.deepEqual(parseTestArgs(['--workspace=w.json', '--project=web/audit', '--project=cross-platform', '--no-deps']), { workspace: 'w.json', rest: ['--project=web/audit', '--project=cross-platform', '--no-deps'] });
    assert.match(String(parseTestArgs(['web/contracts'])), /"web\/contracts" is not full, quick or a gate/, 'without a workspace there are no targets');
    assert.match(String(parseTestArgs(['Web Site', '--workspace', 'w.json'])), /is not full, a target, <target>\/<gate> or cross-platform/);
    assert.match(String(parseTestArgs(['web', '--project=web/audit', '--workspace', 'w.json'])), /give the project once/);
    assert.match(String(parseTestArgs(['--workspace'])), /--workspace needs a file: the workspace file to run/);
    assert.match(String(parseTestArgs(['-c', 'a.ts', '--workspace', 'w.json'])), /both name what to validate/);
  });
});
