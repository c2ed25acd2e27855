import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { handleApi } from './api/router.ts';
import { loadConfig, type DemoConfig, type DemoEnv } from './config.ts';
import { createContext, hasFault, type DemoContext } from './context.ts';
import { parseFaults } from './faults.ts';
import { sendError, sendJson } from './http.ts';
import { handlePage } from './pages/router.ts';
import { baseHeaders } from './securityHeaders.ts';

export interface StartOptions {
  port?: number;
  host?: string;
  /** Fault names, as a list or as DEMO_FAULTS would spell them ("a,b"). */
  faults?: Iterable<string> | string;
  /** Overrides for any other setting; the rest comes from the environment. */
  config?: Partial<DemoConfig>;
  env?: DemoEnv;
}

export interface RunningDemo {
  url: string;
  close: () => Promise<void>;
}

function resolveFaults(option: StartOptions['faults'], env: DemoEnv): Set<string> {
  if (option === undefined) return parseFaults(env.DEMO_FAULTS);
  return parseFaults(typeof option === 'string' ? option : [...option].join(','));
}

async function dispatch(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
  for (const [name, value] of Object.entries(baseHeaders(ctx, isApi))) res.setHeader(name, value);
  if (isApi) return handleApi(ctx, req, res, url);
  return handlePage(ctx, req, res, url);
}

/** Starts the sample target; port 0 picks a free port. */
export async function startDemoServer(options: StartOptions = {}): Promise<RunningDemo> {
  const env = options.env ?? process.env;
  const config: DemoConfig = { ...loadConfig(env), ...options.config };
  if (options.port !== undefined) config.port = options.port;
  if (options.host !== undefined) config.host = options.host;
  const faults = resolveFaults(options.faults, env);

  let inFlight = 0;
  const sockets = new Set<Socket>();
  // Requests are answered in microseconds, so a burst rarely overlaps; open client connections
  // show the load a burst or a load generator puts on the service.
  const ctx = createContext(config, faults, () => Math.max(inFlight, sockets.size));
  const server = createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    dispatch(ctx, req, res).catch((error: unknown) => {
      console.error('PaiiD demo: unhandled error for', req.method, req.url, error);
      // The stack-trace-500 fault answers as a framework's development error handler does.
      if (!res.headersSent && hasFault(ctx, 'stack-trace-500')) sendJson(res, 500, { error: 'internal_error', message: String(error), stack: error instanceof Error ? error.stack : undefined });
      else if (!res.headersSent) sendError(res, 500, 'internal_error', 'Unexpected server error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const displayHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${displayHost}:${port}`;
  ctx.selfOrigins.add(url);
  if (config.host === '127.0.0.1' || config.host === 'localhost') {
    ctx.selfOrigins.add(`http://127.0.0.1:${port}`);
    ctx.selfOrigins.add(`http://localhost:${port}`);
  }

  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const demo = await startDemoServer();
  const active = parseFaults(process.env.DEMO_FAULTS);
  console.log(`PaiiD demo listening on ${demo.url}`);
  if (active.size > 0) console.log(`Faults switched on: ${[...active].join(', ')}`);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`PaiiD demo: ${signal} received, shutting down`);
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    // A configuration mistake (bad port, unknown fault) is a user error: one line, no stack.
    console.error(`PaiiD demo failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
