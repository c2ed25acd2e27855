import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCorsAuth, settingsOf } from '../../../lib/audit/checks/corsAuth.ts';
import { compareVariables, documentedVariables, ignoredVariables, mentionedVariables, readPatterns, variableReads, type VariableUse } from '../../../lib/audit/checks/env.ts';
import { comparePorts, composePorts, configPorts, envPorts, scriptPorts, type PortService } from '../../../lib/audit/checks/ports.ts';
import { checkDotenv, checkJson, checkJsonc, checkYaml } from '../../../lib/audit/checks/syntax.ts';
import { auditSection } from '../../../lib/config/sections/audit.ts';

const defaults = auditSection.parse(undefined);

describe('config syntax', () => {
  it('names line and column of a JSON error', () => {
    const error = checkJson('{\n  "a": 1\n  "b": 2\n}\n');
    assert.ok(error);
    assert.equal(error.line, 3);
    assert.equal(error.column, 3);
  });
  it('accepts valid JSON, JSON with comments where allowed, and a BOM', () => {
    assert.equal(checkJson('\ufeff{"a": [1, 2]}'), undefined);
    assert.equal(checkJsonc('{\n  // comment\n  "a": 1,\n}\n'), undefined);
    assert.ok(checkJson('{\n  // comment\n  "a": 1\n}\n'));
  });
  it('names the line of a YAML error in any document of the file', () => {
    assert.equal(checkYaml('a: 1\n---\nb: [1, 2]\n'), undefined);
    const error = checkYaml('a: 1\n---\nb:\n  c: [unclosed\nd: 2\n');
    assert.ok(error);
    assert.ok(error.line >= 4, `line ${error.line}`);
  });
  it('reads dotenv lines: comments, export, quoted and multi-line values; flags garbage and unclosed quotes', () => {
    assert.equal(checkDotenv('# c\nA=1\nexport B="two"\nC=\'x\'\nD="multi\nline"\n\n'), undefined);
    assert.deepEqual(checkDotenv('A=1\nnot a line\n'), { line: 2, column: 1, message: 'expected KEY=value, a comment or a blank line' });
    assert.equal(checkDotenv('A=1\nB="open\n')?.line, 2);
  });
});

describe('port consistency', () => {
  const services: PortService[] = [{ name: 'web', env: ['PORT'], compose: ['web'], scripts: ['*'], keys: ['server.port'] }];
  it('reads ports from env files, compose mappings and environment, scripts and settings keys', () => {
    assert.deepEqual(envPorts('.env.example', '# x\nPORT=3000\nOTHER=1\n', services).map((d) => [d.line, d.port]), [[2, 3000]]);
    const compose = 'services:\n  web:\n    environment:\n      - PORT=3000\n    ports:\n      - "8080:3001"\n  db:\n    ports: ["5432:5432"]\n';
    assert.deepEqual(composePorts('docker-compose.yml', compose, services).map((d) => [d.line, d.port]), [[4, 3000], [6, 3001]]);
    const pkg = '{\n  "scripts": {\n    "dev": "vite --port 3000",\n    "start": "PORT=3000 node server.js"\n  }\n}\n';
    assert.deepEqual(scriptPorts('package.json', pkg, services).map((d) => [d.line, d.port]), [[3, 3000], [4, 3000]]);
    assert.deepEqual(configPorts('config/app.yaml', 'server:\n  host: x\n  port: 3000\n', services).map((d) => [d.line, d.port]), [[3, 3000]]);
  });
  it('flags each declaration that disagrees with the majority, at its own line', () => {
    const verdict = comparePorts('web', [
      { service: 'web', port: 3000, file: '.env.example', line: 2, via: 'PORT' },
      { service: 'web', port: 3000, file: 'package.json', line: 3, via: 'scripts.dev' },
      { service: 'web', port: 3001, file: 'docker-compose.yml', line: 6, via: 'services.web.ports' },
    ]);
    assert.equal(verdict.port, 3000);
    assert.equal(verdict.findings.length, 1);
    assert.equal(verdict.findings[0]?.file, 'docker-compose.yml');
    assert.equal(verdict.findings[0]?.line, 6);
    assert.match(verdict.findings[0]!.message, /3001.*\.env\.example:2, package\.json:3 give 3000/);
  });
  it('defaults find a bare PORT and --port in scripts', () => {
    const [service] = defaults.ports.services;
    assert.ok(service?.env.includes('PORT'));
    assert.equal(scriptPorts('package.json', '{"scripts":{"dev":"next dev --port 4000"}}', defaults.ports.services)[0]?.port, 4000);
  });
});

describe('cors and auth settings', () => {
  const rules = defaults.corsAuth;
  it('flags a wildcard origin with credentials, not without', () => {
    const withCredentials = checkCorsAuth('config/app.json', settingsOf('config/app.json', '{"cors": {"origins": ["*"], "credentials": true}}'), rules, { production: false, example: false });
    assert.deepEqual(withCredentials.map((f) => f.rule), ['cors-wildcard-credentials']);
    assert.deepEqual(checkCorsAuth('config/app.json', settingsOf('config/app.json', '{"cors": {"origins": ["*"]}}'), rules, { production: false, example: false }), []);
  });
  it('flags plain-http origins only in production settings', () => {
    const text = 'cors:\n  origins:\n    - https://app.example\n    - http://app.example\n';
    const findings = checkCorsAuth('config/production.yaml', settingsOf('config/production.yaml', text), rules, { production: true, example: false });
    assert.deepEqual(findings.map((f) => [f.rule, f.line]), [['cors-plain-http', 4]]);
    assert.deepEqual(checkCorsAuth('config/dev.yaml', settingsOf('config/dev.yaml', text), rules, { production: false, example: false }), []);
  });
  it('flags placeholder secrets outside example files, reads dotenv lists item by item', () => {
    const env = 'JWT_SECRET=change-me\nCORS_ORIGINS=https://a.example,*\nCORS_CREDENTIALS=true\n';
    const findings = checkCorsAuth('.env', settingsOf('.env', env), rules, { production: false, example: false });
    assert.deepEqual(findings.map((f) => [f.rule, f.line]), [['auth-placeholder-secret', 1], ['cors-wildcard-credentials', 2]]);
    assert.deepEqual(checkCorsAuth('.env.example', settingsOf('.env.example', 'JWT_SECRET=change-me\n'), rules, { production: false, example: true }), []);
    assert.deepEqual(checkCorsAuth('.env', settingsOf('.env', 'JWT_SECRET=${VAULT_JWT}\n'), rules, { production: false, example: false }), []);
  });
});

describe('environment audit', () => {
  const patterns = readPatterns(defaults.env.readPatterns);
  it('finds process.env, import.meta.env and Python reads with their lines', () => {
    const ts = "const a = process.env.API_URL;\nconst b = process.env['TOKEN_TTL'];\nconst c = import.meta.env.VITE_KEY;\n";
    assert.deepEqual(variableReads('a.ts', ts, patterns).map((u) => [u.name, u.line]).sort(), [['API_URL', 1], ['TOKEN_TTL', 2], ['VITE_KEY', 3]]);
    const py = 'import os\nA = os.environ["DB_URL"]\nB = os.environ.get("REDIS_URL")\nC = os.getenv("MODE_X")\n';
    assert.deepEqual(variableReads('a.py', py, patterns).map((u) => u.name).sort(), ['DB_URL', 'MODE_X', 'REDIS_URL']);
  });
  it('reports undocumented reads at the read, and documented-but-unread variables', () => {
    const reads = new Map<string, VariableUse>([
      ['API_URL', { name: 'API_URL', file: 'a.ts', line: 1, column: 11 }],
      ['SECRET_X', { name: 'SECRET_X', file: 'b.ts', line: 7, column: 3 }],
      ['NODE_ENV', { name: 'NODE_ENV', file: 'b.ts', line: 8, column: 3 }],
    ]);
    const documented = documentedVariables('.env.example', 'API_URL=x\n# OLD_FLAG=1\n');
    const result = compareVariables(reads, documented, '.env.example', defaults.env.ignore);
    assert.deepEqual(result.undocumented.map((f) => `${f.file}:${f.line} ${f.message}`), ['b.ts:7 SECRET_X is read here but not documented in .env.example']);
    assert.deepEqual(result.unused.map((f) => `${f.file}:${f.line}`), ['.env.example:2']);
  });
});

describe('environment documentation beyond the example file', () => {
  it('ignores platform variables by name or glob: CI services, docs hosts, test runners', () => {
    const ignored = ignoredVariables(defaults.env.ignore);
    for (const name of ['GITHUB_SHA', 'READTHEDOCS_VERSION', 'JEST_WORKER_ID', 'PYTEST_CURRENT_TEST', 'CI', 'LC_ALL']) assert.equal(ignored(name), true, name);
    for (const name of ['DATABASE_URL', 'API_TOKEN']) assert.equal(ignored(name), false, name);
  });
  it('counts a variable named in the documentation as documented', () => {
    const reads = new Map<string, VariableUse>([['JUPYTER_TOKEN_FILE', { name: 'JUPYTER_TOKEN_FILE', file: 'a.py', line: 1, column: 1 }], ['APP_SECRET', { name: 'APP_SECRET', file: 'a.py', line: 2, column: 1 }]]);
    const mentioned = mentionedVariables('docs/config.md', 'Set `APP_SECRET` to sign cookies.\nAPP_SECRETS is another thing.', ['APP_SECRET', 'JUPYTER_TOKEN_FILE']);
    assert.deepEqual(mentioned.map((m) => [m.name, m.line]), [['APP_SECRET', 1]]);
    const result = compareVariables(reads, [], 'docs', [], mentioned);
    assert.deepEqual(result.undocumented.map((f) => f.message), ['JUPYTER_TOKEN_FILE is read here but not documented in docs']);
  });
});
