import { defineValidationConfig } from '../../lib/config/index.ts';
import paiid from '../../validation.config.ts';

/**
 * The validation config of "PaπD 2mx", the sample's next-generation platform: PaiiD's pages and a
 * newer version of its API, served by the demo on its own port (DEMO_VARIANT=2mx), with its own
 * OpenAPI document (fetched from the running server, as it publishes it), its own repository folder
 * (this one) and its own faults (DEMO_2MX_FAULTS). What it shares with PaiiD is taken from PaiiD's config.
 */
const port = process.env.DEMO_2MX_PORT ?? '47320';
const url = `http://127.0.0.1:${port}`;
/** PaiiD's pages read PaπD 2mx's quotes: its origin is in 2mx's CORS allowlist (a cross-platform check proves it). */
const paiidOrigin = new URL(paiid.target.baseUrl).origin;

export default defineValidationConfig({
  ...paiid,
  target: {
    name: 'PaπD 2mx demo',
    baseUrl: url,
    environments: {},
    webServer: {
      command: 'npx tsx demo/server.ts',
      url: `${url}/robots.txt`,
      timeoutMs: 60_000,
      env: { DEMO_PORT: port, DEMO_VARIANT: '2mx', DEMO_FAULTS: process.env.DEMO_2MX_FAULTS ?? '', DEMO_CORS_ORIGINS: [paiidOrigin, 'https://app.paiid.example'].join(',') },
    },
  },
  // The same pages as PaiiD's: compared with PaiiD's baselines, so a drift between the two shows.
  visual: { ...paiid.visual, baselineDir: '../../baselines/paiid-demo', baselinesOf: paiid.target.name },
  api: {
    ...paiid.api,
    openapi: `${url}/openapi.yaml`,
    contracts: { ...paiid.api!.contracts, cors: { path: '/api/market/quote/SPY', allowedOrigins: ['https://app.paiid.example'], disallowedOrigins: ['https://evil.example'] } },
  },
  audit: {
    repository: '.',
    env: { documentedIn: ['README.md'] },
    branding: {
      forbiddenTerms: [{ term: 'AI', message: 'the brand is PaπD 2mx: say "assistant" or name the feature' }],
      files: ['**/*.md', '**/*.yaml'],
    },
  },
});
