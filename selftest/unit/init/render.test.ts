import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { configJsonSchema } from '../../../lib/config/jsonSchema.ts';
import { loadValidationConfig } from '../../../lib/config/load.ts';
import { resolveConfig } from '../../../lib/config/resolve.ts';
import { tsLiteral } from '../../../lib/init/literal.ts';
import { configData, mergeEnvExample, missingIgnoreLines, renderEnvExample, renderJsonConfig, renderTsConfig, renderYamlConfig, type Discovery } from '../../../lib/init/render.ts';

const discovery: Discovery = {
  name: "Shop's API",
  baseUrl: 'http://127.0.0.1:4000',
  routes: [{ path: '/', name: 'home' }, { path: '/cart', name: 'cart' }],
  routeSource: 'Found in the sitemap http://127.0.0.1:4000/sitemap.xml (2 entries)',
  openapi: 'http://127.0.0.1:4000/openapi.json',
  api: {
    title: 'Shop',
    operations: 5,
    health: '/health',
    readiness: '/ready',
    endpoints: [{ name: 'listProducts', path: '/products', auth: false, json: true, expectStatus: 200 }, { name: 'me', path: '/me', auth: true, json: true, expectStatus: 200 }],
    auth: { kind: 'bearer', scheme: 'jwt', header: 'Authorization', prefix: 'Bearer', login: { method: 'POST', path: '/login', body: { username: '${API_USER}', password: '${API_PASSWORD}' }, tokenPath: 'token' }, note: 'set API_USER and API_PASSWORD' },
    needValues: [],
  },
  repository: '.',
};

const scratch = mkdtempSync(path.join(os.tmpdir(), 'mo-render-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function schemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(configJsonSchema());
}

describe('the config init writes', () => {
  test('as data it validates against the config schema, and credentials stay placeholders', () => {
    const { $schema: _schema, ...data } = configData(discovery);
    const config = resolveConfig(data, '/x/validation.config.json', {});
    assert.equal(config.meta.baseUrl, 'http://127.0.0.1:4000');
    assert.deepEqual(config.api.contracts.operations, {});
    assert.deepEqual(config.auth?.login?.body, { username: '${API_USER}', password: '${API_PASSWORD}' });
    assert.deepEqual(config.smoke.load.endpoints.map((e) => e.path), ['/health']);
  });

  test('the TypeScript config is the same data, with a comment above each section', () => {
    const text = renderTsConfig(discovery, 'meta-orchestrator init --url http://127.0.0.1:4000');
    assert.match(text, /^import \{ defineValidationConfig \} from 'meta-orchestrator';/);
    assert.match(text, /validation\.config\.schema\.json/);
    for (const key of ['target', 'auth', 'routes', 'api', 'audit', 'smoke']) assert.match(text, new RegExp(`\\n  // [^\\n]+\\n(  // [^\\n]+\\n)*  ${key}: `), `no comment above ${key}`);
    assert.match(text, /name: 'Shop\\'s API'/);
    // The same object as the data form, once the TypeScript wrapper is taken off.
    const body = text.slice(text.indexOf('defineValidationConfig({') + 'defineValidationConfig('.length, text.lastIndexOf(');'));
    const { $schema: _schema, ...data } = configData(discovery);
    assert.deepEqual(new Function(`return (${body});`)(), data);
  });

  test('JSON and YAML forms name the schema and parse back to the data; the loader takes both', async () => {
    const json = renderJsonConfig(discovery);
    const yaml = renderYamlConfig(discovery, 'init');
    assert.deepEqual(JSON.parse(json), configData(discovery));
    assert.deepEqual(parseYaml(yaml), configData(discovery));
    assert.match(yaml, /^# yaml-language-server: \$schema=\.\/node_modules\/meta-orchestrator\/dist\/validation\.config\.schema\.json/);
    assert.match(yaml, /\n# Found in the sitemap [^\n]+\n(# [^\n]+\n)*routes:/);
    for (const [name, text] of [['validation.config.json', json], ['validation.config.yaml', yaml]] as const) {
      const dir = mkdtempSync(path.join(scratch, 'cfg-'));
      writeFileSync(path.join(dir, name), text);
      const config = await loadValidationConfig({}, dir);
      assert.equal(config.meta.file, path.join(dir, name));
      assert.equal(config.routes.length, 2);
    }
  });

  test('the JSON Schema accepts what init writes and refuses an unknown key or a wrong type, naming where', () => {
    const validate = schemaValidator();
    assert.ok(validate(configData(discovery)), JSON.stringify(validate.errors));
    assert.ok(!validate({ ...configData(discovery), colour: 1 }));
    assert.ok(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'colour'));
    assert.ok(!validate({ ...configData(discovery), api: { endpoints: [{ name: 'x', path: '/x', budgetMs: 'fast' }] } }));
    assert.ok(validate.errors?.some((e) => e.instancePath === '/api/endpoints/0/budgetMs'));
  });

  test('the JSON Schema carries defaults, and records keep their key pattern', () => {
    const schema = JSON.stringify(configJsonSchema());
    const parsed = configJsonSchema() as { properties: Record<string, { properties?: Record<string, { default?: unknown; propertyNames?: unknown }> }> };
    assert.equal(parsed.properties.timeouts?.properties?.testMs?.default, 90_000);
    assert.deepEqual(parsed.properties.timeouts?.properties?.gateTestMs?.propertyNames, { type: 'string', pattern: '^[a-z][a-z0-9-]*$' });
    assert.ok(schema.length > 10_000);
  });
});

describe('.env.example and .gitignore', () => {
  test('.env.example lists the variables with empty values, the credentials of the scheme found', () => {
    const text = renderEnvExample(discovery);
    assert.match(text, /^API_USER=$/m);
    assert.match(text, /^API_PASSWORD=$/m);
    assert.doesNotMatch(text, /^API_TOKEN=/m);
    assert.ok(text.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).every((l) => l.endsWith('=')), 'a variable has a value');
    const tokenOnly = renderEnvExample({ ...discovery, api: { ...discovery.api!, auth: { kind: 'api-key', header: 'X-Key', prefix: '' } } });
    assert.match(tokenOnly, /# The credential sent in the X-Key header\.\nAPI_TOKEN=/);
  });

  test('an existing .env.example keeps its lines and gains only the gates\' missing variables', () => {
    const existing = '# the app\nPORT=3000\nBASE_URL=http://localhost:3000\n';
    const merged = mergeEnvExample(existing, renderEnvExample(discovery));
    assert.ok(merged.startsWith(existing));
    assert.match(merged, /# Read by the release gates \(meta-orchestrator\):/);
    assert.equal(merged.match(/^BASE_URL=/gm)?.length, 1);
    assert.match(merged, /^API_USER=$/m);
    assert.equal(mergeEnvExample(merged, renderEnvExample(discovery)), merged, 'a second init adds nothing');
  });

  test('.gitignore gains the run outputs it lacks, never baselines', () => {
    assert.deepEqual(missingIgnoreLines('node_modules\n/reports/\n.env\n'), ['playwright-report/', 'test-results/', 'allure-results/', 'allure-report/', 'allure-history/', 'blob-report/']);
    assert.ok(!missingIgnoreLines('').includes('baselines/'));
  });

  test('literals: quotes escaped, identifiers bare, long values one entry a line', () => {
    assert.equal(tsLiteral({ a: "it's", 'b-c': [1, true, null] }), "{ a: 'it\\'s', 'b-c': [1, true, null] }");
    assert.match(tsLiteral({ long: 'x'.repeat(120) }), /^\{\n {2}long: 'x+',\n\}$/);
  });
});
