import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCiPlan } from '../lib/ci/plan.ts';
import { PACKAGE_COMMANDS, WORKFLOW_FILE, workflowYaml } from '../lib/ci/workflow.ts';
import { CONFIG_FILE_NAMES } from '../lib/config/files.ts';
import { GATES } from '../lib/gates.ts';
import { mergeEnvExample, missingIgnoreLines, renderEnvExample, renderJsonConfig, renderPlaywrightConfig, renderTsConfig, renderYamlConfig, type Discovery } from '../lib/init/render.ts';
import { positiveNumber, runCli, UserError } from './dashboard/cli.ts';
import { discover } from './init/discover.ts';

const USAGE = `Usage: meta-orchestrator init --url <base URL> [options]
  --url <URL>          the running application (its pages; the API too unless the OpenAPI document says otherwise)
  --openapi <source>   the OpenAPI document, a URL or a file: endpoints, health, readiness, security scheme
  --api-url <URL>      where the API answers, when not at the document's server or the site
  --sitemap <URL>      the sitemap to read (default: robots.txt's Sitemap lines, else /sitemap.xml, else a crawl)
  --repo <dir>         the repository the audit gate reads (default: .)
  --name <name>        the application's name in reports (default: the OpenAPI title, else the host)
  --format ts|json|yaml  validation.config.ts (default), .json or .yaml
  --ci                 also write ${WORKFLOW_FILE}
  --dir <dir>          where to write (default: .)
  --max-pages N, --max-depth N, --max-routes N   crawl and route bounds (defaults 50, 3, 20)
  --timeout N          ms per request (default 10000)
  --force              overwrite files that exist
Writes validation.config.*, playwright.config.ts, .env.example and .gitignore lines; never a secret.`;

interface Planned {
  file: string;
  text: string;
}

await runCli('init', async () => {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      openapi: { type: 'string' },
      'api-url': { type: 'string' },
      sitemap: { type: 'string' },
      repo: { type: 'string', default: '.' },
      name: { type: 'string' },
      format: { type: 'string', default: 'ts' },
      ci: { type: 'boolean', default: false },
      dir: { type: 'string', default: '.' },
      'max-pages': { type: 'string' },
      'max-depth': { type: 'string' },
      'max-routes': { type: 'string' },
      timeout: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.url) throw new UserError('--url is required: the base URL of the running application (see --help)');
  const format = values.format;
  if (format !== 'ts' && format !== 'json' && format !== 'yaml') throw new UserError(`--format must be ts, json or yaml, got ${JSON.stringify(format)}`);
  const dir = path.resolve(values.dir);
  if (values.repo !== '.' && !existsSync(path.resolve(values.repo))) throw new UserError(`--repo ${values.repo} does not exist`);
  const whole = (flag: string, value: string | undefined, fallback: number) => Math.round(positiveNumber(flag, value, fallback));

  // Nothing is overwritten without --force, and nothing is written before every file is known to be free.
  const configName = `validation.config.${format}`;
  const taken = [...CONFIG_FILE_NAMES, 'playwright.config.ts', ...(values.ci ? [WORKFLOW_FILE] : [])].filter((name) => existsSync(path.join(dir, name)));
  if (taken.length > 0 && !values.force) throw new UserError(`will not overwrite ${taken.join(', ')} in ${path.relative(process.cwd(), dir) || '.'}: move them away or run again with --force`);

  const { discovery, notes } = await discover({
    url: values.url, openapi: values.openapi, apiUrl: values['api-url'], sitemap: values.sitemap, repo: values.repo, dir, name: values.name,
    maxPages: whole('max-pages', values['max-pages'], 50), maxDepth: whole('max-depth', values['max-depth'], 3),
    maxRoutes: whole('max-routes', values['max-routes'], 20), timeoutMs: whole('timeout', values.timeout, 10_000),
  });

  const command = ['meta-orchestrator init', `--url ${values.url}`, ...(values.openapi ? [`--openapi ${values.openapi}`] : [])].join(' ');
  const configText = format === 'ts' ? renderTsConfig(discovery, command) : format === 'json' ? renderJsonConfig(discovery) : renderYamlConfig(discovery, command);
  const files: Planned[] = [
    { file: configName, text: configText },
    { file: 'playwright.config.ts', text: renderPlaywrightConfig() },
    // The repository's own .env.example keeps what it documents; the gates' variables are added to it.
    { file: '.env.example', text: mergeEnvExample(readOrEmpty(path.join(dir, '.env.example')), renderEnvExample(discovery)) },
    ...(values.ci ? [{ file: WORKFLOW_FILE, text: workflowYaml(buildCiPlan(GATES), PACKAGE_COMMANDS) }] : []),
  ];
  mkdirSync(dir, { recursive: true });
  for (const { file, text } of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const gitignore = path.join(dir, '.gitignore');
  const existing = readOrEmpty(gitignore);
  const missing = missingIgnoreLines(existing);
  if (missing.length > 0) writeFileSync(gitignore, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${existing ? '\n' : ''}# meta-orchestrator outputs\n${missing.join('\n')}\n`);

  console.log(report(discovery, notes, [...files.map((f) => f.file), ...(missing.length > 0 ? [`.gitignore (+${missing.length} lines)`] : [])]));
  return 0;
});

function readOrEmpty(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** What was found and written, and what is left to do. */
function report(d: Discovery, notes: string[], written: string[]): string {
  const api = d.api;
  const lines = [`Found on ${d.baseUrl}:`, `  routes      ${d.routes.length}: ${d.routes.slice(0, 8).map((r) => r.path).join(' ')}${d.routes.length > 8 ? ' ...' : ''}`, `              ${d.routeSource}`];
  if (api) {
    lines.push(`  api         ${api.title ?? 'OpenAPI document'}: ${api.operations} operations (${d.openapi})`);
    lines.push(`  endpoints   ${api.endpoints.length} for data-flows${api.endpoints.length > 0 ? `: ${api.endpoints.slice(0, 4).map((e) => e.path).join(' ')}${api.endpoints.length > 4 ? ' ...' : ''}` : ''}`);
    lines.push(`  health      ${api.health ?? 'none found'}   readiness ${api.readiness ?? 'none found'}`);
    lines.push(`  auth        ${api.auth.kind === 'none' ? 'no security scheme' : `${api.auth.kind} ("${api.auth.scheme}", ${api.auth.header}${api.auth.prefix ? ` ${api.auth.prefix}` : ''})${api.auth.login ? `, login ${api.auth.login.method} ${api.auth.login.path}` : ''}`}`);
  } else {
    lines.push('  api         no OpenAPI document given (--openapi): the data-flows and contracts gates have nothing to call');
  }
  lines.push(`  audit       ${d.repository}`);
  for (const note of notes) lines.push(`  note        ${note}`);
  lines.push(`Wrote ${written.join(', ')}.`);
  lines.push('Next: copy .env.example to .env and fill in the credentials, review the config\'s comments, then run');
  lines.push('  npx meta-orchestrator test        (or npx playwright test --project=full)');
  if (api?.auth.note) lines.push(`Auth: ${api.auth.note}.`);
  return lines.join('\n');
}
