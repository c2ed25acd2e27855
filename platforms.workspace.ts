import { randomBytes } from 'node:crypto';
import { defineWorkspaceConfig } from './lib/workspace/index.ts';

// The two platforms share one identity provider: both servers sign and verify tokens with one key.
process.env.DEMO_JWT_SECRET ??= randomBytes(32).toString('hex');

/**
 * The sample's two platforms in one run: PaiiD and its next-generation sibling PaπD 2mx, each with
 * its own config and chain of gates. `npm run platforms` runs it (VALIDATION_WORKSPACE=platforms.workspace.ts).
 */
export default defineWorkspaceConfig({
  name: 'PaiiD + PaπD 2mx',
  targets: [
    { id: 'paiid', config: 'validation.config.ts', description: 'the primary platform' },
    { id: 'papid-2mx', config: 'demo/2mx/validation.config.ts', description: 'the next-generation platform' },
  ],
  release: { combine: 'worst' },
  crossPlatform: {
    // PaiiD's clients (its pages, its mobile app) move to PaπD 2mx: what they call must still be there.
    contracts: [{ from: 'paiid', to: 'papid-2mx' }],
    // One identity provider: a PaiiD session carries over to PaπD 2mx.
    tokens: [{ issuer: 'paiid', audience: 'papid-2mx', path: '/api/account', expect: 'accepted' }],
    // PaiiD's pages read PaπD 2mx's quotes.
    cors: [{ caller: 'paiid', callee: 'papid-2mx', path: '/api/market/quote/SPY' }],
  },
});
