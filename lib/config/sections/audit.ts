import { z } from 'zod';
import { positiveMs, regexSource, severitySchema } from './common.ts';

/*
 * The audit gate: the target's repository, checked the way a careful reviewer would.
 * Every sub-section is built with its defaults first and `.default(schema.parse({}))`, so the
 * outer default can never disagree with the inner ones. Globs are picomatch globs relative to the
 * repository root; a glob without a slash matches the base name anywhere (`*.py`).
 */

const globs = z.array(z.string().min(1));

const withDefaults = <T extends z.ZodType>(schema: T) => schema.default(schema.parse({}) as never);

const CODE_GLOBS = ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue,svelte}'];

const secrets = z.strictObject({
  /** Files never handed to secretlint (e.g. test fixtures with fake keys). */
  exclude: globs.default([]),
  /** Secretlint rule ids switched off, e.g. "@secretlint/secretlint-rule-basicauth". */
  disabledRules: z.array(z.string().min(1)).default([]),
});

const syntax = z.strictObject({
  json: globs.default(['**/*.json']),
  /** JSON with comments (parsed with JSON5), taken out of `json`. */
  jsonc: globs.default(['**/tsconfig*.json', '**/jsconfig*.json', '**/.vscode/*.json', '**/*.jsonc', '**/*.json5']),
  yaml: globs.default(['**/*.{yaml,yml}']),
  dotenv: globs.default(['**/.env', '**/.env.*', '**/*.env']),
});

/** Which declarations belong to one service: its ports must all agree. */
const portService = z.strictObject({
  name: z.string().min(1),
  /** Variable names in .env files and in compose `environment:` (e.g. PORT, API_PORT). */
  env: z.array(z.string().min(1)).default([]),
  /** docker-compose service names whose container port is this service's port; "*" for all. */
  compose: z.array(z.string().min(1)).default([]),
  /** package.json script names whose `--port N` / `PORT=N` is this service's port; "*" for all. */
  scripts: z.array(z.string().min(1)).default([]),
  /** Dotted key paths in JSON/YAML config files, matched at the end of the path (e.g. "server.port"). */
  keys: z.array(z.string().min(1)).default([]),
});

const ports = z.strictObject({
  services: z.array(portService).default([{ name: 'app', env: ['PORT'], compose: ['*'], scripts: ['*'], keys: ['port', 'server.port'] }]),
  envFiles: globs.default(['**/.env', '**/.env.*']),
  composeFiles: globs.default(['**/docker-compose*.{yml,yaml}', '**/compose*.{yml,yaml}']),
  packageFiles: globs.default(['**/package.json']),
  /** JSON/YAML settings files searched for the `keys` of each service. */
  configFiles: globs.default(['**/config/**/*.{json,yaml,yml}', '**/settings*.{json,yaml,yml}']),
});

const deprecatedRule = z.strictObject({
  /** A regular expression (source text) matched line by line. */
  pattern: regexSource,
  /** What to use instead. */
  message: z.string().min(1),
  files: globs.default(CODE_GLOBS),
  severity: severitySchema.default('medium'),
  /**
   * Applies only where the repository declares this package (package.json dependencies of any kind,
   * bower.json) in a version range that meets `range`: a deprecation of React 18 is no finding in a
   * project on React 16. Where it declares the package nowhere, the rule does not apply.
   */
  requires: z.strictObject({ package: z.string().min(1), range: z.string().min(1) }).optional(),
});

/** Real deprecations of Node, React and Python: what reviewers flag first. */
const DEFAULT_DEPRECATED: z.input<typeof deprecatedRule>[] = [
  { pattern: '\\bnew Buffer\\(', message: 'new Buffer() is deprecated (DEP0005): use Buffer.from() or Buffer.alloc()', severity: 'high' },
  { pattern: '\\burl\\.parse\\(', message: 'url.parse() is deprecated (DEP0169): use new URL()' },
  { pattern: '\\bcomponentWillMount\\b', message: 'componentWillMount is deprecated since React 16.9: use componentDidMount or a constructor', requires: { package: 'react', range: '>=16.9.0' } },
  { pattern: '\\bcomponentWillReceiveProps\\b', message: 'componentWillReceiveProps is deprecated since React 16.9: use getDerivedStateFromProps', requires: { package: 'react', range: '>=16.9.0' } },
  { pattern: '\\bcomponentWillUpdate\\b', message: 'componentWillUpdate is deprecated since React 16.9: use componentDidUpdate', requires: { package: 'react', range: '>=16.9.0' } },
  { pattern: '\\bReactDOM\\.render\\(', message: 'ReactDOM.render is deprecated since React 18: use createRoot().render()', requires: { package: 'react-dom', range: '>=18.0.0' } },
  { pattern: '\\bfs\\.exists\\(', message: 'fs.exists() is deprecated (DEP0034): use fs.stat() or fs.access()' },
  { pattern: '\\butil\\.(isArray|isDate|isError|isFunction|isObject|isString|isNumber)\\(', message: 'util.is*() helpers are deprecated: use Array.isArray() or typeof checks' },
  { pattern: '\\bdatetime\\.utcnow\\(', message: 'datetime.utcnow() is deprecated since Python 3.12: use datetime.now(timezone.utc)', files: ['**/*.py'] },
  { pattern: '^\\s*import imp\\b', message: 'the imp module was removed in Python 3.12: use importlib', files: ['**/*.py'] },
];

const corsAuth = z.strictObject({
  /** Settings files that hold CORS and auth settings (JSON/YAML, .env). */
  files: globs.default(['**/config/**/*.{json,yaml,yml}', '**/settings*.{json,yaml,yml}', '**/.env', '**/.env.*']),
  /** Files (or whole folders) that count as production settings: no plain-http origin there. */
  productionFiles: globs.default(['**/*production*', '**/*prod.*']),
  /** Key names (last segment, case-insensitive) that list allowed origins. */
  originKeys: z.array(z.string().min(1)).default(['origins', 'allowedOrigins', 'allowOrigins', 'corsOrigins', 'origin', 'CORS_ORIGINS', 'CORS_ALLOWED_ORIGINS']),
  /** Key names that switch credentials on. */
  credentialsKeys: z.array(z.string().min(1)).default(['credentials', 'allowCredentials', 'CORS_CREDENTIALS']),
  /** Key names (regular expression, case-insensitive) that hold a secret. */
  secretKeyPattern: regexSource.default('(secret|password|passwd|api_?key|private_?key|token)$'),
  /** Values that mean "nobody set this" (case-insensitive, whole value). */
  placeholders: z.array(z.string()).default(['change-me', 'changeme', 'change_me', 'secret', 'password', 'your-secret-here', 'todo', 'xxx', 'test', 'default', '123456']),
  /** Example files may hold placeholders: that is what they are for. */
  exampleFiles: globs.default(['**/*.example', '**/*.example.*', '**/*.sample', '**/*.sample.*', '**/*.template', '**/*.dist']),
});

/** Variables the platform sets (shells, CI services, docs hosts, test runners, and PORT, which Heroku, Cloud Run, Render and Fly hand every web process): nobody documents them. */
export const PLATFORM_VARIABLES = [
  'NODE_ENV', 'PORT', 'CI', 'HOME', 'PATH', 'PWD', 'TZ', 'USER', 'SHELL', 'TERM', 'LANG', 'LC_*', 'TMPDIR', 'TEMP', 'TMP', 'HOSTNAME',
  'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'FORCE_COLOR', 'NO_COLOR', 'DEBUG_COLORS',
  'GITHUB_*', 'RUNNER_*', 'GITLAB_*', 'CI_*', 'CIRCLE*', 'TRAVIS*', 'BUILDKITE*', 'JENKINS_*', 'TEAMCITY_*', 'APPVEYOR*', 'BITBUCKET_*', 'TF_BUILD', 'AGENT_*', 'SYSTEM_*',
  'READTHEDOCS*', 'NETLIFY*', 'VERCEL*', 'RENDER*', 'HEROKU_*', 'DYNO',
  'JEST_WORKER_ID', 'VITEST*', 'PYTEST_*', 'TEST_WORKER_INDEX', 'TEST_PARALLEL_INDEX', 'PLAYWRIGHT_*', 'PW_*', 'NODE_V8_COVERAGE', 'NYC_*', 'COVERAGE*',
  'VIRTUAL_ENV', 'CONDA_*', 'PYTHON*', 'JUPYTER_*', 'IPYTHON*',
];

const envAudit = z.strictObject({
  /** The file that documents every variable. */
  exampleFile: z.string().min(1).default('.env.example'),
  /**
   * Other files that document variables (a README, docs pages): a variable named in one counts as
   * documented, and with any of them present a missing example file is no finding by itself.
   */
  documentedIn: globs.default(['README*', 'docs/**/*.md', 'docs/**/*.rst', 'docs/**/*.txt']),
  /** Code that reads variables. */
  code: globs.default([...CODE_GLOBS, '**/*.py']),
  /**
   * Regular expressions whose first group is a variable name read by code. The defaults cover
   * process.env.X / process.env["X"], import.meta.env.X, os.environ["X"], os.environ.get("X"),
   * os.getenv("X"); add one for code that reads through a parameter (e.g. "\\benv\\.([A-Z][A-Z0-9_]*)").
   */
  readPatterns: z.array(regexSource).default([
    '\\bprocess\\.env\\.([A-Za-z_][A-Za-z0-9_]*)',
    '\\bprocess\\.env\\[\\s*[\'"`]([A-Za-z_][A-Za-z0-9_]*)[\'"`]\\s*\\]',
    '\\bimport\\.meta\\.env\\.([A-Za-z_][A-Za-z0-9_]*)',
    '\\bos\\.environ\\[\\s*[\'"]([A-Za-z_][A-Za-z0-9_]*)[\'"]\\s*\\]',
    '\\bos\\.environ\\.get\\(\\s*[\'"]([A-Za-z_][A-Za-z0-9_]*)[\'"]',
    '\\bos\\.getenv\\(\\s*[\'"]([A-Za-z_][A-Za-z0-9_]*)[\'"]',
  ]),
  /** More read patterns, added to `readPatterns` (so the defaults stay). */
  extraReadPatterns: z.array(regexSource).default([]),
  /** Variables set by the platform, never documented (names or globs: `GITHUB_*`); the defaults are PLATFORM_VARIABLES. */
  ignore: z.array(z.string().min(1)).default(PLATFORM_VARIABLES),
  /** More variables to ignore, added to `ignore` (so the defaults stay). */
  extraIgnore: z.array(z.string().min(1)).default([]),
  /** A documented variable that no code reads: 'warn' (default), 'error' or 'off'. */
  unusedLevel: z.enum(['error', 'warn', 'off']).default('warn'),
});

const forbiddenTerm = z.strictObject({
  term: z.string().min(1),
  /** true: "AI" matches only "AI" (brand words are case-specific). */
  caseSensitive: z.boolean().default(true),
  /** true: a term inside a longer word (e.g. "PaiiD") is not a hit. */
  wholeWord: z.boolean().default(true),
  /** What to say instead. */
  message: z.string().optional(),
});

const branding = z.strictObject({
  forbiddenTerms: z.array(forbiddenTerm).default([]),
  /** User-facing source: pages, components, templates, static text. */
  files: globs.default(['**/*.{html,htm,jsx,tsx,vue,svelte,md,mdx}', '**/pages/**', '**/components/**', '**/public/**']),
  /** Files where a term may appear (glob), optionally only some terms. */
  exceptions: z.array(z.strictObject({ files: z.string().min(1), terms: z.array(z.string()).optional() })).default([]),
  /** The logo asset that must exist (relative to the repository). */
  logo: z.string().min(1).optional(),
});

const scripts = z.strictObject({
  files: globs.default(['*.py', '*.ps1', '*.bat', '*.cmd', '*.sh']),
  /** Non-ASCII letters allowed (emoji never are). */
  allowNonAscii: z.boolean().default(false),
});

const generated = z.strictObject({
  /** OpenAPI documents whose TypeScript types (openapi-typescript) are committed. */
  openapi: z.array(z.strictObject({ document: z.string().min(1), output: z.string().min(1) })).default([]),
  /** Other generators: the command prints the file's expected content on stdout (run in the repository). */
  commands: z.array(z.strictObject({ command: z.string().min(1), output: z.string().min(1), timeoutMs: positiveMs.default(60_000) })).default([]),
});

const dependencies = z.strictObject({
  /** package.json files checked against their lockfile. */
  manifests: globs.default(['package.json']),
  /** `npm audit --json`: the lowest advisory severity that fails the check. */
  auditLevel: z.enum(['low', 'moderate', 'high', 'critical', 'off']).default('high'),
  auditTimeoutMs: positiveMs.default(30_000),
});

const designDna = z.strictObject({
  /** Allowed colours (#hex); or read them from `paletteFile`. */
  palette: z.array(z.string().regex(/^#[0-9a-fA-F]{3,8}$/, 'must be a #hex colour')).default([]),
  /** A JSON file in the repository whose "#hex" strings are the palette (e.g. design-tokens.json). */
  paletteFile: z.string().min(1).optional(),
  files: globs.default(['**/*.{css,scss,sass,less,tsx,jsx}']),
  /** Selectors (CSS rules) that must carry backdrop-filter. */
  glassSelectors: z.array(z.string().min(1)).default([]),
  /** 'error' fails the check on a finding; 'warn' only triages. */
  level: z.enum(['error', 'warn']).default('error'),
});

const command = z.strictObject({
  name: z.string().min(1),
  /** Run with the shell, in the repository. */
  command: z.string().min(1),
  timeoutMs: positiveMs.default(120_000),
  severity: severitySchema.default('high'),
});

/** A migration status command for a tool without a preset. */
const migrationCommand = z.strictObject({
  name: z.string().min(1),
  /** Run with the shell: exit 0 when the schema is up to date, non-zero when migrations are pending. */
  command: z.string().min(1),
  /** Folder to run in, relative to the repository. */
  cwd: z.string().min(1).default('.'),
  /** For tools that exit 0 either way: a regular expression whose match in the output means "pending". */
  pendingPattern: regexSource.optional(),
  timeoutMs: positiveMs.optional(),
});

export const MIGRATION_TOOLS = ['alembic', 'django', 'prisma', 'knex'] as const;

const migrations = z.strictObject({
  /** Recognise Alembic (alembic.ini), Django (manage.py), Prisma (schema.prisma) and Knex (knexfile.*) projects. */
  detect: z.boolean().default(true),
  /** Presets never run even when recognised. */
  skip: z.array(z.enum(MIGRATION_TOOLS)).default([]),
  /** The interpreter of the Alembic and Django presets (a virtualenv's python, for instance). */
  python: z.string().min(1).default('python3'),
  /** Each command's time limit: a database that does not answer must not hang the gate. */
  timeoutMs: positiveMs.default(60_000),
  commands: z.array(migrationCommand).default([]),
});

/** Repository audit (tests/audit). */
export const auditSection = withDefaults(z.strictObject({
  /** Repository to audit, relative to the config file. `TARGET_REPO` overrides. */
  repository: z.string().min(1).default('.'),
  /** Files larger than this are skipped and counted. */
  maxFileBytes: z.number().int().positive().default(1_000_000),
  /** Globs never scanned. */
  exclude: globs.default([]),
  secrets: withDefaults(secrets),
  syntax: withDefaults(syntax),
  ports: withDefaults(ports),
  deprecated: z.array(deprecatedRule).default(DEFAULT_DEPRECATED.map((rule) => deprecatedRule.parse(rule))),
  corsAuth: withDefaults(corsAuth),
  env: withDefaults(envAudit),
  branding: withDefaults(branding),
  scripts: withDefaults(scripts),
  generated: withDefaults(generated),
  dependencies: withDefaults(dependencies),
  designDna: withDefaults(designDna),
  commands: z.array(command).default([]),
  /** Migrations up to date: the tools' own status checks (they read DATABASE_URL and the like from the environment). */
  migrations: withDefaults(migrations),
}));

export type AuditConfig = z.output<typeof auditSection>;
