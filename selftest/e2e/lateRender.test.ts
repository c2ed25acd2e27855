import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { digest, failedChecksOf, ROOT, runSuite } from '../helpers/runSuite.ts';

/**
 * A single-page application renders what a route is about after its data arrives, which can be
 * after the network went quiet. Here the page's content (an unnamed button, an axe violation)
 * appears 8 s after load, with no request in between: the settle window (1.5 s) ends long before,
 * even on a busy machine. With the
 * route's `expect.visible` naming that content, axe waits for it and reports the violation; without
 * it, the page is judged as it stood when the network settled. The wait is bounded by
 * timeouts.expectMs, raised here past the 8 s.
 */
const WORK = path.join(ROOT, '.work', 'selftest', `late-render-${process.pid}`);

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late</title></head>
<body><main><h1>Packages</h1><div id="content"></div></main>
<script>setTimeout(() => { document.getElementById('content').innerHTML = '<button id="late"></button>'; }, 8000);</script>
</body></html>`;

function writeConfig(url: string, name: string, expectVisible: boolean): string {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `${name}.config.ts`);
  const expect = expectVisible ? ", expect: { visible: ['#late'] }" : '';
  writeFileSync(file, `export default {
  target: { name: 'late', baseUrl: '${url}' },
  routes: [{ path: '/', name: 'late'${expect} }],
  security: { gates: [] },
  a11y: { lighthouse: { enabled: false } },
  timeouts: { expectMs: 20_000 },
};\n`);
  return file;
}

describe('a page judged once it shows what it is about', () => {
  let server: Server;
  let url: string;
  before(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(WORK, { recursive: true, force: true });
  });

  it('axe waits for the route\'s expect.visible and finds the violation in the late content; without it, the page as it stood', async () => {
    const waited = await runSuite({ project: 'a11y', noDeps: true, name: `late-waited-${process.pid}`, env: { VALIDATION_CONFIG: writeConfig(url, 'waited', true), CI: '' }, timeoutMs: 240_000 });
    const axe = waited.tasks.find((t) => t.task_id === 'a11y/axe-late-has-no-wcag-violations');
    assert.ok(axe, digest(waited));
    assert.ok(failedChecksOf(axe).some((check) => /button-name on \//.test(check)), `button-name not reported on the rendered page\n${digest(waited)}`);

    const bare = await runSuite({ project: 'a11y', noDeps: true, name: `late-bare-${process.pid}`, env: { VALIDATION_CONFIG: writeConfig(url, 'bare', false), CI: '' }, timeoutMs: 240_000 });
    const early = bare.tasks.find((t) => t.task_id === 'a11y/axe-late-has-no-wcag-violations');
    assert.ok(early, digest(bare));
    assert.deepEqual(failedChecksOf(early), [], `the scan did not happen before the content rendered\n${digest(bare)}`);
  });
});
