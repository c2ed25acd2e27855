import { defineConfig } from '@playwright/test';
import { loadValidationConfig } from '../lib/config/index.ts';
import { mergeConfig, SUITE_ROOT } from '../projects/suiteConfig.ts';

/** `meta-orchestrator merge <blob folder>`: the team's shards merged through the risk reporter, outputs beside its config. */
const config = await loadValidationConfig();

export default defineConfig(mergeConfig(config, { suiteRoot: SUITE_ROOT, projectRoot: config.meta.dir }));
