import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FaultDefinition } from '../faults.ts';

/*
 * Defects planted into a copy of the repository (caught by the audit gate). Every planted text that
 * a scan would flag (a credential, a deprecated call, a forbidden term, an emoji, a colour, an
 * environment read) is assembled at run time, so this file itself stays clean for those scans.
 * Each plant leaves the other files alone, so several faults can share one copy.
 */

async function edit(repoDir: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(repoDir, file);
  const before = await readFile(target, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`planting into ${file} changed nothing: the demo file no longer looks as expected`);
  await writeFile(target, after);
}

/** A GitHub token shape (ghp_ + 36 characters) that secretlint's github rule recognises. */
const fakeToken = () => ['gh', 'p_', 'R8m2Kq7Vx4', 'Tz9Lp3Wc6N', 'h1Jd5Fs0Gb', 'Ya2E7u'].join('');

export const repositoryFaults: FaultDefinition[] = [
  {
    name: 'leaked-credential', gate: 'audit', kind: 'repository', caughtBy: 'secrets',
    breaks: 'A GitHub token is committed in api/upstream.ts.',
    plant: (dir) => writeFile(path.join(dir, 'api/upstream.ts'), `// Upstream market-data client settings.\nexport const UPSTREAM_TOKEN = '${fakeToken()}';\n`),
  },
  {
    name: 'broken-json', gate: 'audit', kind: 'repository', caughtBy: 'parse',
    breaks: 'config/development.json loses a comma and no longer parses.',
    plant: (dir) => edit(dir, 'config/development.json', (text) => text.replace('"port": 47310\n  },', '"port": 47310\n  }')),
  },
  {
    name: 'broken-yaml', gate: 'audit', kind: 'repository', caughtBy: 'parse',
    breaks: 'config/production.yaml has a mis-indented key and no longer parses.',
    plant: (dir) => edit(dir, 'config/production.yaml', (text) => text.replace('  port: 47310\n', '  port: 47310\n   extra: [unclosed\n')),
  },
  {
    name: 'port-mismatch', gate: 'audit', kind: 'repository', caughtBy: 'ports',
    breaks: 'docker-compose.yml maps the demo to container port 47311 while DEMO_PORT says 47310.',
    plant: (dir) => edit(dir, 'docker-compose.yml', (text) => text.replace('- "47310:47310"', '- "47310:47311"')),
  },
  {
    name: 'deprecated-buffer', gate: 'audit', kind: 'repository', caughtBy: 'deprecated',
    breaks: 'legacy.ts builds a buffer with the deprecated Buffer constructor.',
    plant: (dir) => writeFile(path.join(dir, 'legacy.ts'), `// Old helper kept for a client that still sends base64.\nexport const decode = (text: string) => ${['new', 'Buffer('].join(' ')}text, 'base64');\n`),
  },
  {
    name: 'cors-wildcard-credentials', gate: 'audit', kind: 'repository', caughtBy: 'cors',
    breaks: 'config/staging.json allows any origin while sending credentials.',
    plant: (dir) => writeFile(path.join(dir, 'config/staging.json'), `${JSON.stringify({ cors: { origins: ['*'], credentials: true }, auth: { jwtSecret: '${DEMO_JWT_SECRET}' } }, null, 2)}\n`),
  },
  {
    name: 'undocumented-env', gate: 'audit', kind: 'repository', caughtBy: 'environment',
    breaks: 'flags.ts reads DEMO_FEATURE_FLAGS, which .env.example does not document.',
    plant: (dir) => writeFile(path.join(dir, 'flags.ts'), `// Feature switches for the pages.\nexport const flags = (${['process', 'env', 'DEMO_FEATURE_FLAGS'].join('.')} ?? '').split(',');\n`),
  },
  {
    name: 'forbidden-brand-term-source', gate: 'audit', kind: 'repository', caughtBy: 'branding',
    breaks: 'pages/assistant.ts shows a forbidden brand term in a heading.',
    plant: (dir) => writeFile(path.join(dir, 'pages/assistant.ts'), `// Assistant panel heading.\nexport const assistantTitle = '${['A', 'I'].join('')} picks for today';\n`),
  },
  {
    name: 'emoji-in-script', gate: 'audit', kind: 'repository', caughtBy: 'scripts are plain',
    breaks: 'scripts/quote_report.py prints an emoji, which Windows code pages cannot encode.',
    plant: (dir) => edit(dir, 'scripts/quote_report.py', (text) => text.replace('print(f"{symbol:5} {quote.get(\'price\')}")', `print(f"${String.fromCodePoint(0x1f680)} {symbol:5} {quote.get('price')}")`)),
  },
  {
    name: 'stale-generated-types', gate: 'audit', kind: 'repository', caughtBy: 'generated',
    breaks: 'generated/api.ts no longer matches what openapi.yaml generates.',
    plant: (dir) => edit(dir, 'generated/api.ts', (text) => text.replace(/: string;/, ': number;')),
  },
  {
    name: 'lockfile-drift', gate: 'audit', kind: 'repository', caughtBy: 'locked',
    breaks: 'package.json asks for jose ^5.9.0 while package-lock.json locks ^6.2.17.',
    plant: (dir) => edit(dir, 'package.json', (text) => text.replace('"jose": "^6.2.17"', '"jose": "^5.9.0"')),
  },
  {
    name: 'off-palette-source', gate: 'audit', kind: 'repository', caughtBy: 'design dna',
    breaks: 'public/styles.css gains a rule with a colour outside the design palette.',
    plant: (dir) => appendFile(path.join(dir, 'public/styles.css'), `\n.promo-banner {\n  color: #${'ff'}00${'aa'};\n}\n`),
  },
  {
    name: 'failing-command', gate: 'audit', kind: 'repository', caughtBy: 'commands',
    breaks: 'scripts/smoke.sh has a shell syntax error, so the configured check command fails.',
    plant: (dir) => appendFile(path.join(dir, 'scripts/smoke.sh'), 'if [ -n "${port}" ]; then\n  echo "unterminated"\n'),
  },
];
