/**
 * `npm run examples [name...] [-- --update-snapshots=changed]`: the real third-party applications in examples/, each installed
 * (bounded, said plainly when a package is unavailable), started, validated with
 * `--project=full`, and stopped. Prints each verdict and finding, and compares the findings with
 * the ones the example's README explains (examples/<app>/expected-findings.json): a finding nobody
 * explained is either a new defect of the application or a false alarm, and is named.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const INSTALL_MS = 10 * 60_000;
const START_MS = 90_000;
const RUN_MS = 30 * 60_000;

interface Finding {
  check: string;
  severity: string;
  operation: string;
  message: string;
  gate: string;
}

interface Example {
  name: string;
  dir: string;
  /** Installs and lays out what the run needs; returns why it cannot, or undefined. */
  prepare(): string | undefined;
  /** Where the server answers once it is up (nothing may answer there before it starts). */
  readyUrl(): string;
  /** The server, and the environment of the run. */
  start(): { server: ChildProcess; url: string; env: Record<string, string> };
  /** Once the server answers: what the application must hold before it is validated; returns why it cannot, or undefined. */
  seed?(url: string): Promise<string | undefined>;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function run(command: string, args: string[], options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd: options.cwd, timeout: options.timeoutMs, encoding: 'utf8', env: options.env ?? process.env, killSignal: 'SIGKILL' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) return { ok: false, output: `${result.error.message}\n${output}` };
  if (result.signal) return { ok: false, output: `stopped after ${Math.round(options.timeoutMs / 1000)} s (${result.signal})\n${output}` };
  return { ok: result.status === 0, output };
}

function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).map((line) => `    ${line}`).join('\n');
}

/** A folder made a git checkout of its own (the audit reads what git tracks), committed once. */
function commitCheckout(dir: string, message: string): void {
  const git = (...args: string[]) => run('git', ['-c', 'user.name=examples', '-c', 'user.email=examples@example.invalid', ...args], { cwd: dir, timeoutMs: 60_000 });
  if (!existsSync(path.join(dir, '.git'))) git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
}

/** An npm package installed into a folder of its own (bounded); returns why it could not be, or undefined. */
function npmInstall(dir: string, spec: string, manifest: Record<string, unknown>): string | undefined {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ private: true, ...manifest }, null, 2)}\n`);
  log(`  installing ${spec} from npm (at most ${INSTALL_MS / 60_000} min)`);
  const result = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', spec], { cwd: dir, timeoutMs: INSTALL_MS });
  return result.ok ? undefined : `npm install ${spec} failed:\n${lastLines(result.output)}`;
}

const jupyter: Example = {
  name: 'jupyter',
  dir: path.join(root, 'examples', 'jupyter'),
  prepare() {
    const work = path.join(this.dir, '.work');
    if (run('jupyter-notebook', ['--version'], { cwd: root, timeoutMs: 30_000 }).ok === false) {
      if (process.getuid?.() !== 0) return 'jupyter-notebook is not installed: apt-get install -y --no-install-recommends jupyter-notebook python3-ipykernel';
      log('  installing jupyter-notebook and python3-ipykernel (apt-get, at most 10 min)');
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const install = run('apt-get', ['install', '-y', '--no-install-recommends', 'jupyter-notebook', 'python3-ipykernel'], { cwd: root, timeoutMs: INSTALL_MS, env });
      if (!install.ok) {
        run('apt-get', ['update'], { cwd: root, timeoutMs: INSTALL_MS, env });
        const again = run('apt-get', ['install', '-y', '--no-install-recommends', 'jupyter-notebook', 'python3-ipykernel'], { cwd: root, timeoutMs: INSTALL_MS, env });
        if (!again.ok) return `the Debian packages jupyter-notebook and python3-ipykernel could not be installed:\n${lastLines(again.output)}`;
      }
    }
    // The interpreter jupyter-notebook runs on (its shebang), not whichever python3 comes first on PATH.
    const program = run('sh', ['-c', 'command -v jupyter-notebook'], { cwd: root, timeoutMs: 10_000 }).output.trim();
    const shebang = /^#!\s*(\S+)/.exec(existsSync(program) ? readFileSync(program, 'utf8').split('\n')[0] ?? '' : '')?.[1];
    const python = shebang && !shebang.endsWith('/env') ? shebang : 'python3';
    const located = run(python, ['-c', 'import notebook, os; print(os.path.dirname(notebook.__file__)); print(notebook.__version__)'], { cwd: root, timeoutMs: 30_000 });
    if (!located.ok) return `python3 cannot import the notebook package:\n${lastLines(located.output)}`;
    const [packageDir = '', version = ''] = located.output.trim().split('\n');
    // The notebooks it serves: a fresh copy each run, so nothing a run does stays.
    rmSync(path.join(work, 'notebooks'), { recursive: true, force: true });
    mkdirSync(path.join(work, 'notebooks'), { recursive: true });
    cpSync(path.join(this.dir, 'notebooks'), path.join(work, 'notebooks'), { recursive: true });
    // Its source as a checkout: the Python package Debian installs, without what the project's own
    // repository does not track either (bower components, built bundles, compiled catalogues, caches).
    const repo = path.join(work, 'repo');
    const stamp = path.join(work, 'repo.version');
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== packageDir + version) {
      rmSync(repo, { recursive: true, force: true });
      mkdirSync(repo, { recursive: true });
      const copy = run('tar', ['-C', path.dirname(packageDir), '--exclude=__pycache__', '--exclude=notebook/static/components', '--exclude=built', '--exclude=*.min.js', '--exclude=*.min.css', '--exclude=*.mo', '-cf', path.join(work, 'notebook.tar'), path.basename(packageDir)], { cwd: root, timeoutMs: 120_000 });
      if (!copy.ok) return `the notebook package could not be copied:\n${lastLines(copy.output)}`;
      run('tar', ['-xf', path.join(work, 'notebook.tar')], { cwd: repo, timeoutMs: 120_000 });
      rmSync(path.join(work, 'notebook.tar'), { force: true });
      writeFileSync(path.join(repo, '.gitignore'), '__pycache__/\n*.pyc\nnotebook/static/components/\nnotebook/static/*/js/built/\nnotebook/static/*/built/\nnotebook/static/style/*.min.css*\n*.mo\n');
      commitCheckout(repo, `notebook ${version} as installed`);
      writeFileSync(stamp, packageDir + version);
    }
    return undefined;
  },
  start() {
    const token = randomBytes(16).toString('hex');
    const port = new URL(this.readyUrl()).port;
    const server = spawn('jupyter-notebook', [
      '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', '--no-browser', `--NotebookApp.token=${token}`,
      `--notebook-dir=${path.join(this.dir, '.work', 'notebooks')}`, ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
    ], { cwd: path.join(this.dir, '.work'), detached: true, stdio: 'ignore', env: { ...process.env, JUPYTER_RUNTIME_DIR: path.join(this.dir, '.work', 'runtime') } });
    return { server, url: this.readyUrl(), env: { NOTEBOOK_PORT: port, NOTEBOOK_TOKEN: token, API_TOKEN: token } };
  },
  readyUrl() {
    return `http://127.0.0.1:${process.env.NOTEBOOK_PORT ?? '8888'}/login`;
  },
};

const loopbackTodo: Example = {
  name: 'loopback-todo',
  dir: path.join(root, 'examples', 'loopback-todo'),
  prepare() {
    const work = path.join(this.dir, '.work');
    const install = path.join(work, 'install');
    const installed = path.join(install, 'node_modules', '@loopback', 'example-todo');
    if (!existsSync(path.join(installed, 'dist', 'index.js'))) {
      const failed = npmInstall(install, '@loopback/example-todo@6', { name: 'loopback-todo-install' });
      if (failed) return failed;
    }
    // Its source as a checkout: the package's files without its build output, with the lockfile its
    // repository has (the published package carries none).
    const app = path.join(work, 'app');
    const version = (JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string }).version;
    const stamp = path.join(work, 'app.version');
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
      rmSync(app, { recursive: true, force: true });
      cpSync(installed, app, { recursive: true, filter: (source) => !/^(dist|node_modules)([/\\]|$)/.test(path.relative(installed, source)) });
      writeFileSync(path.join(app, '.gitignore'), 'node_modules/\ndist/\n*.tsbuildinfo\n');
      const lock = run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: app, timeoutMs: INSTALL_MS });
      if (!lock.ok) return `the lockfile of the checkout could not be made:\n${lastLines(lock.output)}`;
      commitCheckout(app, `@loopback/example-todo ${version} as published`);
      writeFileSync(stamp, version);
    }
    return undefined;
  },
  start() {
    const port = new URL(this.readyUrl()).port;
    const installed = path.join(this.dir, '.work', 'install', 'node_modules', '@loopback', 'example-todo');
    const server = spawn(process.execPath, ['.'], { cwd: installed, detached: true, stdio: 'ignore', env: { ...process.env, HOST: '127.0.0.1', PORT: port } });
    return { server, url: this.readyUrl(), env: { TODO_PORT: port } };
  },
  readyUrl() {
    return `http://127.0.0.1:${process.env.TODO_PORT ?? '3300'}/openapi.json`;
  },
};

const verdaccio: Example = {
  name: 'verdaccio',
  dir: path.join(root, 'examples', 'verdaccio'),
  prepare() {
    const work = path.join(this.dir, '.work');
    const install = path.join(work, 'install');
    const installed = path.join(install, 'node_modules', 'verdaccio');
    if (!existsSync(path.join(installed, 'package.json'))) {
      // One of its dependencies asks for node-fetch by the dist-tag "cjs", which not every registry
      // mirror carries; 2.7.0 is the release that tag names.
      const failed = npmInstall(install, 'verdaccio@6', { name: 'verdaccio-install', overrides: { 'node-fetch': '2.7.0' } });
      if (failed) return failed;
    }
    // What a team that runs the registry keeps in its repository: the server's config, and a
    // package.json with its lockfile that pins the release. Storage and accounts are fresh each run.
    const deploy = path.join(work, 'deploy');
    const version = (JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string }).version;
    const stamp = path.join(work, 'deploy.version');
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
      rmSync(deploy, { recursive: true, force: true });
      mkdirSync(deploy, { recursive: true });
      cpSync(path.join(this.dir, 'config.yaml'), path.join(deploy, 'config.yaml'));
      const manifest = JSON.parse(readFileSync(path.join(install, 'package.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(path.join(deploy, 'package.json'), `${JSON.stringify({ ...manifest, name: 'team-registry', dependencies: { verdaccio: version } }, null, 2)}\n`);
      const lock = run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: deploy, timeoutMs: INSTALL_MS });
      if (!lock.ok) return `the lockfile of the deployment repository could not be made:\n${lastLines(lock.output)}`;
      writeFileSync(path.join(deploy, '.gitignore'), 'node_modules/\nstorage/\nhtpasswd\n');
      commitCheckout(deploy, `verdaccio ${version} deployment`);
      writeFileSync(stamp, version);
    }
    rmSync(path.join(work, 'storage'), { recursive: true, force: true });
    rmSync(path.join(work, 'htpasswd'), { force: true });
    return undefined;
  },
  start() {
    const port = new URL(this.readyUrl()).port;
    const work = path.join(this.dir, '.work');
    const installed = path.join(work, 'install', 'node_modules', 'verdaccio');
    // The deployment's config, with this run's storage, accounts file and port.
    const config = readFileSync(path.join(this.dir, 'config.yaml'), 'utf8')
      .replace(/^storage: .*$/m, `storage: ${path.join(work, 'storage')}`)
      .replace(/^(\s+file: ).*htpasswd$/m, `$1${path.join(work, 'htpasswd')}`)
      .replace(/^listen: .*$/m, `listen: 127.0.0.1:${port}`);
    writeFileSync(path.join(work, 'config.yaml'), config);
    const bin = path.join(installed, 'bin', 'verdaccio');
    const server = spawn(process.execPath, [bin, '--config', path.join(work, 'config.yaml')], { cwd: work, detached: true, stdio: 'ignore' });
    return { server, url: this.readyUrl(), env: { VERDACCIO_PORT: port } };
  },
  readyUrl() {
    return `http://127.0.0.1:${process.env.VERDACCIO_PORT ?? '4873'}/-/ping`;
  },
  async seed(url) {
    // One account, and one package published with it, so the pages and the API have something to show.
    const registry = new URL('/', url).href;
    const password = randomBytes(12).toString('hex');
    const created = await fetch(new URL('/-/user/org.couchdb.user:examples', registry), {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'examples', password }),
    });
    const token = ((await created.json().catch(() => ({}))) as { token?: string }).token;
    if (!created.ok || !token) return `the registry refused to create an account (HTTP ${created.status})`;
    const pkg = path.join(this.dir, '.work', 'left-pad-lite');
    rmSync(pkg, { recursive: true, force: true });
    cpSync(path.join(this.dir, 'left-pad-lite'), pkg, { recursive: true });
    writeFileSync(path.join(pkg, '.npmrc'), `${registry.replace(/^https?:/, '')}:_authToken=${token}\n`);
    const published = run('npm', ['publish', '--registry', registry], { cwd: pkg, timeoutMs: 120_000 });
    return published.ok ? undefined : `npm publish to the registry failed:\n${lastLines(published.output)}`;
  },
};

const EXAMPLES = [jupyter, loopbackTodo, verdaccio];

async function waitFor(url: string, server: ChildProcess): Promise<string | undefined> {
  const deadline = Date.now() + START_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return `the server exited with ${server.exitCode} before answering`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
      if (response.status < 500) return undefined;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return `${url} did not answer within ${START_MS / 1000} s`;
}

/**
 * Stops the server and every process of its group: SIGTERM, then SIGKILL after 10 s. Waits without
 * blocking the event loop, so the server's exit is reaped and seen (a blocked loop keeps an exited
 * server a zombie, which still answers "alive" to kill(0)).
 */
async function stop(server: ChildProcess): Promise<void> {
  if (server.pid === undefined) return;
  const group = -server.pid;
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && alive()) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!alive()) return;
  try {
    process.kill(group, 'SIGKILL');
  } catch {
    // gone
  }
  while (alive() && Date.now() < deadline + 5_000) await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Something already answering where the example's server is to start: a server left from an earlier run would be validated instead. */
async function answering(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}

/** One line per finding, the same on every run: check and where, not the run's own wording. */
export function findingKey(finding: Pick<Finding, 'check' | 'operation'>): string {
  return `${finding.check} | ${finding.operation}`;
}

interface Outcome {
  name: string;
  verdict?: string;
  problem?: string;
  unexplained: string[];
  gone: string[];
}

async function validate(example: Example): Promise<Outcome> {
  log(`\n== ${example.name}`);
  const unavailable = example.prepare();
  if (unavailable) {
    log(`  skipped: ${unavailable}`);
    return { name: example.name, problem: unavailable, unexplained: [], gone: [] };
  }
  if (await answering(example.readyUrl())) {
    const problem = `something already answers on ${new URL(example.readyUrl()).origin} (a server left from an earlier run?): stop it, or set the example's port variable`;
    log(`  skipped: ${problem}`);
    return { name: example.name, problem, unexplained: [], gone: [] };
  }
  const { server, url, env } = example.start();
  try {
    const notUp = await waitFor(url, server);
    if (notUp) return { name: example.name, problem: notUp, unexplained: [], gone: [] };
    const unseeded = await example.seed?.(url);
    if (unseeded) return { name: example.name, problem: unseeded, unexplained: [], gone: [] };
    const output = path.join(example.dir, '.work', 'output');
    rmSync(path.join(output, 'reports'), { recursive: true, force: true });
    log(`  running --project=full against ${new URL(url).origin}`);
    const started = Date.now();
    // The config names the target: a BASE_URL or API_URL of the calling shell must not redirect it.
    const { BASE_URL: _base, API_URL: _api, ...inherited } = process.env;
    // --update-snapshots=changed remakes the example's baselines after a browser change: look at them before committing.
    const passed = process.argv.slice(2).filter((arg) => arg.startsWith('--update-snapshots'));
    const result = spawnSync('npx', ['playwright', 'test', '--project=full', ...passed], {
      cwd: root, timeout: RUN_MS, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024,
      env: { ...inherited, ...env, VALIDATION_CONFIG: path.join(example.dir, 'validation.config.ts'), OUTPUT_ROOT: output },
    });
    const summaryFile = path.join(output, 'reports', 'executive-summary.json');
    if (!existsSync(summaryFile)) {
      return { name: example.name, problem: `the run wrote no executive summary (exit ${result.status ?? result.signal}):\n${lastLines(`${result.stdout}${result.stderr}`, 15)}`, unexplained: [], gone: [] };
    }
    interface Counts { operations: number; failed: number }
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { result: { verdict: string; riskRate: number; operations: Counts; findings: Finding[]; failures: Finding[]; gates: { gate: string; status: string; operations: Counts }[] } };
    const { result: run } = summary;
    log(`  verdict ${run.verdict}, risk rate ${run.riskRate.toFixed(2)} %, ${run.operations.operations} operations (${run.operations.failed} failed), ${Math.round((Date.now() - started) / 1000)} s`);
    log(`  gates: ${run.gates.map((gate) => `${gate.gate} ${gate.status} (${gate.operations.operations} ops, ${gate.operations.failed} failed)`).join(', ')}`);
    const all = [...run.failures, ...run.findings];
    for (const finding of all) log(`  [${finding.severity}] ${finding.check}: ${finding.operation}`);
    const expectedFile = path.join(example.dir, 'expected-findings.json');
    // "? <key>": a finding the README explains that depends on timing (a transient notification), so it may be absent.
    const listed = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as string[]) : [];
    const optional = listed.filter((key) => key.startsWith('? ')).map((key) => key.slice(2));
    const expected = listed.filter((key) => !key.startsWith('? '));
    const seen = [...new Set(all.map(findingKey))].sort();
    if (process.argv.includes('--write-expected')) {
      const written = [...seen.filter((key) => !optional.includes(key)), ...optional.map((key) => `? ${key}`)];
      writeFileSync(expectedFile, `${JSON.stringify(written, null, 2)}\n`);
    }
    const unexplained = seen.filter((key) => !expected.includes(key) && !optional.includes(key));
    const gone = expected.filter((key) => !seen.includes(key));
    return { name: example.name, verdict: run.verdict, unexplained, gone };
  } finally {
    await stop(server);
  }
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const chosen = names.length === 0 ? EXAMPLES : EXAMPLES.filter((example) => names.includes(example.name));
  if (chosen.length === 0) {
    log(`No example named ${names.join(', ')}: ${EXAMPLES.map((example) => example.name).join(', ')}`);
    process.exit(2);
  }
  const outcomes: Outcome[] = [];
  for (const example of chosen) outcomes.push(await validate(example));
  log('\n== examples');
  let exit = 0;
  for (const outcome of outcomes) {
    if (outcome.problem) {
      log(`  ${outcome.name}: not run: ${outcome.problem.split('\n')[0]}`);
      exit = 1;
      continue;
    }
    const drift = outcome.unexplained.length + outcome.gone.length;
    log(`  ${outcome.name}: ${outcome.verdict}; ${drift === 0 ? 'every finding is one its README explains' : `${outcome.unexplained.length} finding(s) its README does not explain, ${outcome.gone.length} explained one(s) not seen`}`);
    for (const key of outcome.unexplained) log(`    new:  ${key}`);
    for (const key of outcome.gone) log(`    gone: ${key}`);
    if (drift > 0) exit = 1;
  }
  process.exit(exit);
}

await main();
