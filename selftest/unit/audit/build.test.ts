import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { compareNpmLock, parseNpmAudit } from '../../../lib/audit/checks/dependencies.ts';
import { checkGlass, colourToRgb, cssRules, offPaletteColours, paletteFrom, paletteFromTokens } from '../../../lib/audit/checks/designDna.ts';
import { compareGenerated } from '../../../lib/audit/checks/generated.ts';
import { emptyCounts, listRepositoryFiles, textFiles } from '../../../lib/audit/files.ts';
import { runCommand } from '../../../lib/audit/process.ts';
import { recordCoverage, type AuditContext } from '../../../lib/audit/record.ts';
import { RiskRecorder } from '../../../lib/risk/recorder.ts';

describe('design DNA', () => {
  const palette = paletteFromTokens(JSON.stringify({ palette: [{ token: '--color-teal', hex: '#2dd4bf' }, { token: '--color-night', hex: '#0b1020' }] }));
  it('reads a tokens file with token names', () => {
    assert.deepEqual(palette.map((c) => [c.hex, c.token]), [['#2dd4bf', '--color-teal'], ['#0b1020', '--color-night']]);
  });
  it('converts hex, rgb() and hsl() colours', () => {
    assert.deepEqual(colourToRgb('#2dd4bf'), [45, 212, 191]);
    assert.deepEqual(colourToRgb('#fff'), [255, 255, 255]);
    assert.deepEqual(colourToRgb('rgba(11, 16, 32, 0.5)'), [11, 16, 32]);
    assert.deepEqual(colourToRgb('hsl(0 100% 50%)'), [255, 0, 0]);
  });
  it('flags colours outside the palette with the nearest token; translucent palette colours pass', () => {
    const css = '.a { color: #2dd4bf; }\n.b { background: rgba(11, 16, 32, 0.78); }\n.c { border-color: #ff00aa; }\n';
    const findings = offPaletteColours('a.css', css, palette);
    assert.deepEqual(findings.map((f) => [f.line, f.column, f.colour]), [[3, 20, '#ff00aa']]);
    assert.ok(findings[0]?.suggestedToken?.startsWith('--color-'));
    assert.deepEqual(offPaletteColours('a.tsx', 'const id = "a#123b"; // issue #12\n', paletteFrom(['#000000'])), []);
  });
  it('requires a backdrop-filter on glass selectors, and flags one switched off', () => {
    const ok = cssRules('/* .glass {} */\n.card, .glass {\n  backdrop-filter: blur(8px);\n}\n');
    assert.deepEqual(checkGlass('.glass', ok.map((rule) => ({ file: 'a.css', rule }))), []);
    const off = cssRules('.glass {\n  color: red;\n}\n@media (x) {\n  .glass { backdrop-filter: none; }\n}\n');
    assert.deepEqual(checkGlass('.glass', off.map((rule) => ({ file: 'a.css', rule }))).map((f) => `${f.file}:${f.line}`), ['a.css:5', 'a.css:1']);
    assert.equal(checkGlass('.glass', [])[0]?.file, '(stylesheets)');
  });
});

describe('dependencies', () => {
  const manifest = JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { jose: '^6.0.0' } }, null, 2);
  const lock = (range: string, version: string) => JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'app', version: '1.0.0', dependencies: { jose: range } }, 'node_modules/jose': { version } } }, null, 2);
  it('accepts a lockfile that agrees with package.json', () => {
    assert.deepEqual(compareNpmLock('package.json', manifest, 'package-lock.json', lock('^6.0.0', '6.2.17')), []);
  });
  it('names the line of a range that drifted, and a locked version outside its range', () => {
    const drift = compareNpmLock('package.json', manifest, 'package-lock.json', lock('^5.0.0', '5.9.0'));
    assert.deepEqual(drift.map((f) => `${f.file}:${f.line}`), ['package.json:5']);
    const outside = compareNpmLock('package.json', manifest, 'package-lock.json', lock('^6.0.0', '5.9.0'));
    assert.match(outside[0]!.message, /locked at 5\.9\.0, outside the range "\^6\.0\.0"/);
  });
  it('reads npm audit: advisories at or above the level; a registry error is a skip with its reason', () => {
    const report = JSON.stringify({ metadata: { vulnerabilities: { low: 1, high: 1 } }, vulnerabilities: { a: { name: 'a', severity: 'low', via: ['b'] }, c: { name: 'c', severity: 'high', via: [{ title: 'Prototype pollution' }] } } });
    assert.deepEqual(parseNpmAudit(report, 'high').advisories, [{ name: 'c', severity: 'high', title: 'Prototype pollution' }]);
    const skipped = parseNpmAudit(JSON.stringify({ message: '405 Method Not Allowed', error: { summary: '', detail: '' } }), 'high');
    assert.equal(skipped.status, 'skipped');
    assert.match(skipped.reason!, /405/);
  });
});

describe('generated files', () => {
  it('passes equal text (line endings aside) and names the first differing line', () => {
    assert.equal(compareGenerated('g.ts', 'a\r\nb\r\n', 'a\nb\n', 'gen'), undefined);
    const stale = compareGenerated('g.ts', 'a\nb\nc\n', 'a\nB\nc\n', 'gen');
    assert.equal(stale?.line, 2);
    assert.match(stale!.message, /committed "b", gen gives "B"/);
  });
});

describe('repository listing', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'audit-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  it('walks a folder honouring nested .gitignore files; skips and counts binary and oversized files', async () => {
    const write = (file: string, content: string | Buffer) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    };
    write('.gitignore', 'dist/\n*.log\n');
    write('src/.gitignore', 'secret.txt\n');
    write('src/a.ts', 'a');
    write('src/secret.txt', 'x');
    write('dist/out.js', 'x');
    write('debug.log', 'x');
    write('node_modules/x/index.js', 'x');
    write('logo.png', Buffer.from([137, 80, 78, 71]));
    write('big.txt', 'x'.repeat(2000));
    write('data.bin.txt', Buffer.from([1, 0, 2]));
    const listing = await listRepositoryFiles(dir, { maxFileBytes: 1000 });
    assert.equal(listing.source, 'walk');
    assert.deepEqual(listing.files.map((f) => f.path), ['.gitignore', 'data.bin.txt', 'src/.gitignore', 'src/a.ts']);
    assert.deepEqual(listing.skipped.map((f) => `${f.path}:${f.reason}`).sort(), ['big.txt:oversized', 'logo.png:binary']);
    const counts = emptyCounts();
    const read = [...textFiles(listing, () => true, counts)].map((f) => f.file);
    assert.deepEqual(read, ['.gitignore', 'src/.gitignore', 'src/a.ts']);
    assert.equal(counts.skippedBinary, 1);
  });
  it('lists tracked files in a git repository, and walks a folder its enclosing repository does not track', async () => {
    const repo = path.join(dir, 'repo');
    mkdirSync(path.join(repo, 'src'), { recursive: true });
    mkdirSync(path.join(repo, 'scratch', 'copy'), { recursive: true });
    writeFileSync(path.join(repo, '.gitignore'), 'scratch/\n');
    writeFileSync(path.join(repo, 'src', 'a.ts'), 'a');
    writeFileSync(path.join(repo, 'src', 'untracked.ts'), 'u');
    writeFileSync(path.join(repo, 'scratch', 'copy', 'b.ts'), 'b');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=a@b', '-c', 'user.name=a', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.gitignore', 'src/a.ts');
    const tracked = await listRepositoryFiles(repo, { maxFileBytes: 1000 });
    assert.equal(tracked.source, 'git');
    assert.deepEqual(tracked.files.map((f) => f.path), ['.gitignore', 'src/a.ts']);
    // An ignored copy inside the repository: read as what it holds, not as an empty listing.
    const copy = await listRepositoryFiles(path.join(repo, 'scratch', 'copy'), { maxFileBytes: 1000 });
    assert.equal(copy.source, 'walk');
    assert.deepEqual(copy.files.map((f) => f.path), ['b.ts']);
  });
});

describe('audit coverage', () => {
  it('fails a check whose listing holds no file, naming the folder', () => {
    const risk = new RiskRecorder('audit/secrets', 'audit');
    const listing = { root: '/repo/empty', source: 'walk' as const, files: [], skipped: [] };
    recordCoverage(risk, 'secrets', { root: '/repo/empty', config: {} as AuditContext['config'], listing }, emptyCounts());
    const [operation] = risk.operations;
    assert.equal(operation?.outcome, 'fail');
    assert.match(operation?.message ?? '', /no file to examine in \/repo\/empty/);
  });
});

describe('commands', () => {
  it('gives exit code and output tail, and kills a command at its time limit', async () => {
    const failed = await runCommand('echo out; echo "file.ts:3 broken" >&2; exit 3', { cwd: os.tmpdir(), timeoutMs: 10_000 });
    assert.equal(failed.exitCode, 3);
    assert.match(failed.tail, /file\.ts:3 broken/);
    const slow = await runCommand('sleep 30', { cwd: os.tmpdir(), timeoutMs: 300 });
    assert.equal(slow.timedOut, true);
    assert.ok(slow.durationMs < 10_000);
  });
});
