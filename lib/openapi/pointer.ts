import type { JsonObject } from './types.ts';

/** JSON pointer helpers for the bundled document (internal `#/...` refs only). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(pointer: string, ...tokens: string[]): string {
  return [pointer, ...tokens.map(escapeToken)].join('/');
}

export function getAtPointer(document: unknown, pointer: string): unknown {
  if (pointer === '#' || pointer === '') return document;
  let current: unknown = document;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as JsonObject)[token];
  }
  return current;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows `$ref` chains (bounded, so a ref loop cannot hang) to the object and its pointer. */
export function follow(document: unknown, node: unknown, pointer: string): { node: JsonObject | undefined; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#'); hops++) {
    at = current.$ref;
    current = getAtPointer(document, at);
  }
  return { node: isObject(current) ? current : undefined, pointer: at };
}
