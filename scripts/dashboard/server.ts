import { createReadStream, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { timelineSvg, trendSvg } from '../../lib/ops/charts.ts';
import { isInside, resolveLogRequest, SERVABLE_FILE } from '../../lib/ops/safePath.ts';
import { DEFAULT_THRESHOLDS } from '../../lib/ops/view.ts';
import { UserError } from './cli.ts';
import { DASHBOARD_CSS, DASHBOARD_HTML, DASHBOARD_JS, TARGETS_HTML, TARGETS_JS } from './page.ts';
import { fingerprint, loadOverview, loadView, readHistory, workspaceFingerprint, workspaceTargetIds, type LogSource } from './source.ts';

export interface ServerOptions {
  source: LogSource;
  /** A workspace run: every target of `source.reportsDir` side by side under the release verdict. */
  workspace?: boolean;
  port: number;
  host: string;
  activityLines: number;
  /** How often the log's size and mtime are looked at; a change is pushed to every page at once. */
  pollMs: number;
}

const ASSETS: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: DASHBOARD_HTML },
  '/assets/dashboard.js': { type: 'text/javascript; charset=utf-8', body: DASHBOARD_JS },
  '/assets/dashboard.css': { type: 'text/css; charset=utf-8', body: DASHBOARD_CSS },
};
const WORKSPACE_ASSETS: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: TARGETS_HTML },
  '/assets/dashboard.js': { type: 'text/javascript; charset=utf-8', body: TARGETS_JS },
  '/assets/dashboard.css': { type: 'text/css; charset=utf-8', body: DASHBOARD_CSS },
};
/** A target's folder name as the workspace allows target ids. */
const TARGET_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The files the page links to: only those the file route would serve. */
function listReportFiles(reportsDir: string): string[] {
  const root = realpathSync(reportsDir);
  return readdirSync(reportsDir).filter((name) => {
    if (!SERVABLE_FILE.test(name)) return false;
    try {
      return isInside(root, realpathSync(path.join(reportsDir, name)), path.sep);
    } catch {
      return false;
    }
  }).sort();
}

/** Everything a page needs, as one JSON document: the view and the two charts. */
export function dashboardState(options: ServerOptions): unknown {
  try {
    const view = loadView(options.source, new Date(), options.activityLines);
    const history = readHistory(options.source.reportsDir);
    const files = listReportFiles(options.source.reportsDir);
    return {
      ok: true,
      view,
      trendSvg: trendSvg(history, { thresholds: view.state === 'running' ? DEFAULT_THRESHOLDS : view.thresholds }),
      timelineSvg: timelineSvg(view.gates, view.elapsedSeconds),
      files,
      runs: history.length,
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** A workspace run's state: the release verdict and each target's view, trend and report files. */
export function workspaceDashboardState(reportsDir: string): unknown {
  try {
    const overview = loadOverview(reportsDir);
    const gateNames = [...new Set(overview.targets.flatMap((t) => ('view' in t ? t.view.gates.map((g) => g.gate) : [])))];
    return {
      ok: true,
      workspace: true,
      reportsDir,
      release: overview.release ?? null,
      gateNames,
      targets: overview.targets.map((target) => {
        if (!('view' in target)) return { id: target.id, problem: target.problem };
        const { view } = target;
        const dir = path.join(reportsDir, target.id);
        return {
          id: target.id,
          runId: view.runId,
          name: view.target.name,
          environment: view.target.environment,
          state: view.state,
          verdict: view.verdict ?? null,
          tasks: view.tasks,
          completionPercent: view.completionPercent,
          risk: view.risk,
          reasons: view.reasons,
          gates: view.gates.map((g) => ({ gate: g.gate, status: g.status, riskRate: g.riskRate, done: g.tasks.done, planned: g.tasks.planned })),
          trendSvg: trendSvg(readHistory(dir), { thresholds: view.state === 'running' ? DEFAULT_THRESHOLDS : view.thresholds }),
          files: listReportFiles(dir),
        };
      }),
      files: existsSync(reportsDir) ? listReportFiles(reportsDir) : [],
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
  res.end(body);
}

/** `/targets/<id>/logs/<file>`: a file of one target's reports folder, by the same rules as the root's. */
function serveTargetFile(res: ServerResponse, reportsDir: string, rest: string): void {
  const slash = rest.indexOf('/logs/');
  const id = slash > 0 ? rest.slice(0, slash) : '';
  if (!TARGET_ID.test(id) || !workspaceTargetIds(reportsDir).includes(id)) return send(res, 404, 'no such target\n');
  return serveReportFile(res, path.join(reportsDir, id), rest.slice(slash + '/logs/'.length));
}

function serveReportFile(res: ServerResponse, reportsDir: string, raw: string): void {
  const request = resolveLogRequest(raw);
  if (!request.ok) return send(res, request.status, `${request.reason}\n`);
  let real: string;
  let root: string;
  try {
    root = realpathSync(reportsDir);
    real = realpathSync(path.join(reportsDir, request.name));
  } catch {
    return send(res, 404, 'no such report file\n');
  }
  // latest.jsonl is a symlink inside the folder: fine. A link that leads out of it is not.
  if (!isInside(root, real, path.sep)) return send(res, 403, 'the file leads out of the reports folder\n');
  if (!statSync(real).isFile()) return send(res, 404, 'not a file\n');
  const type = real.endsWith('.md') ? 'text/markdown; charset=utf-8' : real.endsWith('.json') ? 'application/json' : 'application/x-ndjson';
  res.writeHead(200, { 'content-type': type, ...SECURITY_HEADERS });
  createReadStream(real).pipe(res);
}

export async function startServer(options: ServerOptions): Promise<{ close: () => Promise<void>; url: string }> {
  const clients = new Set<ServerResponse>();
  const loopbackOnly = LOOPBACK.has(options.host);
  let lastPrint = '';
  const state = () => (options.workspace ? workspaceDashboardState(options.source.reportsDir) : dashboardState(options));
  const stampOf = () => (options.workspace ? workspaceFingerprint(options.source.reportsDir) : fingerprint(options.source));

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'only GET\n');
    // A page on another site could reach 127.0.0.1 through DNS rebinding: answer only to our own names.
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (loopbackOnly && !LOOPBACK.has(hostName)) return send(res, 403, 'unexpected Host header\n');
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const asset = (options.workspace ? WORKSPACE_ASSETS : ASSETS)[rawPath];
    if (asset) return send(res, 200, asset.body, asset.type);
    if (rawPath === '/api/state') return send(res, 200, JSON.stringify(state()), 'application/json');
    if (rawPath === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive', ...SECURITY_HEADERS });
      res.write(`retry: 2000\ndata: ${JSON.stringify(state())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return undefined;
    }
    if (rawPath.startsWith('/logs/')) return serveReportFile(res, options.source.reportsDir, rawPath.slice('/logs/'.length));
    if (options.workspace && rawPath.startsWith('/targets/')) return serveTargetFile(res, options.source.reportsDir, rawPath.slice('/targets/'.length));
    return send(res, 404, 'not found\n');
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) send(res, 500, `${(error as Error).message}\n`);
      else res.end();
    }
  });
  let ticks = 0;
  const poll = setInterval(() => {
    if (clients.size === 0) return;
    ticks += 1;
    const stamp = stampOf();
    // Push on every change, and every few seconds anyway so elapsed time and ETA keep moving.
    if (stamp === lastPrint && ticks * options.pollMs < 5_000) return;
    lastPrint = stamp;
    ticks = 0;
    const frame = `data: ${JSON.stringify(state())}\n\n`;
    for (const client of clients) client.write(frame);
  }, options.pollMs);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new UserError(`port ${options.port} is in use on ${options.host}: pick another with --port`) : error));
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shown}:${port}/`;
  if (!loopbackOnly) console.warn(`WARNING: listening on ${options.host}: anyone who can reach this address can read the execution logs and reports.`);
  console.log(`Dashboard: ${url} (${options.workspace ? `every target in ${options.source.reportsDir}` : `log ${options.source.logPath}`}; Ctrl-C to stop)`);

  const close = () => new Promise<void>((resolve) => {
    clearInterval(poll);
    for (const client of clients) client.end();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  return { close, url };
}
