import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readRun, ROOT, type SuiteRun } from './runSuite.ts';

/**
 * A small Playwright project written into a temp folder: its own config, gate projects and specs,
 * using the suite's real fixtures and risk reporter. Proves the reporter on runs we fully control.
 */
export interface InlineProject {
  dir: string;
  run(args?: string[], env?: Record<string, string>, options?: { timeoutMs?: number; signalWhen?: { signal: NodeJS.Signals; ready: () => boolean } }): Promise<SuiteRun>;
  write(file: string, content: string): void;
}

export interface InlineGate {
  name: string;
  dependencies?: string[];
}

export function inlineProject(name: string, gates: InlineGate[], files: Record<string, string>, validationExtra = ''): InlineProject {
  const dir = path.join(ROOT, '.work', 'inline', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rel = (file: string) => path.relative(dir, path.join(ROOT, file)).split(path.sep).join('/');
  const write = (file: string, content: string) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  write('validation.config.ts', `export default {
  target: { name: 'inline ${name}', baseUrl: 'http://127.0.0.1:9' },
  routes: [{ path: '/', name: 'home' }],
  ${validationExtra}
};
`);
  const gateOrder = JSON.stringify(gates.map((g) => g.name));
  write('playwright.config.ts', `import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { loadValidationConfig } from '${rel('lib/config/index.ts')}';
import { riskReporterOptions } from '${rel('lib/reporterOptions.ts')}';
import { openSecretChannel } from '${rel('lib/secretChannel.ts')}';
const config = await loadValidationConfig();
openSecretChannel();
const out = (f: string) => path.join(process.env.OUTPUT_ROOT ?? import.meta.dirname, f);
// The risk reporter last: it scrubs what the reporters before it wrote.
const blob = process.env.BLOB_REPORT === '1';
const reporter: any[] = [['list'], ['allure-playwright', { resultsDir: out('allure-results') }], ['html', { open: 'never', outputFolder: out('playwright-report') }], ...(blob ? [['blob', { outputDir: out('blob-report') }]] : []), ['./${rel('reporters/riskReporter.ts')}', { ...riskReporterOptions(config, ${gateOrder}), outputDir: out('reports'), scrub: { htmlDir: out('playwright-report'), allureDir: out('allure-results'), ...(blob ? { blobDir: out('blob-report') } : {}) } }]];
// Playwright's own JSON of the run (steps, annotations): what the HTML report and UI mode render.
if (process.env.JSON_REPORT === '1') reporter.splice(1, 0, ['json', { outputFile: out('results.json') }]);
export default defineConfig({
  outputDir: out('test-results'),
  retries: Number(process.env.RETRIES ?? 0),
  workers: 1,
  reporter,
  projects: ${JSON.stringify(gates.map((g) => ({ name: g.name, testDir: `./${g.name}`, dependencies: g.dependencies ?? [], metadata: { gate: g.name, phase: g.name.toUpperCase(), dependencies: g.dependencies ?? [] } })))},
});
`);
  for (const [file, content] of Object.entries(files)) {
    write(file, content.replaceAll('@fixtures', path.join(ROOT, 'fixtures/index.ts')));
  }
  return {
    dir,
    write,
    run(args = [], env = {}, options = {}) {
      const outputRoot = env.OUTPUT_ROOT ?? path.join(dir, 'out');
      return new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', ...args], {
          cwd: dir,
          env: { ...process.env, OUTPUT_ROOT: outputRoot, VALIDATION_CONFIG: path.join(dir, 'validation.config.ts'), FORCE_COLOR: '0', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
        child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
        const kill = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
        if (options.signalWhen) {
          const { signal, ready } = options.signalWhen;
          const poll = setInterval(() => {
            if (!ready()) return;
            clearInterval(poll);
            setTimeout(() => child.kill(signal), 500);
          }, 250);
          child.on('close', () => clearInterval(poll));
        }
        child.on('close', (exitCode, signal) => {
          clearTimeout(kill);
          resolve({ exitCode, signal, stdout, stderr, durationMs: Date.now() - started, outputRoot, ...readRun(outputRoot) });
        });
      });
    },
  };
}
