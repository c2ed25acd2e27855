import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { convertSwagger2 } from './swagger2.ts';
import type { OpenApiDocument } from './types.ts';

/**
 * Where loading stopped: the file or URL could not be read, parsed, resolved, is not valid
 * OpenAPI (or Swagger 2.0), or a valid Swagger 2.0 document did not convert to OpenAPI 3.
 */
export type LoadStage = 'read' | 'parse' | 'resolve' | 'validate' | 'convert';

export type LoadResult =
  | {
      ok: true;
      location: string;
      /** Bundled: internal `$ref`s kept (what the validators compile). */
      document: OpenApiDocument;
      /** Every `$ref` replaced by its target (recursive schemas become cyclic objects). */
      dereferenced: OpenApiDocument;
      version: '3.0' | '3.1';
      /** The document was Swagger 2.0, converted to OpenAPI 3.0 when loaded. */
      convertedFrom?: '2.0';
    }
  | { ok: false; location: string; stage: LoadStage; message: string };

/** A path relative to the config folder, or an http(s) URL, as the parser wants it. */
export function resolveDocumentLocation(source: string, baseDir: string): string {
  return /^https?:\/\//i.test(source) ? source : path.resolve(baseDir, source);
}

/**
 * The parser refuses loopback and private addresses by default (against SSRF from untrusted
 * documents). Here the URL and the document are the user's own, and local or staging targets
 * live on exactly such addresses. A document URL that never answers costs the request budget,
 * not the parser's 60 s default.
 */
function parserOptions(timeoutMs: number, headers: Record<string, string>): SwaggerParser.Options {
  return { resolve: { http: { safeUrlResolver: false, timeout: timeoutMs, headers } } } as unknown as SwaggerParser.Options;
}

function isParseError(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return name === 'ParserError' || (error as { code?: string } | undefined)?.code === 'EPARSER';
}

/** JSON pointers of every `$ref` whose value is `target` (to say where a broken one sits). */
function refSites(node: unknown, target: string, at = '#', found: string[] = []): string[] {
  if (found.length >= 5 || node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === '$ref' && value === target) found.push(at);
    else refSites(value, target, here, found);
  }
  return found;
}

/** The messages of an error, including those grouped inside it (json-schema-ref-parser groups them). */
function describe(error: unknown): string {
  const grouped = (error as { errors?: unknown[] } | undefined)?.errors;
  const own = error instanceof Error ? error.message : String(error);
  if (Array.isArray(grouped) && grouped.length > 0) {
    const inner = grouped.slice(0, 10).map((item) => {
      const message = item instanceof Error ? item.message : JSON.stringify(item);
      const at = (item as { path?: unknown[] }).path;
      return Array.isArray(at) && at.length > 0 ? `${message} (at #/${at.join('/')})` : message;
    });
    return [own.split('\n')[0], ...inner].join('\n  ');
  }
  return own.trim();
}

/**
 * Loads an OpenAPI 3.0 or 3.1 document, or a Swagger 2.0 one converted to OpenAPI 3.0 (YAML or
 * JSON, file or URL): bundled (external refs pulled in, internal refs kept, so recursive schemas
 * stay finite) and validated against its schema. Never throws: a broken document comes back as a
 * stage and a message naming where, in the terms of the document as written. `headers` go with
 * every HTTP request the parser makes (a document behind a login).
 */
export async function loadOpenApi(source: string, baseDir: string, timeoutMs = 10_000, headers: Record<string, string> = {}): Promise<LoadResult> {
  const location = resolveDocumentLocation(source, baseDir);
  const options = parserOptions(timeoutMs, headers);
  let parsed: unknown;
  try {
    parsed = await SwaggerParser.parse(location, options);
  } catch (error) {
    // A URL behind a login answers with its login page (HTML, or a redirect to it): say so.
    const hint = /^https?:/i.test(location) && Object.keys(headers).length === 0
      ? ' (if the document is behind the application\'s login, give the headers that open it in api.openapiHeaders)'
      : '';
    return { ok: false, location, stage: isParseError(error) ? 'parse' : 'read', message: `${describe(error)}${hint}` };
  }
  let bundled: OpenApiDocument;
  try {
    bundled = (await SwaggerParser.bundle(location, options)) as unknown as OpenApiDocument;
  } catch (error) {
    const message = describe(error);
    const pointer = /\$ref pointer "([^"]+)"/.exec(message)?.[1];
    const sites = pointer ? refSites(parsed, pointer) : [];
    const where = sites.length > 0 ? ` (referenced at ${sites.join(', ')})` : '';
    return { ok: false, location, stage: 'resolve', message: `${message}${where}` };
  }
  let convertedFrom: '2.0' | undefined;
  if ((bundled as { swagger?: unknown }).swagger === '2.0') {
    // Validated as Swagger 2.0 first, so a mistake is named where the author wrote it.
    try {
      await SwaggerParser.validate(structuredClone(bundled) as never, options);
    } catch (error) {
      return { ok: false, location, stage: 'validate', message: `(Swagger 2.0) ${describe(error)}` };
    }
    const converted = await convertSwagger2(bundled);
    if (!converted.ok) return { ok: false, location, stage: 'convert', message: converted.message };
    bundled = converted.document;
    convertedFrom = '2.0';
  }
  const version = typeof bundled.openapi === 'string' ? bundled.openapi : '';
  if (!/^3\.[01]\./.test(version)) {
    const seen = version || (bundled as { swagger?: string }).swagger || 'none';
    return { ok: false, location, stage: 'validate', message: `Only OpenAPI 3.0 and 3.1 (and Swagger 2.0) documents are supported; "openapi" is ${JSON.stringify(seen)}` };
  }
  let dereferenced: OpenApiDocument;
  try {
    // validate() dereferences what it is given: hand it a copy so ours keeps its $refs.
    dereferenced = (await SwaggerParser.validate(structuredClone(bundled) as never, options)) as unknown as OpenApiDocument;
  } catch (error) {
    return { ok: false, location, stage: 'validate', message: describe(error) };
  }
  return { ok: true, location, document: bundled, dereferenced, version: version.startsWith('3.1') ? '3.1' : '3.0', ...(convertedFrom ? { convertedFrom } : {}) };
}

/** One line for a failed check: what, where, why. */
export function describeLoadFailure(result: Extract<LoadResult, { ok: false }>): string {
  const what = {
    read: 'cannot be read', parse: 'cannot be parsed', resolve: 'has a broken $ref', validate: 'is not a valid OpenAPI document',
    convert: 'is Swagger 2.0 and does not convert to OpenAPI 3',
  }[result.stage];
  return `OpenAPI document ${result.location} ${what}: ${result.message}`;
}
