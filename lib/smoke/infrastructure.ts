/**
 * Infrastructure targets from their connection URLs (DATABASE_URL, REDIS_URL, DOCKER_HOST).
 * A target is described by kind, host and port only: the URL may hold a password and is never
 * put into a message.
 */
export type ServiceKind = 'postgres' | 'redis' | 'docker';

export type InfraTarget =
  | { kind: 'postgres' | 'redis'; host: string; port: number; tls: boolean }
  | { kind: 'docker'; socketPath: string }
  | { kind: 'docker'; host: string; port: number; tls: boolean };

export type ParsedTarget = { ok: true; target: InfraTarget } | { ok: false; problem: string };

const DEFAULT_PORTS: Record<ServiceKind, number> = { postgres: 5432, redis: 6379, docker: 2375 };
const SCHEMES: Record<ServiceKind, string[]> = {
  postgres: ['postgres:', 'postgresql:'],
  redis: ['redis:', 'rediss:'],
  docker: ['unix:', 'tcp:', 'http:', 'https:'],
};

function portOf(url: URL, kind: ServiceKind, tls: boolean): number {
  if (url.port) return Number(url.port);
  return kind === 'docker' && tls ? 2376 : DEFAULT_PORTS[kind];
}

/** Parses a service URL; a bad one gives a problem that names the variable and scheme, not the value. */
export function parseInfraUrl(kind: ServiceKind, value: string, variable: string): ParsedTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: `${variable} is not a valid URL (expected ${SCHEMES[kind].map((s) => `${s}//`).join(' or ')}...)` };
  }
  if (!SCHEMES[kind].includes(url.protocol)) {
    return { ok: false, problem: `${variable} has scheme "${url.protocol}", expected ${SCHEMES[kind].join(' or ')}` };
  }
  if (kind === 'docker' && url.protocol === 'unix:') {
    const socketPath = decodeURIComponent(url.pathname);
    if (!socketPath) return { ok: false, problem: `${variable} names no socket path (expected unix:///var/run/docker.sock)` };
    return { ok: true, target: { kind: 'docker', socketPath } };
  }
  const tls = url.protocol === 'rediss:' || url.protocol === 'https:' || (kind === 'postgres' && /^(require|verify-ca|verify-full)$/.test(url.searchParams.get('sslmode') ?? ''));
  // Postgres allows the host in ?host= (a socket folder); keep what is in the authority.
  const host = url.hostname.replace(/^\[|\]$/g, '') || 'localhost';
  return { ok: true, target: { kind, host, port: portOf(url, kind, tls), tls } as InfraTarget };
}

/** "redis at 127.0.0.1:6379", "docker at unix:/var/run/docker.sock". */
export function describeTarget(target: InfraTarget): string {
  if ('socketPath' in target) return `${target.kind} at unix:${target.socketPath}`;
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${target.kind} at ${host}:${target.port}`;
}

/** The probe each kind gets, as used in check names (stable: waivers name them). */
export const PROBE_NAMES: Record<ServiceKind, string> = {
  postgres: 'postgres SELECT 1',
  redis: 'redis PING',
  docker: 'docker GET /_ping',
};

/** A probe failure with host, port and the cause, and a hint for the usual causes. */
export function describeProbeFailure(target: InfraTarget, cause: string): string {
  const hint = /ECONNREFUSED/.test(cause)
    ? 'nothing listens there: is the service running?'
    : /timed? ?out|ETIMEDOUT/i.test(cause)
      ? 'no answer within the timeout: a firewall, or the service is overloaded'
      : /ENOTFOUND|EAI_AGAIN/.test(cause)
        ? 'the host name does not resolve'
        : /ENOENT/.test(cause)
          ? 'the socket file does not exist'
          : /password|authentication|NOAUTH|WRONGPASS/i.test(cause)
            ? 'the credentials were refused'
            : 'check the service and its URL';
  return `${describeTarget(target)} is down: ${cause} (${hint})`;
}
