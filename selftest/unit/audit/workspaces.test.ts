import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { compareNpmLock } from '../../../lib/audit/checks/dependencies.ts';
import { findWorkspaceRoot, isWorkspaceMember, workspaceGlobs } from '../../../lib/audit/checks/workspaces.ts';
import { listRepositoryFiles } from '../../../lib/audit/files.ts';
import { auditLockfiles } from '../../../lib/audit/gate/buildChecks.ts';
import { auditEnvironment } from '../../../lib/audit/gate/settingsChecks.ts';
import { resolveConfig } from '../../../lib/config/index.ts';
import { RiskRecorder } from '../../../lib/risk/recorder.ts';

const files = (entries: Record<string, string>) => (file: string) => entries[file];

describe('workspaces', () => {
  it('reads npm/yarn workspaces (array or packages) and pnpm-workspace.yaml', () => {
    assert.deepEqual(workspaceGlobs('{"workspaces":["packages/*","apps/web"]}', undefined), ['packages/*', 'apps/web']);
    assert.deepEqual(workspaceGlobs('{"workspaces":{"packages":["libs/*"]}}', undefined), ['libs/*']);
    assert.deepEqual(workspaceGlobs(undefined, 'packages:\n  - "tools/*"\n  - "!tools/old"\n'), ['tools/*', '!tools/old']);
    assert.deepEqual(workspaceGlobs('not json', 'a: [unclosed'), []);
  });
  it('matches members with negations', () => {
    assert.equal(isWorkspaceMember('tools/cli', ['tools/*', '!tools/old']), true);
    assert.equal(isWorkspaceMember('tools/old', ['tools/*', '!tools/old']), false);
    assert.equal(isWorkspaceMember('docs', ['tools/*']), false);
  });
  it('finds the nearest root that declares a folder as its workspace', () => {
    const read = files({ 'package.json': '{"workspaces":["packages/*"]}', 'packages/a/package.json': '{}' });
    assert.deepEqual(findWorkspaceRoot('packages/a', read), { dir: '.', memberDir: 'packages/a', declaredIn: 'package.json' });
    assert.equal(findWorkspaceRoot('other/b', read), undefined);
    assert.equal(findWorkspaceRoot('.', read), undefined);
    const pnpm = files({ 'pnpm-workspace.yaml': 'packages: ["apps/*"]\n' });
    assert.deepEqual(findWorkspaceRoot('apps/web', pnpm), { dir: '.', memberDir: 'apps/web', declaredIn: 'pnpm-workspace.yaml' });
  });
  it("compares a member with its entry in the root's npm lockfile, its packages hoisted or beside it", () => {
    const lock = JSON.stringify({ name: 'mono', lockfileVersion: 3, packages: {
      '': { name: 'mono', workspaces: ['packages/*'] },
      'packages/a': { name: '@mono/a', version: '1.0.0', dependencies: { jose: '^6.0.0', semver: '^7.0.0' } },
      'node_modules/jose': { version: '6.1.0' },
      'packages/a/node_modules/semver': { version: '7.6.0' },
    } });
    const manifest = (deps: Record<string, string>) => JSON.stringify({ name: '@mono/a', version: '1.0.0', dependencies: deps });
    assert.deepEqual(compareNpmLock('packages/a/package.json', manifest({ jose: '^6.0.0', semver: '^7.0.0' }), 'package-lock.json', lock, 'packages/a'), []);
    const drift = compareNpmLock('packages/a/package.json', manifest({ jose: '^5.0.0', semver: '^7.0.0' }), 'package-lock.json', lock, 'packages/a');
    assert.match(drift[0]?.message ?? '', /dependencies\.jose is "\^5\.0\.0" but package-lock\.json records "\^6\.0\.0"/);
    const missing = compareNpmLock('packages/b/package.json', manifest({}), 'package-lock.json', lock, 'packages/b');
    assert.match(missing[0]?.message ?? '', /has no entry for the workspace packages\/b/);
  });
});

describe('the lockfile check on a monorepo', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mo-workspaces-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  it("needs no lockfile beside a workspace member or a package without dependencies, and still finds a standalone package's missing one", async () => {
    write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5.0.0' } }));
    write('package-lock.json', JSON.stringify({ name: 'mono', lockfileVersion: 3, packages: {
      '': { name: 'mono', workspaces: ['packages/*'], devDependencies: { typescript: '^5.0.0' } },
      'node_modules/typescript': { version: '5.9.2' },
      'packages/a': { name: '@mono/a', version: '1.0.0', dependencies: { jose: '^6.0.0' } },
      'node_modules/jose': { version: '6.1.0' },
    } }));
    write('packages/a/package.json', JSON.stringify({ name: '@mono/a', version: '1.0.0', dependencies: { jose: '^6.0.0' } }));
    write('docs/site/package.json', JSON.stringify({ name: 'docs', private: true, scripts: { build: 'true' } }));
    write('tools/cli/package.json', JSON.stringify({ name: 'cli', dependencies: { chalk: '^5.0.0' } }));
    const config = resolveConfig({ target: { name: 'm', baseUrl: 'http://127.0.0.1:9' }, routes: [{ path: '/', name: 'home' }], audit: { dependencies: { manifests: ['**/package.json'] } } }, path.join(dir, 'validation.config.ts'), {});
    const listing = await listRepositoryFiles(dir, { maxFileBytes: 1_000_000 });
    const risk = new RiskRecorder('audit/dependencies-are-locked', 'audit');
    auditLockfiles({ root: dir, config: config.audit, listing }, risk);
    const byName = Object.fromEntries(risk.operations.map((o) => [o.name, o]));
    assert.equal(byName['dependencies: packages/a/package.json has a lockfile that agrees (package-lock.json, the workspace root\'s)']?.outcome, 'pass', JSON.stringify(risk.operations));
    assert.equal(byName['dependencies: docs/site/package.json asks for no package, nothing to lock']?.outcome, 'pass');
    assert.equal(byName['dependencies: package.json has a lockfile that agrees (package-lock.json)']?.outcome, 'pass');
    const cli = byName['dependencies: tools/cli/package.json has a lockfile that agrees'];
    assert.equal(cli?.outcome, 'fail');
    assert.equal(cli?.check, 'audit/lockfile/lockfile-missing');
    assert.equal(cli?.severity, 'medium');
    assert.match(cli?.message ?? '', /has no lockfile next to it/);
  });
});

describe('the environment check on a project without .env.example', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mo-envdocs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const run = async (audit: Record<string, unknown> = {}) => {
    const config = resolveConfig({ target: { name: 'e', baseUrl: 'http://127.0.0.1:9' }, routes: [{ path: '/', name: 'home' }], audit }, path.join(dir, 'validation.config.ts'), {});
    const risk = new RiskRecorder('audit/environment', 'audit');
    auditEnvironment({ root: dir, config: config.audit, listing: await listRepositoryFiles(dir, { maxFileBytes: 1_000_000 }) }, risk);
    return risk;
  };
  it('finds no false alarm when the variables are documented in the docs and CI variables are ignored', async () => {
    write('app/server.py', 'import os\nport = os.environ.get("APP_PORT")\nrtd = os.environ.get("READTHEDOCS_VERSION")\nsha = os.getenv("GITHUB_SHA")\n');
    write('docs/configuration.md', '# Configuration\n\n`APP_PORT`: the port to listen on.\n');
    const risk = await run();
    assert.deepEqual(risk.failed.map((o) => o.name), []);
    assert.deepEqual(risk.operations.filter((o) => o.name.startsWith('environment: ')).map((o) => o.name).sort(), ['environment: APP_PORT is documented', 'environment: files examined (walk)']);
  });
  it('still names an undocumented variable, and the missing example file only when nothing documents anything', async () => {
    write('app/extra.py', 'import os\nkey = os.environ["APP_KEY"]\n');
    const documented = await run();
    assert.deepEqual(documented.failed.map((o) => o.name), ['environment: APP_KEY is documented']);
    rmSync(path.join(dir, 'docs'), { recursive: true });
    const bare = await run();
    assert.ok(bare.failed.some((o) => o.name === 'environment: .env.example exists'), JSON.stringify(bare.failed));
    const ignored = await run({ env: { extraIgnore: ['APP_*'] } });
    assert.deepEqual(ignored.failed.map((o) => o.name), [], 'env ignore clears the missing example file too');
  });
});
