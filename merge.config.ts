import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { loadValidationConfig } from './lib/config/index.ts';
import { riskReporterOptions } from './lib/reporterOptions.ts';
import { GATE_ORDER } from './projects/index.ts';

/**
 * `npx playwright merge-reports --config merge.config.ts <blob folder>`: the shards' blobs through the
 * same risk reporter, so the merged verdict, counts and rate equal an unsharded run's.
 */
const config = await loadValidationConfig();
const outputRoot = process.env.OUTPUT_ROOT ? path.resolve(process.env.OUTPUT_ROOT) : import.meta.dirname;

export default defineConfig({
  testDir: import.meta.dirname,
  reporter: [
    ['html', { open: 'never', outputFolder: path.join(outputRoot, 'playwright-report') }],
    ['./reporters/riskReporter.ts', { ...riskReporterOptions(config, GATE_ORDER), outputDir: path.join(outputRoot, 'reports') }],
  ],
});
