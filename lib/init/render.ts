import { Document } from 'yaml';
import { tsLiteral } from './literal.ts';
import type { ApiDiscovery } from './openapi.ts';
import type { RouteDraft } from './routes.ts';

/** Everything init found, as the config files need it. */
export interface Discovery {
  name: string;
  baseUrl: string;
  routes: RouteDraft[];
  /** Where the routes came from, for the comment above them. */
  routeSource: string;
  /** The OpenAPI document as the config names it (a URL, or a path relative to the config). */
  openapi?: string;
  api?: ApiDiscovery;
  /** The audited repository, relative to the config's folder. */
  repository: string;
}

/** Where the schema is, seen from a config at the project's root. */
export const SCHEMA_PATH = './node_modules/meta-orchestrator/dist/validation.config.schema.json';

/** The sections of the config, each with the comment a person reads above it. */
function sections(d: Discovery): Array<{ key: string; comment: string; value: unknown }> {
  const api = d.api;
  const auth = api?.auth;
  const out: Array<{ key: string; comment: string; value: unknown }> = [];
  out.push({
    key: 'target',
    comment: 'The application. BASE_URL (and API_URL) in the environment override these; per-environment URLs go in\n`environments: { staging: { baseUrl: ... }, production: { baseUrl: ... } }`, picked by TARGET_ENV.',
    value: { name: d.name, baseUrl: d.baseUrl, ...(api?.apiUrl ? { apiUrl: api.apiUrl } : {}) },
  });
  if (auth && auth.kind !== 'none') {
    const login = auth.login ? { login: { method: auth.login.method, path: auth.login.path, body: auth.login.body, tokenPath: auth.login.tokenPath } } : {};
    out.push({
      key: 'auth',
      comment: `Security scheme "${auth.scheme ?? ''}" (${auth.kind}): ${auth.note ?? ''}.\nCredentials come from the environment only (\${API_USER} is filled in at run time): never write them here.`,
      value: { ...login, header: auth.header, scheme: auth.prefix },
    });
  }
  out.push({
    key: 'routes',
    comment: `${d.routeSource}.\nChecked by the browser, a11y and visual gates. Per route, add\n\`expect: { visible: ['<selector>'] }\` for what it must show and \`masks: ['<selector>']\` for regions that change.`,
    value: d.routes.map((route) => ({ path: route.path, name: route.name })),
  });
  if (api && d.openapi) {
    const endpoints = api.endpoints.map((e) => ({ name: e.name, path: e.path, ...(e.auth ? { auth: true } : {}), ...(e.json ? {} : { json: false }), ...(e.expectStatus !== 200 ? { expectStatus: e.expectStatus } : {}) }));
    out.push({
      key: 'api',
      comment: `From the OpenAPI document${api.title ? ` "${api.title}"` : ''} (${api.operations} operations). The data-flows gate calls \`endpoints\` (budgetMs: 1000\nby default); the contracts gate exercises every documented read-only operation. Operations that change data\nare never sent unless \`contracts.operations['<operationId>'].allowStateChangeIn\` names the environment.${api.needValues.length > 0 ? `\nLeft out for want of example values: ${api.needValues.slice(0, 5).join(', ')}${api.needValues.length > 5 ? ', ...' : ''}.` : ''}`,
      value: {
        openapi: d.openapi,
        ...(api.health ? { health: { path: api.health } } : {}),
        ...(api.readiness ? { readiness: { path: api.readiness } } : {}),
        endpoints,
      },
    });
  }
  out.push({
    key: 'audit',
    comment: 'The repository the audit gate reads (secrets, syntax, ports, env variables, dependencies...), relative to this file.\nTARGET_REPO overrides it. Branding, logo, palette and generated files are opt-in keys of this section.',
    value: { repository: d.repository },
  });
  if (api?.health) {
    out.push({
      key: 'smoke',
      comment: 'The smoke gate: health, a short load on health (local and staging only), and, to add, the critical\nuser path as API steps: `criticalPath: { api: [{ name, method, path, body, expect: [...] }] }`.\nPostgreSQL, Redis and Docker are probed when DATABASE_URL, REDIS_URL or DOCKER_HOST is set.',
      value: { load: { connections: 10, durationSeconds: 5, endpoints: [{ name: 'health', path: api.health }] } },
    });
  }
  return out;
}

function commentLines(text: string, indent: string): string {
  return text.split('\n').map((line) => `${indent}// ${line}`).join('\n');
}

/** validation.config.ts: typed through defineValidationConfig, each section with what to fill in. */
export function renderTsConfig(d: Discovery, command: string): string {
  const body = sections(d).map((s) => `${commentLines(s.comment, '  ')}\n  ${s.key}: ${tsLiteral(s.value, '  ')},`).join('\n\n');
  return `import { defineValidationConfig } from 'meta-orchestrator';

/**
 * The release gates' config for ${d.name}, written by \`${command}\`.
 * Every key, its default and its meaning: ${SCHEMA_PATH.slice(2)}
 * (the JSON Schema that JSON and YAML configs name as \`$schema\`); the types check this file as you type.
 * Secrets never go in this file: they come from the environment (.env, listed in .env.example).
 * Run: npx meta-orchestrator test   (or npx playwright test --project=full)
 */
export default defineValidationConfig({
${body}
});
`;
}

/** The same config as plain data, for validation.config.json / .yaml. */
export function configData(d: Discovery): Record<string, unknown> {
  return { $schema: SCHEMA_PATH, ...Object.fromEntries(sections(d).map((s) => [s.key, s.value])) };
}

export function renderJsonConfig(d: Discovery): string {
  return `${JSON.stringify(configData(d), null, 2)}\n`;
}

export function renderYamlConfig(d: Discovery, command: string): string {
  const document = new Document(configData(d));
  document.commentBefore = ` yaml-language-server: $schema=${SCHEMA_PATH}\n Written by \`${command}\`. Secrets come from the environment (.env, listed in .env.example), never from here.`;
  const pairs = (document.contents as unknown as { items: Array<{ key: { value?: unknown; commentBefore?: string } }> }).items;
  for (const section of sections(d)) {
    const pair = pairs.find((item) => item.key.value === section.key);
    if (pair) pair.key.commentBefore = section.comment.split('\n').map((line) => ` ${line}`).join('\n');
  }
  return document.toString({ lineWidth: 0 });
}

/** .env.example: every variable the gates read, empty, with what it is for. Never a value. */
export function renderEnvExample(d: Discovery): string {
  const auth = d.api?.auth;
  const credentials = !auth || auth.kind === 'none'
    ? ['# The API documents no security scheme; if it has one, set API_TOKEN or API_USER/API_PASSWORD.', 'API_TOKEN=']
    : auth.login || auth.kind === 'basic'
      ? ['# Credentials of a test user (the login operation or HTTP basic auth uses them).', 'API_USER=', 'API_PASSWORD=']
      : ['# The credential sent in the ' + auth.header + ' header' + (auth.prefix ? ` after "${auth.prefix} "` : '') + '.', 'API_TOKEN='];
  return [
    '# Variables the release gates read. Copy to .env (never commit .env) or set them in CI secrets.',
    '',
    '# Where the application runs (override the config): BASE_URL for the pages, API_URL for the API.',
    'BASE_URL=',
    'API_URL=',
    '# local | staging | production (production: no load; state changes only where a config mark names it).',
    'TARGET_ENV=',
    '# The repository the audit gate reads (default: audit.repository in the config).',
    'TARGET_REPO=',
    '',
    ...credentials,
    '',
    '# Risk: the error budget (%) and the verdict\'s bounds.',
    'RISK_TARGET=',
    'RISK_CRITICAL=',
    '',
    '# Optional services: each check runs only when its variable is set.',
    'PERCY_TOKEN=',
    'WEBHOOK_URL=',
    'DATABASE_URL=',
    'REDIS_URL=',
    'DOCKER_HOST=',
    '',
  ].join('\n');
}

/**
 * .env.example for a repository that may document its own variables already: the whole file when
 * there is none, else only the gates' variables it lacks (with their comments), appended under a
 * heading. What the team wrote stays as it was.
 */
export function mergeEnvExample(existing: string, rendered: string): string {
  if (existing.trim() === '') return rendered;
  const documented = new Set([...existing.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]));
  const added: string[] = [];
  let comments: string[] = [];
  for (const line of rendered.split('\n').slice(2)) {
    const variable = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1];
    if (line.startsWith('#')) {
      comments.push(line);
    } else if (variable && !documented.has(variable)) {
      added.push(...comments, line);
      comments = [];
    } else if (!variable) {
      comments = [];
    }
  }
  if (added.length === 0) return existing;
  return `${existing}${existing.endsWith('\n') ? '' : '\n'}\n# Read by the release gates (meta-orchestrator):\n${added.join('\n')}\n`;
}

export function renderPlaywrightConfig(): string {
  return `// The release gates as Playwright projects: one per gate, \`full\` and \`quick\`. Written by meta-orchestrator init.
// Run: npx playwright test --project=full   (or npx meta-orchestrator test; --project=<gate> --no-deps for one gate)
// The validation config is found upward from the working folder; outputs and baselines go beside it.
import { defineGateConfig } from 'meta-orchestrator/playwright';

export default defineGateConfig();
`;
}

/** What a run leaves that does not belong in git (baselines/ does: commit it). */
export const IGNORED_OUTPUTS: readonly string[] = ['node_modules/', '.env', 'reports/', 'playwright-report/', 'test-results/', 'allure-results/', 'allure-report/', 'allure-history/', 'blob-report/'];

/** The lines of `IGNORED_OUTPUTS` an existing .gitignore lacks. */
export function missingIgnoreLines(existing: string): string[] {
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim().replace(/^\//, '')));
  return IGNORED_OUTPUTS.filter((line) => !present.has(line) && !present.has(line.replace(/\/$/, '')));
}
