import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A small misbehaving target for the hostile matrix: one HTTP server per behaviour, each on its own
 * loopback port, where every path misbehaves the same way (so a base URL is enough to point any
 * gate at it, pages included). Every loop is bounded in count and in time, and close() ends every
 * held connection at once: a broken case can never outlive its run.
 */
export const BEHAVIOURS = [
  'reset', // headers and half a body, then a TCP reset
  'hang', // accepts the connection, never answers
  'drip', // 200 and a JSON body at one byte a second
  'huge', // a 10 MB JSON body of the wrong shape
  'html-error', // a proxy's 502 HTML page where JSON was promised (echoing the request, as such pages do)
  'invalid-json', // application/json that does not parse
  'redirect-loop', // 302 to itself, forever
  'wrong-type', // JSON of the right shape served as text/plain
  'error-500', // 500 on every route (echoing the request body)
  'never-loads', // an HTML page whose document never finishes
  'popups', // a page that opens alerts and a confirm, then navigates away on its own
] as const;

export type Behaviour = (typeof BEHAVIOURS)[number];

export interface HostileLimits {
  /** Longest any connection is held open (hang, drip, never-loads), ms. */
  holdMs: number;
  /** Most bytes a drip sends before it ends the response. */
  dripBytes: number;
  /** Size of the huge body, bytes. */
  hugeBytes: number;
}

export const DEFAULT_LIMITS: HostileLimits = { holdMs: 60_000, dripBytes: 60, hugeBytes: 10 * 1024 * 1024 };

/** What a healthy API of this shape answers: used where only the transport or framing is wrong. */
const HEALTHY_BODY = JSON.stringify({ status: 'ok', components: { marketData: { status: 'healthy' } } });
/** Echoed request bodies are cut here: enough to carry a password, bounded. */
const ECHO_BYTES = 2_048;

export interface HostileServer {
  /** Base URL of the port serving one behaviour, e.g. http://127.0.0.1:41234. */
  url(behaviour: Behaviour): string;
  /** Requests seen per behaviour (a case can prove the gate reached the server). */
  hits: Record<Behaviour, number>;
  close(): Promise<void>;
}

export async function startHostileServer(limits: Partial<HostileLimits> = {}): Promise<HostileServer> {
  const bounds = { ...DEFAULT_LIMITS, ...limits };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const hits = Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => { timers.delete(timer); fn(); }, ms);
    timers.add(timer);
  };
  const servers = new Map<Behaviour, { server: http.Server; port: number }>();
  for (const behaviour of BEHAVIOURS) {
    const server = http.createServer((request, response) => {
      hits[behaviour] += 1;
      readBody(request, (body) => serve(behaviour, request, response, body, bounds, later));
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // Whatever a behaviour does, no connection outlives holdMs.
      socket.setTimeout(bounds.holdMs, () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.set(behaviour, { server, port: (server.address() as AddressInfo).port });
  }
  return {
    url: (behaviour) => `http://127.0.0.1:${servers.get(behaviour)!.port}`,
    hits,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await Promise.all([...servers.values()].map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

function readBody(request: http.IncomingMessage, done: (body: string) => void): void {
  let body = '';
  request.on('data', (chunk: Buffer) => { if (body.length < ECHO_BYTES) body += chunk.toString('utf8'); });
  request.on('end', () => done(body.slice(0, ECHO_BYTES)));
  request.on('error', () => done(body));
}

type Later = (ms: number, fn: () => void) => void;

function serve(behaviour: Behaviour, request: http.IncomingMessage, response: http.ServerResponse, body: string, limits: HostileLimits, later: Later): void {
  const path = request.url ?? '/';
  switch (behaviour) {
    case 'reset': {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
      response.write('{"status":"ok","components":{"marketData":');
      later(50, () => response.socket?.resetAndDestroy());
      return;
    }
    case 'hang':
      return; // held until the client gives up, holdMs passes, or the server closes
    case 'drip': {
      response.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const drip = () => {
        if (response.destroyed || response.writableEnded) return;
        if (sent >= limits.dripBytes) { response.end('"}'); return; }
        response.write(sent === 0 ? '{"d":"' : 'x');
        sent += 1;
        later(1_000, drip);
      };
      drip();
      return;
    }
    case 'huge': {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(limits.hugeBytes) });
      const opening = '{"padding":"';
      const chunk = 'x'.repeat(64 * 1024);
      let remaining = limits.hugeBytes - opening.length - 2;
      response.write(opening);
      // Bounded: hugeBytes / 64 KB writes, each waiting for the socket to drain.
      const pump = () => {
        while (remaining > 0) {
          const piece = chunk.slice(0, Math.min(chunk.length, remaining));
          remaining -= piece.length;
          if (!response.write(piece)) { response.once('drain', pump); return; }
        }
        response.end('"}');
      };
      pump();
      return;
    }
    case 'html-error':
      response.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center><!-- upstream request to ${escapeHtml(path)}: ${escapeHtml(body)} --></body></html>`);
      return;
    case 'invalid-json':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"ok","components":{"marketData":{"status":"healthy"},');
      return;
    case 'redirect-loop':
      response.writeHead(302, { location: path, 'content-type': 'text/plain' });
      response.end(`see ${path}`);
      return;
    case 'wrong-type':
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(HEALTHY_BODY);
      return;
    case 'error-500':
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'internal server error', path, request: body }));
      return;
    case 'never-loads':
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // The document never ends: no load event, ever (until holdMs ends the connection).
      response.write('<!DOCTYPE html><html><head><title>loading</title></head><body><h1>Loading');
      return;
    case 'popups':
      if (path.startsWith('/elsewhere')) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<!DOCTYPE html><html lang="en"><head><title>elsewhere</title></head><body><h1>You were moved</h1></body></html>');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!DOCTYPE html><html lang="en"><head><title>popups</title></head><body><h1>Popups</h1><script>
alert('Welcome'); confirm('Stay on this page?'); window.open('/elsewhere/popup');
setTimeout(() => { location.href = '/elsewhere/moved'; }, 300);
</script></body></html>`);
      return;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}
