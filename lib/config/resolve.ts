import { createRequire } from 'node:module';
import path from 'node:path';
import { GATE_ORDER } from '../gates.ts';
import { effectivePolicy, type RiskPolicy } from '../risk/policy.ts';
import { severityKeyProblems } from '../risk/severity.ts';
import { screenNameClashes, targetFolderName } from '../visual/names.ts';
import { ConfigError, formatConfigIssues } from './errors.ts';
import { validationConfigSchema, type ValidationConfig } from './schema.ts';

export type TargetEnvironment = 'local' | 'staging' | 'production';

/** The config with the environment applied: what every gate reads. */
export interface ResolvedConfig extends ValidationConfig {
  meta: {
    file: string;
    dir: string;
    environment: TargetEnvironment;
    baseUrl: string;
    apiUrl: string;
    /** Absolute path of the repository the audit gate reads. */
    repository: string;
    /** Absolute folder of this target's screenshot baselines and their manifest. */
    baselineDir: string;
    /** True when the suite starts the target itself (no BASE_URL, local). */
    startsTarget: boolean;
    dryRun: boolean;
    /** The severity policy in force (config `policy`, RISK_POLICY=merge|commit applied). */
    policy: RiskPolicy;
    /** The target's id in a workspace run (`<target>/<gate>` projects); absent in a single-target run. */
    target?: string;
  };
}

type Env = Record<string, string | undefined>;

/** Validates a raw config object and applies the environment. Pure: no I/O. */
export function resolveConfig(raw: unknown, file: string, env: Env): ResolvedConfig {
  const parsed = validationConfigSchema.safeParse(raw);
  const problems: string[] = parsed.success ? [] : formatConfigIssues(parsed.error.issues, raw);
  if (!parsed.success) throw new ConfigError(file, problems);
  const config = parsed.data;
  const dir = path.dirname(file);

  const environment = (env.TARGET_ENV || 'local') as TargetEnvironment;
  if (!['local', 'staging', 'production'].includes(environment)) {
    problems.push(`TARGET_ENV must be one of "local", "staging", "production", got ${JSON.stringify(env.TARGET_ENV)}`);
  }
  let baseUrl = config.target.baseUrl;
  let apiUrl = config.target.apiUrl ?? config.target.baseUrl;
  if (environment !== 'local') {
    const urls = config.target.environments[environment as 'staging' | 'production'];
    if (!urls && !env.BASE_URL) {
      problems.push(`target.environments.${environment} must give the URLs for TARGET_ENV=${environment} (or set BASE_URL), got nothing`);
    } else if (urls) {
      baseUrl = urls.baseUrl;
      apiUrl = urls.apiUrl ?? urls.baseUrl;
    }
  }
  if (env.BASE_URL) {
    if (!isUrl(env.BASE_URL)) problems.push(`BASE_URL must be an absolute http(s) URL, got ${JSON.stringify(env.BASE_URL)}`);
    baseUrl = env.BASE_URL;
    apiUrl = env.BASE_URL;
  }
  if (env.API_URL) {
    if (!isUrl(env.API_URL)) problems.push(`API_URL must be an absolute http(s) URL, got ${JSON.stringify(env.API_URL)}`);
    apiUrl = env.API_URL;
  }

  const thresholds = { ...config.thresholds };
  for (const [variable, key, integer] of [
    ['RISK_TARGET', 'riskTarget', false],
    ['RISK_CRITICAL', 'riskCritical', false],
    ['MAX_WARNINGS', 'maxWarnings', true],
    ['MIN_OPERATIONS', 'minOperations', true],
  ] as const) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0 || (integer && !Number.isInteger(number))) {
      problems.push(`${variable} must be a ${integer ? 'non-negative integer' : 'non-negative number'}, got ${JSON.stringify(value)}`);
    } else {
      thresholds[key] = number;
    }
  }

  let report = config.report;
  const steps = env.STEPS_PER_TEST;
  if (steps !== undefined && steps !== '') {
    if (steps === 'all') report = { ...report, passedStepsPerTest: 'all' };
    else if (/^\d+$/.test(steps)) report = { ...report, passedStepsPerTest: Number(steps) };
    else problems.push(`STEPS_PER_TEST must be a non-negative integer or "all", got ${JSON.stringify(steps)}`);
  }

  problems.push(...screenNameClashes(config.routes, config.browser.viewports));
  const policyName = env.RISK_POLICY || 'merge';
  if (policyName !== 'merge' && policyName !== 'commit') problems.push(`RISK_POLICY must be "merge" or "commit", got ${JSON.stringify(env.RISK_POLICY)}`);
  problems.push(...severityKeyProblems(Object.keys(config.severity), axeRuleIds));
  problems.push(...gateNameProblems(config));
  problems.push(...sessionProblems(config, env));

  if (problems.length > 0) throw new ConfigError(file, problems);
  const repository = path.resolve(env.TARGET_REPO ? process.cwd() : dir, env.TARGET_REPO || config.audit.repository);
  return {
    ...config,
    thresholds,
    report,
    meta: {
      file,
      dir,
      environment,
      baseUrl: stripSlash(baseUrl),
      apiUrl: stripSlash(apiUrl),
      repository,
      baselineDir: path.resolve(dir, config.visual.baselineDir ?? path.join('baselines', targetFolderName(config.target.name))),
      startsTarget: !env.BASE_URL && environment === 'local' && config.target.webServer !== undefined,
      dryRun: env.DRY_RUN === '1' || env.DRY_RUN === 'true',
      policy: effectivePolicy(config.policy, policyName),
    },
  };
}

/** axe-core's rule ids, for `severity["a11y/axe/<rule>"]`: loaded only when such a key is set. */
function axeRuleIds(): string[] {
  const axe = createRequire(import.meta.url)('axe-core') as { getRules(): { ruleId: string }[] };
  return axe.getRules().map((rule) => rule.ruleId);
}

/** Keys and values that name a gate must name a real one: a typo would silently configure nothing. */
function gateNameProblems(config: ValidationConfig): string[] {
  const problems: string[] = [];
  const known = new Set(GATE_ORDER);
  const check = (where: string, name: string) => {
    if (!known.has(name)) problems.push(`${where} names the gate ${JSON.stringify(name)}, which does not exist; the gates are ${GATE_ORDER.join(', ')}`);
  };
  for (const gate of Object.keys(config.extraSpecs)) check(`extraSpecs.${gate}`, gate);
  for (const gate of Object.keys(config.timeouts.gateTestMs)) check(`timeouts.gateTestMs.${gate}`, gate);
  config.maintenanceWindows.forEach((window, i) => window.gates.forEach((gate, j) => check(`maintenanceWindows[${i}].gates[${j}]`, gate)));
  config.waivers.forEach((waiver, i) => {
    // A waiver names `gate/task[#check]`, a glob: its first segment, when literal, must be a gate.
    const first = waiver.check.split('/')[0] ?? '';
    if (/^[a-z0-9-]+$/.test(first) && waiver.check.includes('/')) check(`waivers[${i}].check`, first);
  });
  return problems;
}

/** Routes behind a login need a way to log in; a token placed in the browser needs a source. */
function sessionProblems(config: ValidationConfig, env: Env): string[] {
  const problems: string[] = [];
  const session = config.browser.session;
  config.routes.forEach((route, i) => {
    if (route.requiresAuth && !session) problems.push(`routes[${i}].requiresAuth needs browser.session (login steps through the pages, or a token placed in the browser): without one ${route.path} would be visited logged out`);
  });
  session?.place.forEach((placement, i) => {
    if (placement.value.includes('${token}') && !config.auth?.login && !env.API_TOKEN) {
      problems.push(`browser.session.place[${i}].value uses \${token}, the API login's token: configure auth.login or set API_TOKEN`);
    }
  });
  return problems;
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
