import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/results.ts';

export interface OverheadShape {
  files: number;
  testsPerFile: number;
  operationsPerTest: number;
}

export interface OverheadProject {
  dir: string;
  /** Config with the `list` reporter and plain `@playwright/test`. */
  listConfig: string;
  /** Config with `list` + the risk reporter, specs on the suite's fixtures (`risk.check` per operation). */
  riskConfig: string;
}

/** list: plain Playwright; risk: the suite's `test`; lean: only the target and risk fixtures, same reporter. */
export type OverheadSide = 'list' | 'risk' | 'lean';

/**
 * Two configs over the same specs' bodies: one with plain Playwright and the `list` reporter, one with
 * the suite's fixtures recording each operation and the risk reporter. The work inside an operation is
 * the same trivial assertion on both sides, so the difference is the bookkeeping alone (its worst case).
 */
export function writeOverheadProject(dir: string, shape: OverheadShape): OverheadProject {
  rmSync(dir, { recursive: true, force: true });
  const write = (file: string, content: string) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  const rel = (file: string, from = dir) => path.relative(from, path.join(ROOT, file)).split(path.sep).join('/');
  write('validation.config.ts', `export default {
  target: { name: 'reporter overhead bench', baseUrl: 'http://127.0.0.1:9' },
  routes: [{ path: '/', name: 'home' }],
};
`);
  const common = (reporter: string) => `import path from 'node:path';
import { defineConfig } from '@playwright/test';
${reporter}
export default defineConfig({
  outputDir: path.join(process.env.OUTPUT_ROOT ?? import.meta.dirname, 'test-results'),
  workers: 1,
  reporter,
  projects: [{ name: 'bench', testDir: process.env.BENCH_SPECS, metadata: { gate: 'bench', phase: 'BENCH', dependencies: [] } }],
});
`;
  write('playwright.list.config.ts', common(`const reporter: any[] = [['list']];`));
  // As the suite's own playwright.config.ts: load the config once, hand it to the workers.
  write('playwright.risk.config.ts', common(`import { handConfigToWorkers, loadValidationConfig } from '${rel('lib/config/load.ts')}';
import { riskReporterOptions } from '${rel('lib/reporterOptions.ts')}';
const config = await loadValidationConfig();
handConfigToWorkers(config);
const reporter: any[] = [['list'], ['${rel('reporters/riskReporter.ts')}', { ...riskReporterOptions(config, ['bench']), outputDir: path.join(process.env.OUTPUT_ROOT ?? import.meta.dirname, 'reports') }]];`));
  const spec = (header: string, signature: string, call: string) => (file: number) => `${header}
for (let task = 0; task < ${shape.testsPerFile}; task++) {
  test(\`file ${file} task \${task}\`, async (${signature}) => {
    for (let operation = 0; operation < ${shape.operationsPerTest}; operation++) {
      ${call}
    }
  });
}
`;
  const plain = spec(`import { test, expect } from '@playwright/test';
const check = async (name: string, fn: () => unknown) => { await fn(); return name; };`, '', `await check(\`operation \${operation}\`, () => expect(operation * 2).toBe(operation + operation));`);
  const risky = spec(`import { test, expect } from '${rel('fixtures/index.ts', path.join(dir, 'specs', 'risk'))}';`, '{ risk }', `await risk.check(\`operation \${operation}\`, () => expect(operation * 2).toBe(operation + operation), { check: 'data-flows/status' });`);
  // The same recording with only the fixtures it needs: shows what importing the other fixtures costs.
  const fixture = (name: string) => rel(`fixtures/${name}.ts`, path.join(dir, 'specs', 'lean'));
  const lean = spec(`import { test as base, expect } from '@playwright/test';
import type { RiskRecorder } from '${rel('lib/risk/index.ts', path.join(dir, 'specs', 'lean'))}';
import type { ResolvedConfig } from '${rel('lib/config/index.ts', path.join(dir, 'specs', 'lean'))}';
import { risk } from '${fixture('risk')}';
import { target } from '${fixture('target')}';
const test = base.extend<{ risk: RiskRecorder }, { target: ResolvedConfig }>({ target, risk });`, '{ risk }', `await risk.check(\`operation \${operation}\`, () => expect(operation * 2).toBe(operation + operation), { check: 'data-flows/status' });`);
  for (let file = 0; file < shape.files; file++) {
    write(`specs/list/ops${file}.spec.ts`, plain(file));
    write(`specs/risk/ops${file}.spec.ts`, risky(file));
    write(`specs/lean/ops${file}.spec.ts`, lean(file));
  }
  return { dir, listConfig: path.join(dir, 'playwright.list.config.ts'), riskConfig: path.join(dir, 'playwright.risk.config.ts') };
}
