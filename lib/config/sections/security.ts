import { z } from 'zod';
import { GATE_ORDER } from '../../gates.ts';
import { regexSource, urlString } from './common.ts';

/*
 * The passive security scan: rules over the responses the gates already receive (no extra
 * request). Each sub-section is built with its defaults first, as the audit section does.
 */

const withDefaults = <T extends z.ZodType>(schema: T) => schema.default(schema.parse({}) as never);

export const SECURITY_CHECK_IDS = [
  'security/csp', 'security/clickjacking', 'security/nosniff', 'security/hsts', 'security/cookie-flags',
  'security/server-version', 'security/mixed-content', 'security/error-disclosure', 'security/secrets-in-response',
] as const;
export type SecurityCheckId = (typeof SECURITY_CHECK_IDS)[number];

/** csp_evaluator's finding levels, in its own order of seriousness. */
export const CSP_LEVELS = ['high', 'syntax', 'medium', 'high-maybe', 'strict-csp', 'medium-maybe', 'info'] as const;
export type CspLevel = (typeof CSP_LEVELS)[number];

const csp = z.strictObject({
  /** csp_evaluator levels that fail the check; the others are listed in the evidence only. */
  failOn: z.array(z.enum(CSP_LEVELS)).default(['high', 'syntax', 'medium']),
});

const hsts = z.strictObject({
  /** The shortest max-age accepted on HTTPS origins (the Observatory's six months). */
  minMaxAgeSeconds: z.number().int().nonnegative().default(15_768_000),
});

const cookies = z.strictObject({
  /** Cookie names (regular expression, case-insensitive) that hold a session: they must be HttpOnly. */
  sessionNames: regexSource.default('(^|[_.-])(sess|session|sid|auth|token|jwt|remember)|^(sess|session|sid|auth|token|jwt)'),
  /** Which cookies must be HttpOnly: only session cookies (default) or all. */
  httpOnly: z.enum(['session', 'all']).default('session'),
  /** Which cookies must carry SameSite=Lax or Strict (None only with Secure). */
  sameSite: z.enum(['session', 'all']).default('session'),
});

const versionHeader = z.strictObject({
  /** Header name, case-insensitive. */
  header: z.string().min(1),
  /** 'version': only a value with a version number leaks; 'any': any value names the stack. */
  leaks: z.enum(['version', 'any']),
});

const disclosurePattern = z.strictObject({
  /** What it reveals, e.g. "a Django debug page". */
  name: z.string().min(1),
  /** A regular expression (source) matched against the body. */
  pattern: regexSource,
});

const errorDisclosure = z.strictObject({
  /** 'errors' judges 4xx/5xx bodies (what ZAP's Application Errors rule reads first); 'all' every body. */
  statuses: z.enum(['errors', 'all']).default('errors'),
  /** Patterns added to the built-in stack-trace and debug-page signatures. */
  extraPatterns: z.array(disclosurePattern).default([]),
});

const secrets = z.strictObject({
  /** Secretlint rule ids switched off for responses. */
  disabledRules: z.array(z.string().min(1)).default([]),
});

/** A response a rule must not judge, with the reason (listed in the check's evidence). */
const allowEntry = z.strictObject({
  /** A check id (`security/csp`) or `security/*`. */
  check: z.union([z.enum(SECURITY_CHECK_IDS), z.literal('security/*')]),
  /** A regular expression matched against the URL's path and query; omitted: every path. */
  path: regexSource.optional(),
  /** Only this cookie (security/cookie-flags). */
  cookie: z.string().min(1).optional(),
  reason: z.string().min(1),
});

/** The passive security scan (browser and contracts gates by default). */
export const securitySection = withDefaults(z.strictObject({
  /** Gates whose tasks' responses are judged: pages through the page guard, API calls through the API client. */
  gates: z.array(z.enum(GATE_ORDER as [string, ...string[]])).default(['browser', 'contracts']),
  /** Origins judged besides the target's base and API URLs: other origins are not the target's to fix. */
  origins: z.array(urlString).default([]),
  /** Bodies longer than this are judged on their first bytes only. */
  maxBodyBytes: z.number().int().positive().default(1_000_000),
  csp: withDefaults(csp),
  hsts: withDefaults(hsts),
  cookies: withDefaults(cookies),
  /** Headers that name the server software. */
  versionHeaders: z.array(versionHeader).default([
    { header: 'server', leaks: 'version' },
    { header: 'x-powered-by', leaks: 'any' },
    { header: 'x-aspnet-version', leaks: 'any' },
    { header: 'x-aspnetmvc-version', leaks: 'any' },
    { header: 'x-generator', leaks: 'version' },
  ]),
  errorDisclosure: withDefaults(errorDisclosure),
  secrets: withDefaults(secrets),
  allow: z.array(allowEntry).default([]),
}));

export type SecurityConfig = z.output<typeof securitySection>;
export type SecurityAllowEntry = z.output<typeof allowEntry>;
