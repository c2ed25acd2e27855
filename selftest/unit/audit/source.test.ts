import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { declaredRanges, declares } from '../../../lib/audit/checks/declared.ts';
import { brandingRules, deprecatedRules, scanPatterns } from '../../../lib/audit/checks/patterns.ts';
import { checkScript } from '../../../lib/audit/checks/scriptHygiene.ts';
import { scanSecrets, secretlintConfig } from '../../../lib/audit/checks/secrets.ts';
import { formatFinding, globMatcher, lineStartsOf, positionAt } from '../../../lib/audit/findings.ts';
import { auditSection } from '../../../lib/config/sections/audit.ts';

const defaults = auditSection.parse(undefined);

describe('findings and globs', () => {
  it('turns offsets into 1-based line and column', () => {
    const starts = lineStartsOf('ab\ncd\n\nef');
    assert.deepEqual(positionAt(starts, 0), { line: 1, column: 1 });
    assert.deepEqual(positionAt(starts, 4), { line: 2, column: 2 });
    assert.deepEqual(positionAt(starts, 7), { line: 4, column: 1 });
  });
  it('matches globs without a slash against the base name, dot files included', () => {
    const match = globMatcher(['*.py', '**/.env.*', 'src/**/*.ts']);
    assert.ok(match('tools/deep/run.py'));
    assert.ok(match('.env.example'));
    assert.ok(match('src/a/b.ts'));
    assert.ok(!match('lib/b.ts'));
  });
  it('prints file:line:column rule: message', () => {
    assert.equal(formatFinding({ file: 'a.ts', line: 3, column: 5, rule: 'r', message: 'm', severity: 'low' }), 'a.ts:3:5 r: m');
    assert.equal(formatFinding({ file: 'a.ts', rule: 'r', message: 'm', severity: 'low' }), 'a.ts r: m');
  });
});

describe('secrets (secretlint recommended preset)', () => {
  const config = secretlintConfig();
  // Assembled here so that nothing secret-looking is committed.
  const token = ['gh', 'p_', 'R8m2Kq7Vx4', 'Tz9Lp3Wc6N', 'h1Jd5Fs0Gb', 'Ya2E7u'].join('');
  it('finds a GitHub token with its line, column and rule, masked', async () => {
    const findings = await scanSecrets('src/client.ts', `// client\nconst auth = "${token}";\n`, config);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 2);
    assert.equal(findings[0]?.column, 15);
    assert.equal(findings[0]?.severity, 'critical');
    assert.match(findings[0]!.rule, /github/);
    assert.ok(!findings[0]!.message.includes(token), 'the secret is masked');
  });
  it('passes ordinary code, and honours disabled rules', async () => {
    assert.deepEqual(await scanSecrets('a.ts', 'export const answer = 42;\n', config), []);
    assert.deepEqual(await scanSecrets('a.ts', `const t = "${token}";\n`, secretlintConfig(['@secretlint/secretlint-rule-github'])), []);
  });
});

describe('deprecated patterns', () => {
  const rules = deprecatedRules(defaults.deprecated);
  it('finds the default deprecations in JS/TS with line and column', () => {
    const text = "import url from 'node:url';\nconst b = new Buffer(10);\nconst u = url.parse(x);\n";
    assert.deepEqual(scanPatterns('src/a.ts', text, rules).map((f) => [f.line, f.column]), [[2, 11], [3, 11]]);
  });
  it('applies each rule to its own globs only', () => {
    assert.deepEqual(scanPatterns('notes.md', 'new Buffer(1)\n', rules), []);
    assert.equal(scanPatterns('job.py', 'now = datetime.utcnow()\n', rules).length, 1);
    assert.deepEqual(scanPatterns('a.ts', 'const b = Buffer.from("x");\n', rules), []);
  });
  it('applies a React deprecation only where the repository declares that React', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mo-declared-'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { react: '^16.14.0', 'react-dom': '^16.14.0' } }));
    mkdirSync(path.join(dir, 'web'));
    writeFileSync(path.join(dir, 'web', 'bower.json'), JSON.stringify({ dependencies: { jquery: '~3.5' } }));
    const listing = { root: dir, source: 'walk' as const, files: [{ path: 'package.json', size: 1 }, { path: 'web/bower.json', size: 1 }], skipped: [] };
    const ranges = declaredRanges(listing);
    assert.deepEqual(ranges.get('jquery'), ['~3.5']);
    const render = 'ReactDOM.render(<App />, root);\n';
    const on16 = deprecatedRules(defaults.deprecated, (pkg, range) => declares(ranges, pkg, range));
    assert.deepEqual(scanPatterns('web/app.jsx', render, on16), [], 'React 16 has no createRoot: ReactDOM.render is its API');
    assert.equal(scanPatterns('web/app.jsx', 'componentWillMount() {}\n', on16).length, 1, 'deprecated since 16.9, and ^16.14 is past it');
    const on18 = deprecatedRules(defaults.deprecated, (pkg, range) => declares(new Map([['react-dom', ['npm:react-dom@^18.2.0']]]), pkg, range));
    assert.equal(scanPatterns('web/app.jsx', render, on18).length, 1);
    const undeclared = deprecatedRules(defaults.deprecated, (pkg, range) => declares(new Map(), pkg, range));
    assert.deepEqual(scanPatterns('web/app.jsx', render, undeclared), [], 'no React declared: the version is unknown, no finding');
    assert.ok(declares(new Map([['react-dom', ['latest']]]), 'react-dom', '>=18.0.0'), 'a range that is not semver may be any version');
  });
});

describe('branding', () => {
  const rules = brandingRules([{ term: 'AI', caseSensitive: true, wholeWord: true }], ['pages/**'], [{ files: 'pages/legal/**' }]);
  it('finds a whole-word, case-sensitive term in user-facing files', () => {
    assert.deepEqual(scanPatterns('pages/home.ts', 'title: "PaiiD"\nlabel: "AI picks"\n', rules).map((f) => [f.line, f.column]), [[2, 9]]);
    assert.deepEqual(scanPatterns('pages/home.ts', 'said ai and FAIR and PaiiD\n', rules), []);
  });
  it('skips files outside the globs and excepted files', () => {
    assert.deepEqual(scanPatterns('lib/x.ts', 'AI\n', rules), []);
    assert.deepEqual(scanPatterns('pages/legal/terms.ts', 'AI\n', rules), []);
  });
});

describe('script hygiene', () => {
  const rules = (findings: ReturnType<typeof checkScript>) => findings.map((f) => `${f.rule}@${f.line ?? '-'}:${f.column ?? '-'}`);
  it('passes plain ASCII with one line-ending style', () => {
    assert.deepEqual(checkScript('a.sh', Buffer.from('echo ok\r\necho two\r\n'), false), []);
  });
  it('flags a BOM, emoji, other non-ASCII and mixed line endings with positions', () => {
    const text = `\ufeffecho "done ${String.fromCodePoint(0x1f680)}"\r\necho "caf\u00e9"\nset x=1\n`;
    assert.deepEqual(rules(checkScript('a.bat', Buffer.from(text), false)), ['script-bom@1:1', 'script-emoji@1:13', 'script-non-ascii@2:10', 'script-line-endings@1:1']);
  });
  it('takes non-ASCII letters where the interpreter reads UTF-8 (Python 3, shells), and a PowerShell script that says UTF-8', () => {
    assert.deepEqual(checkScript('tests/test_names.py', Buffer.from('assert slug("Łódź") == "lodz"  # ∂ and é\n'), false), []);
    assert.deepEqual(checkScript('run.sh', Buffer.from('echo "déjà vu"\n'), false), []);
    assert.deepEqual(checkScript('a.ps1', Buffer.from('\ufeffWrite-Host "café"\n'), false), []);
    assert.deepEqual(rules(checkScript('a.ps1', Buffer.from('Write-Host "café"\n'), false)), ['script-non-ascii@1:16']);
    assert.deepEqual(rules(checkScript('a.py', Buffer.from(`print("done ${String.fromCodePoint(0x1f680)}")\n`), false)), ['script-emoji@1:13']);
  });
  it('allows non-ASCII letters when configured, never emoji', () => {
    assert.deepEqual(rules(checkScript('a.cmd', Buffer.from(`echo "caf\u00e9 ${String.fromCodePoint(0x2705)}"\n`), true)), ['script-emoji@1:12']);
  });
  it('flags bytes that are not UTF-8', () => {
    assert.deepEqual(rules(checkScript('a.bat', Buffer.from([0x65, 0x63, 0x68, 0x6f, 0x0a, 0x20, 0xe9, 0x0a]), false)), ['script-encoding@2:2']);
  });
});
