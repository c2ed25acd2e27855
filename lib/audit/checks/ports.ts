import type { Finding } from '../findings.ts';
import { forEachLine } from '../findings.ts';
import { pathEndsWith, scalarEntries } from '../yamlWalk.ts';

export interface PortService {
  name: string;
  env: string[];
  compose: string[];
  scripts: string[];
  keys: string[];
}

/** One place that gives a service a port. */
export interface PortDeclaration {
  service: string;
  port: number;
  file: string;
  line: number;
  /** What said it: the variable, `ports:` of a compose service, a script, a key path. */
  via: string;
}

function asPort(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(/^["']|["']$/g, '') : '';
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port <= 65535 ? port : undefined;
}

const matchesName = (list: readonly string[], name: string) => list.includes('*') || list.includes(name);

/** KEY=value lines of a .env file whose KEY is a service's port variable. */
export function envPorts(file: string, text: string, services: readonly PortService[]): PortDeclaration[] {
  const out: PortDeclaration[] = [];
  forEachLine(text, (line, lineNumber) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(?:#.*)?$/.exec(line);
    if (!match) return;
    const port = asPort(match[2]);
    if (port === undefined) return;
    for (const service of services) {
      if (service.env.includes(match[1]!)) out.push({ service: service.name, port, file, line: lineNumber, via: match[1]! });
    }
  });
  return out;
}

/**
 * docker-compose: a compose service belongs to a port service when it is named in `compose` or sets
 * one of its variables in `environment:`; then its variables and its container ports are declarations.
 */
export function composePorts(file: string, text: string, services: readonly PortService[]): PortDeclaration[] {
  const entries = scalarEntries(text).filter((entry) => entry.path[0] === 'services' && typeof entry.path[1] === 'string');
  const byComposeService = new Map<string, typeof entries>();
  for (const entry of entries) {
    const name = entry.path[1] as string;
    byComposeService.set(name, [...(byComposeService.get(name) ?? []), entry]);
  }
  const out: PortDeclaration[] = [];
  for (const [composeName, own] of byComposeService) {
    for (const service of services) {
      const environment: PortDeclaration[] = [];
      for (const entry of own) {
        if (entry.path[2] !== 'environment') continue;
        // map form `KEY: value`, list form `- KEY=value`
        const [key, value] = typeof entry.path[3] === 'string' ? [entry.path[3], entry.value] : String(entry.value).split(/=(.*)/s);
        const port = asPort(value);
        if (key !== undefined && service.env.includes(key) && port !== undefined) {
          environment.push({ service: service.name, port, file, line: entry.line, via: `services.${composeName}.environment.${key}` });
        }
      }
      if (!matchesName(service.compose, composeName) && environment.length === 0) continue;
      out.push(...environment);
      for (const entry of own) {
        if (entry.path[2] !== 'ports') continue;
        const port = containerPort(entry.path, entry.value);
        if (port !== undefined) out.push({ service: service.name, port, file, line: entry.line, via: `services.${composeName}.ports` });
      }
    }
  }
  return out;
}

/** The container side of a compose port mapping: "8080:80" -> 80, "127.0.0.1:80:80/tcp" -> 80, {target: 80}. */
function containerPort(path: ReadonlyArray<string | number>, value: unknown): number | undefined {
  if (typeof path[4] === 'string') return path[4] === 'target' ? asPort(value) : undefined;
  const text = String(value).replace(/\/(tcp|udp)$/, '');
  const last = text.split(':').pop() ?? '';
  return last.includes('-') ? undefined : asPort(last);
}

const SCRIPT_PORT = /(?:--port[=\s]+|(?:^|\s)-p\s+)(\d{1,5})\b/g;

/** `--port N` and `VAR=N` in package.json scripts. */
export function scriptPorts(file: string, text: string, services: readonly PortService[]): PortDeclaration[] {
  const out: PortDeclaration[] = [];
  for (const entry of scalarEntries(text)) {
    if (entry.path.length !== 2 || entry.path[0] !== 'scripts' || typeof entry.value !== 'string') continue;
    const script = entry.path[1] as string;
    for (const service of services) {
      if (!matchesName(service.scripts, script)) continue;
      for (const match of entry.value.matchAll(SCRIPT_PORT)) {
        const port = asPort(match[1]);
        if (port !== undefined) out.push({ service: service.name, port, file, line: entry.line, via: `scripts.${script} (--port)` });
      }
      for (const variable of service.env) {
        for (const match of entry.value.matchAll(new RegExp(`(?:^|\\s)${variable}=(\\d{1,5})\\b`, 'g'))) {
          const port = asPort(match[1]);
          if (port !== undefined) out.push({ service: service.name, port, file, line: entry.line, via: `scripts.${script} (${variable})` });
        }
      }
    }
  }
  return out;
}

/** Keys such as `server.port` in JSON/YAML settings files. */
export function configPorts(file: string, text: string, services: readonly PortService[]): PortDeclaration[] {
  const out: PortDeclaration[] = [];
  for (const entry of scalarEntries(text)) {
    const port = asPort(entry.value);
    if (port === undefined) continue;
    for (const service of services) {
      const key = service.keys.find((dotted) => pathEndsWith(entry.path, dotted, true));
      if (key) out.push({ service: service.name, port, file, line: entry.line, via: entry.path.join('.') });
    }
  }
  return out;
}

export interface PortVerdict {
  service: string;
  /** The port most places agree on (ties: the first declaration). */
  port: number | undefined;
  declarations: PortDeclaration[];
  findings: Finding[];
}

/** Every declaration that disagrees with the service's majority port is a finding at its own line. */
export function comparePorts(service: string, declarations: readonly PortDeclaration[]): PortVerdict {
  const counts = new Map<number, number>();
  for (const declaration of declarations) counts.set(declaration.port, (counts.get(declaration.port) ?? 0) + 1);
  let port: number | undefined;
  let best = 0;
  for (const declaration of declarations) {
    const count = counts.get(declaration.port) ?? 0;
    if (count > best) {
      best = count;
      port = declaration.port;
    }
  }
  const agreeing = declarations.filter((declaration) => declaration.port === port).map((d) => `${d.file}:${d.line}`);
  const findings: Finding[] = declarations
    .filter((declaration) => declaration.port !== port)
    .map((declaration) => ({
      file: declaration.file,
      line: declaration.line,
      rule: 'port-consistency',
      message: `${declaration.via} gives service "${service}" port ${declaration.port}, but ${agreeing.join(', ')} give${agreeing.length === 1 ? 's' : ''} ${port}`,
      severity: 'high',
    }));
  return { service, port, declarations: [...declarations], findings };
}
