import type { SessionConfig, SessionPlacement } from '../config/sections/browser.ts';
import { fillTemplate, referencedVariables, type Variables } from '../smoke/template.ts';

/**
 * The browser session as data: a Playwright storage state (cookies, local storage), the session
 * storage Playwright's storage state leaves out, and headers for the target's own origins. Built
 * once per worker, applied to each context that opens a route behind a login.
 */
export interface StorageStateLike {
  cookies: Array<{ name: string; value: string; domain: string; path: string; expires: number; httpOnly: boolean; secure: boolean; sameSite: 'Strict' | 'Lax' | 'None' }>;
  origins: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>;
}

export interface SessionState {
  storageState: StorageStateLike;
  sessionStorage: Array<{ origin: string; entries: Array<{ name: string; value: string }> }>;
  /** Sent only to the target's origins: a token must never reach a third-party script or image host. */
  headers: Record<string, string>;
  /** Every credential the session holds, for the redactor. */
  secrets: string[];
}

export function emptySession(): SessionState {
  return { storageState: { cookies: [], origins: [] }, sessionStorage: [], headers: {}, secrets: [] };
}

/** Whether any placed value needs the API login's token. */
export function needsLoginToken(session: Pick<SessionConfig, 'place'>): boolean {
  return session.place.some((placement) => referencedVariables(placement.value).has('token'));
}

// Opaque strings this long are treated as credentials: session ids, tokens, signed values.
const CREDENTIAL_LIKE = /^[A-Za-z0-9._~+/=%:-]{16,}$/;

/** Values a login left in cookies and storage that must be redacted: every cookie, and storage values that look like tokens. */
export function credentialValues(state: Pick<SessionState, 'storageState' | 'sessionStorage'>): string[] {
  const cookies = state.storageState.cookies.map((cookie) => cookie.value);
  const stored = [...state.storageState.origins.flatMap((o) => o.localStorage), ...state.sessionStorage.flatMap((o) => o.entries)].map((entry) => entry.value);
  return [...cookies, ...stored.filter((value) => CREDENTIAL_LIKE.test(value))].filter((value) => value !== '');
}

/**
 * Places the configured values on top of what login steps left (a later value of the same name
 * wins). Throws, naming the key, when a value uses a variable nobody set.
 */
export function placeValues(base: SessionState, placements: readonly SessionPlacement[], variables: Variables, baseUrl: string): SessionState {
  const target = new URL(baseUrl);
  const origin = target.origin;
  const next: SessionState = structuredClone(base);
  placements.forEach((placement, index) => {
    const filled = fillTemplate(placement.value, variables);
    if (filled.missing.length > 0) {
      throw new Error(`browser.session.place[${index}].value uses ${filled.missing.map((name) => `\${${name}}`).join(', ')}, which ${filled.missing.includes('token') ? 'the API login did not give' : 'the environment does not set'}`);
    }
    const value = String(filled.value);
    next.secrets.push(value);
    switch (placement.in) {
      case 'cookie':
        next.storageState.cookies = next.storageState.cookies.filter((c) => !(c.name === placement.name && c.domain === target.hostname));
        next.storageState.cookies.push({ name: placement.name, value, domain: target.hostname, path: '/', expires: -1, httpOnly: false, secure: target.protocol === 'https:', sameSite: 'Lax' });
        return;
      case 'localStorage':
        upsert(next.storageState.origins, origin, (o) => o.localStorage, { origin, localStorage: [] }, placement.name, value);
        return;
      case 'sessionStorage':
        upsert(next.sessionStorage, origin, (o) => o.entries, { origin, entries: [] }, placement.name, value);
        return;
      case 'header':
        next.headers[placement.name] = value;
    }
  });
  return next;
}

function upsert<T extends { origin: string }>(list: T[], origin: string, entries: (item: T) => Array<{ name: string; value: string }>, fresh: T, name: string, value: string): void {
  let item = list.find((o) => o.origin === origin);
  if (!item) {
    item = fresh;
    list.push(item);
  }
  const items = entries(item);
  const existing = items.find((entry) => entry.name === name);
  if (existing) existing.value = value;
  else items.push({ name, value });
}

/** What the session holds, by name only: the evidence of the operation that built it. */
export function describeSession(state: SessionState, steps: number): Record<string, unknown> {
  return {
    loginSteps: steps,
    cookies: state.storageState.cookies.map((c) => `${c.name} (${c.domain})`),
    localStorage: state.storageState.origins.flatMap((o) => o.localStorage.map((e) => `${e.name} (${o.origin})`)),
    sessionStorage: state.sessionStorage.flatMap((o) => o.entries.map((e) => `${e.name} (${o.origin})`)),
    headers: Object.keys(state.headers),
  };
}

/** The origins a session's headers may go to: the pages' and the API's. */
export function targetOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/** A regular expression matching every URL of these origins (for Playwright's `route`, matched in the browser process). */
export function originPattern(origins: readonly string[]): RegExp {
  const escaped = origins.map((origin) => origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^(?:${escaped.join('|')})(?:[/?#]|$)`);
}
