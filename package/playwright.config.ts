import { defineGateConfig } from './playwright.ts';

/** The config `meta-orchestrator test` runs: the gates, for the validation config found from the working folder. */
export default defineGateConfig();
