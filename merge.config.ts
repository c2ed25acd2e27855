import { defineConfig } from '@playwright/test';
import { loadValidationConfig } from './lib/config/index.ts';
import { mergeConfig } from './projects/suiteConfig.ts';

/**
 * `npx playwright merge-reports --config merge.config.ts <blob folder>`: the shards' blobs through the
 * same risk reporter, so the merged verdict, counts and rate equal an unsharded run's.
 */
const config = await loadValidationConfig();

export default defineConfig(mergeConfig(config, { suiteRoot: import.meta.dirname, projectRoot: import.meta.dirname }));
