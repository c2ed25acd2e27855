/**
 * `import { test, expect } from 'meta-orchestrator/test'`: the suite's fixtures (target, risk, api,
 * pageGuard, ...) for a team's own specs, listed per gate under `extraSpecs` in the config. A test
 * tagged `MEASUREMENT_TAG` ('@measurement') runs with no other test beside it (lib/runLock.ts).
 */
export { expect, MEASUREMENT_TAG, targetConfig, test, type ApiClient, type ApiResult, type PageGuard, type TestFixtures, type WorkerFixtures } from '../fixtures/index.ts';
export type { RiskRecorder } from '../lib/risk/index.ts';
