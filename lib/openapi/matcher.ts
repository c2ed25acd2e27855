import { operationLabel } from './operations.ts';
import type { HttpMethod, OperationInfo } from './types.ts';

interface CompiledPath {
  template: string;
  pattern: RegExp;
  names: string[];
  /** Literal characters: on a tie, /users/me beats /users/{id}. */
  literalLength: number;
  operations: Map<HttpMethod, OperationInfo>;
}

export type PathMatch =
  | { kind: 'operation'; operation: OperationInfo; params: Record<string, string> }
  | { kind: 'undocumented-path'; path: string }
  | { kind: 'undocumented-method'; path: string; template: string; documented: string[] };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Maps a concrete request (method + path) to the documented operation, as a router would. */
export class OperationMatcher {
  private readonly paths: CompiledPath[] = [];

  /** basePath: the path of the document's first server URL (e.g. /v1), stripped before matching. */
  constructor(operations: OperationInfo[], private readonly basePath = '') {
    const byTemplate = new Map<string, CompiledPath>();
    for (const operation of operations) {
      let compiled = byTemplate.get(operation.path);
      if (!compiled) {
        const names: string[] = [];
        const source = operation.path.split(/(\{[^}]+\})/).map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return escapeRegExp(part);
          names.push(name);
          return '([^/]+)';
        }).join('');
        compiled = {
          template: operation.path,
          pattern: new RegExp(`^${source}/?$`),
          names,
          literalLength: operation.path.replace(/\{[^}]+\}/g, '').length,
          operations: new Map(),
        };
        byTemplate.set(operation.path, compiled);
      }
      compiled.operations.set(operation.method, operation);
    }
    this.paths = [...byTemplate.values()].sort((a, b) => b.literalLength - a.literalLength);
  }

  /** Recent answers: the same few paths are checked again and again (samples, reruns, benches). */
  private readonly recent = new Map<string, PathMatch>();

  match(method: string, requestPath: string): PathMatch {
    const key = `${method} ${requestPath}`;
    const known = this.recent.get(key);
    if (known) return known;
    const found = this.resolve(method, requestPath);
    if (this.recent.size >= 2_000) this.recent.clear();
    this.recent.set(key, found);
    return found;
  }

  private resolve(method: string, requestPath: string): PathMatch {
    let path = requestPath.split(/[?#]/)[0] ?? requestPath;
    if (/^https?:\/\//i.test(path)) path = new URL(path).pathname;
    if (this.basePath && path.startsWith(this.basePath)) path = path.slice(this.basePath.length) || '/';
    const candidates = this.paths.filter((compiled) => compiled.pattern.test(path));
    if (candidates.length === 0) return { kind: 'undocumented-path', path };
    const wanted = method.toLowerCase() as HttpMethod;
    for (const compiled of candidates) {
      const operation = compiled.operations.get(wanted);
      if (!operation) continue;
      const values = compiled.pattern.exec(path)?.slice(1) ?? [];
      const params = Object.fromEntries(compiled.names.map((name, index) => [name, decodeURIComponent(values[index] ?? '')]));
      return { kind: 'operation', operation, params };
    }
    const first = candidates[0]!;
    return { kind: 'undocumented-method', path, template: first.template, documented: [...first.operations.values()].map(operationLabel) };
  }
}

/** The path part of the document's first server URL ('' for none or a bare origin). */
export function serverBasePath(servers: Array<{ url: string }> | undefined): string {
  const url = servers?.[0]?.url;
  if (!url) return '';
  try {
    const pathname = new URL(url, 'http://placeholder.invalid').pathname.replace(/\/$/, '');
    return pathname === '/' ? '' : pathname;
  } catch {
    return '';
  }
}
