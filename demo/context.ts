import type { DemoConfig } from './config.ts';
import { hashSeed, type Quote } from './market.ts';
import { PaperAccount } from './paper.ts';

export interface CachedQuote {
  quote: Quote;
  expiresAt: number;
}

/** The state one server instance shares between its handlers. */
export interface DemoContext {
  config: DemoConfig;
  faults: ReadonlySet<string>;
  startedAt: number;
  quoteCache: Map<string, CachedQuote>;
  accounts: Map<string, PaperAccount>;
  /** Concurrent load: requests being handled or client connections open, whichever is more. */
  concurrency: () => number;
  /** Origins the server itself answers on; always allowed for CORS. */
  selfOrigins: Set<string>;
}

export function createContext(config: DemoConfig, faults: ReadonlySet<string>, concurrency: () => number): DemoContext {
  return {
    config,
    faults,
    startedAt: Date.now(),
    quoteCache: new Map(),
    accounts: new Map(),
    concurrency,
    selfOrigins: new Set(),
  };
}

export function accountFor(ctx: DemoContext, user: string): PaperAccount {
  let account = ctx.accounts.get(user);
  if (!account) {
    account = new PaperAccount(`PA-${hashSeed(user).toString(16).toUpperCase().padStart(8, '0')}`);
    ctx.accounts.set(user, account);
  }
  return account;
}

export function hasFault(ctx: { faults: ReadonlySet<string> }, name: string): boolean {
  return ctx.faults.has(name);
}
