/**
 * Redaction: tokens, passwords, cookies, Authorization and Set-Cookie values never reach
 * a log, a summary or an attachment written by the suite.
 */
export const REDACTED = '[REDACTED]';

const SENSITIVE_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|apikey|access[-_]?token|refresh[-_]?token|id[-_]?token|token|password|passwd|pwd|secret|client[-_]?secret|jwt|session[-_]?id)$/i;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\b/g;
// Case-sensitive, and a bearer value must look like a credential (a digit or punctuation in it),
// so prose such as "Bearer tokens expire" or "token answered 201" stays readable.
const BEARER = /\b(Bearer)\s+(?=[A-Za-z._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}|\b(Basic)\s+[A-Za-z0-9+/=]{8,}/g;
const HEADER_LINE = /\b(authorization|cookie|set-cookie|x-api-key)\s*[:=]\s*[^\n\r,;"}]+/gi;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@]+):([^\s@/]+)@/gi;
// A sensitive key inside JSON text that could not be parsed (a truncated or corrupt line).
const JSON_TEXT_SECRET = /("(?:password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|id_token|api_key|apikey|authorization|cookie|set-cookie)"\s*:\s*")((?:[^"\\]|\\.)*)(")?/gi;
const QUERY_SECRET = /([?&](?:token|access_token|api_key|apikey|password|secret)=)[^&\s"']+/gi;
/** Text none of the patterns above can match lacks all of these: one test instead of six replaces. */
const MAY_MATCH = /eyJ|Bearer|Basic|authorization|cookie|x-api-key|:\/\/|"|=/i;

/** Known secret values, added at run time (API_PASSWORD, API_TOKEN, captured tokens). */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Returns true when the secret is new to this redactor. */
  add(secret: string | undefined): boolean {
    // Very short values would blank out ordinary words.
    if (!secret || secret.length < 6 || this.secrets.has(secret)) return false;
    this.secrets.add(secret);
    return true;
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    if (!MAY_MATCH.test(out)) return out;
    return out
      .replace(JWT, REDACTED)
      .replace(BEARER, (_m, bearer: string | undefined, basic: string | undefined) => `${bearer ?? basic} ${REDACTED}`)
      .replace(HEADER_LINE, (_m, name: string) => `${name}: ${REDACTED}`)
      .replace(URL_CREDENTIALS, (_m, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`)
      .replace(JSON_TEXT_SECRET, (_m, key: string, _value: string, end: string | undefined) => `${key}${REDACTED}${end ?? ''}`)
      .replace(QUERY_SECRET, (_m, key: string) => `${key}${REDACTED}`);
  }

  /** Deep copy with sensitive keys and secret-looking strings replaced. */
  value<T>(value: T, depth = 0): T {
    if (depth > 20) return value;
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        out[key] = SENSITIVE_KEY.test(key) && item !== null && item !== undefined && item !== '' ? REDACTED : this.value(item, depth + 1);
      }
      return out as T;
    }
    return value;
  }
}

/** The secrets the environment holds, for a process-wide redactor. */
export function environmentSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return ['API_PASSWORD', 'API_TOKEN', 'PERCY_TOKEN', 'WEBHOOK_URL', 'DATABASE_URL', 'REDIS_URL', 'DEMO_PASSWORD', 'DEMO_JWT_SECRET']
    .map((name) => env[name])
    .filter((value): value is string => Boolean(value));
}
