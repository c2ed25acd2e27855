import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { freePort } from '../../../lib/net.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mo-init-'));

/** A small site: pages that link to each other, a logout link, and whatever each test puts in `extra`. */
const extra = new Map<string, { type: string; body: string }>();
const pages: Record<string, string> = {
  '/': '<a href="/shop">Shop</a> <a href="/account/logout">Log out</a> <a href="/about">About</a>',
  '/shop': '<a href="/shop/item-1">Item</a>',
  '/shop/item-1': 'item',
  '/about': 'about',
};
const document = JSON.stringify({
  openapi: '3.0.3', info: { title: 'Tiny API', version: '1' },
  paths: { '/api/health': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } } },
});
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const special = extra.get(url.pathname);
    if (special) return void res.writeHead(200, { 'content-type': special.type }).end(special.body);
    if (url.pathname === '/openapi.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(document);
    if (url.pathname === '/api/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    const page = pages[url.pathname];
    if (page === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no');
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>t</title>${page}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

function init(dir: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return cli(dir, 'init', ...args);
}

function cli(dir: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
    delete env.VALIDATION_CONFIG;
    const child = spawn(process.execPath, ['--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, path.join(ROOT, 'scripts/cli.ts'), ...args], { cwd: dir, env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('close', (code) => resolve({ code, out }));
  });
}

function freshDir(): string {
  return mkdtempSync(path.join(scratch, 'p-'));
}

const NO_STACK = /\n\s+at .+:\d+:\d+/;

describe('meta-orchestrator init', () => {
  test('without a sitemap it crawls, skips the logout link, reads the OpenAPI document and writes the files', async () => {
    const dir = freshDir();
    const { code, out } = await init(dir, '--url', base, '--openapi', `${base}/openapi.json`, '--ci');
    assert.equal(code, 0, out);
    assert.match(out, /routes {6}4: \/ \/shop \/about \/shop\/item-1/);
    assert.match(out, /1 logout-like link\(s\) were not followed/);
    assert.match(out, /health {6}\/api\/health/);
    const config = readFileSync(path.join(dir, 'validation.config.ts'), 'utf8');
    assert.match(config, /name: 'Tiny API'/);
    assert.doesNotMatch(config, /logout/);
    for (const file of ['playwright.config.ts', '.env.example', '.gitignore', '.github/workflows/validation.yml']) assert.ok(existsSync(path.join(dir, file)), file);
  });

  test('an existing file is not overwritten without --force: one line, exit 1, nothing written', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'playwright.config.ts'), '// mine\n');
    const refused = await init(dir, '--url', base);
    assert.equal(refused.code, 1);
    assert.equal(refused.out.trim(), 'init: will not overwrite playwright.config.ts in .: move them away or run again with --force');
    assert.ok(!existsSync(path.join(dir, 'validation.config.ts')));
    const forced = await init(dir, '--url', base, '--force', '--format', 'yaml');
    assert.equal(forced.code, 0, forced.out);
    assert.ok(existsSync(path.join(dir, 'validation.config.yaml')));
    assert.notEqual(readFileSync(path.join(dir, 'playwright.config.ts'), 'utf8'), '// mine\n');
  });

  test('bad input is one line and exit 1, never a stack trace', async () => {
    extra.set('/broken-sitemap.xml', { type: 'application/xml', body: '<urlset><url><loc>x</url>' });
    extra.set('/broken.yaml', { type: 'application/yaml', body: 'openapi: 3.0.3\npaths: [unclosed\n' });
    const closed = await freePort();
    const cases: Array<[string[], RegExp]> = [
      [['--url', `http://127.0.0.1:${closed}/`], new RegExp(`^init: http://127\\.0\\.0\\.1:${closed}/ could not be reached: ECONNREFUSED$`)],
      [['--url', 'not a url'], /^init: --url must be an absolute http\(s\) URL, got "not a url"$/],
      [['--url', base, '--sitemap', `${base}/broken-sitemap.xml`], /^init: http:\/\/127\.0\.0\.1:\d+\/broken-sitemap\.xml is not XML \(line 1: /],
      [['--url', base, '--openapi', `${base}/broken.yaml`], /^init: the OpenAPI document http:\/\/127\.0\.0\.1:\d+\/broken\.yaml does not parse: /],
      [['--url', base, '--openapi', path.join(scratch, 'missing.yaml')], /^init: the OpenAPI document .*missing\.yaml could not be read: /],
      [['--url', base, '--format', 'toml'], /^init: --format must be ts, json or yaml, got "toml"$/],
      [['--openapi', 'x'], /^init: --url is required/],
    ];
    for (const [args, expected] of cases) {
      const { code, out } = await init(freshDir(), ...args);
      assert.equal(code, 1, `${args.join(' ')}: ${out}`);
      assert.match(out.trim(), expected);
      assert.equal(out.trim().split('\n').length, 1, out);
      assert.doesNotMatch(out, NO_STACK);
    }
  });

  test('a sitemap.xml is preferred to the crawl; an HTML answer there (a single-page app) is no sitemap', async () => {
    extra.set('/sitemap.xml', { type: 'application/xml', body: `<urlset><url><loc>${base}/about</loc></url><url><loc>https://elsewhere.example/x</loc></url></urlset>` });
    const fromSitemap = await init(freshDir(), '--url', base);
    assert.equal(fromSitemap.code, 0, fromSitemap.out);
    assert.match(fromSitemap.out, /routes {6}1: \/about\n\s+Found in the sitemap/);
    assert.match(fromSitemap.out, /1 sitemap entries on another origin were left out/);
    extra.set('/sitemap.xml', { type: 'text/html', body: '<!doctype html><a href="/shop">x</a>' });
    const spa = await init(freshDir(), '--url', base);
    assert.equal(spa.code, 0, spa.out);
    assert.match(spa.out, /answered with an HTML page, not a sitemap: crawled instead/);
    extra.delete('/sitemap.xml');
  });
});

describe('the meta-orchestrator bin', () => {
  test('a wrong command, gate or config is one line and exit 1; --version and --help answer', async () => {
    const dir = freshDir();
    const cases: Array<[string[], string]> = [
      [['test'], 'meta-orchestrator: no validation.config.{ts,mts,js,mjs,json,yaml,yml} here or above: write one with `meta-orchestrator init --url <base URL>`'],
      [['test', 'smoky'], 'meta-orchestrator: "smoky" is not full, quick or a gate; the gates are audit, data-flows, browser, a11y, visual, contracts, smoke'],
      [['test', '-c', 'nowhere.config.ts'], 'meta-orchestrator: no config at nowhere.config.ts'],
      [['merge'], 'meta-orchestrator: merge needs the folder of blob reports: meta-orchestrator merge all-blob-reports'],
      [['deploy'], 'meta-orchestrator: unknown command "deploy"; run meta-orchestrator --help'],
    ];
    for (const [args, expected] of cases) {
      const { code, out } = await cli(dir, ...args);
      assert.equal(code, 1, out);
      assert.equal(out.trim(), expected);
    }
    const version = await cli(dir, '--version');
    assert.equal(version.code, 0);
    assert.match(version.out.trim(), /^\d+\.\d+\.\d+/);
    const help = await cli(dir, '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /init --url <base URL>/);
  });

  test('the readers look in the project found from here: verdict reads the project\'s reports', async () => {
    const dir = freshDir();
    const nested = path.join(dir, 'src', 'deep');
    mkdirSync(nested, { recursive: true });
    writeFileSync(path.join(dir, 'validation.config.json'), '{}');
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports', 'verdict.json'), JSON.stringify({ verdict: 'CRITICAL', exit_code: 1, risk_rate: 3, reasons: ['a gate failed'], run_id: 'r1' }));
    const { code, out } = await cli(nested, 'verdict');
    assert.equal(code, 1);
    assert.equal(out.trim(), 'Verdict CRITICAL (run r1, risk rate 3.00 %): a gate failed');
  });
});
