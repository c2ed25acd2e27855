import type { Ajv, ValidateFunction } from 'ajv';
import { OperationMatcher, serverBasePath } from './matcher.ts';
import { listOperations, operationLabel } from './operations.ts';
import { compileAt, createDocumentAjv, formatAjvErrors } from './schemas.ts';
import type { MediaInfo, OpenApiDocument, OperationInfo, ResponseInfo } from './types.ts';

/** A response as the gates saw it; headers with lower-case names. */
export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, when the caller already has it. */
  body?: unknown;
  /** The raw body: parsed here when `body` is absent and the media type is JSON. */
  text?: string;
}

/** One aspect of a response, checked like Dredd/Schemathesis do. */
export type ContractAspect = 'endpoint' | 'status' | 'content-type' | 'headers' | 'schema';

export interface AspectResult {
  aspect: ContractAspect;
  ok: boolean;
  /** What was checked (pass) or what is wrong, where and what was expected (fail). */
  message: string;
  severity: 'critical' | 'high';
}

export interface ResponseVerdict {
  operation?: OperationInfo;
  /** The documented response key that applies: '200', '2XX' or 'default'. */
  documentedStatus?: string;
  results: AspectResult[];
  ok: boolean;
}

const isJsonMedia = (mediaType: string): boolean => /^application\/(?:[\w.+-]+\+)?json$/i.test(mediaType) || mediaType === '*/*';

function mediaMatches(documented: string, actual: string): boolean {
  if (documented === '*/*' || documented === actual) return true;
  const [type, subtype] = documented.split('/');
  return subtype === '*' && actual.startsWith(`${type}/`);
}

/** Header values arrive as text: "42" and "true" also stand for the number and the boolean. */
function headerValue(text: string): unknown {
  if (/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** The documented response for a status: exact, then its range (2XX), then default. */
export function documentedResponse(operation: OperationInfo, status: number): ResponseInfo | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return operation.responses.find((r) => r.status === exact)
    ?? operation.responses.find((r) => r.status === range)
    ?? operation.responses.find((r) => r.status === 'default');
}

/**
 * Checks responses against an OpenAPI document. Validators are compiled on first use per
 * operation + status + media type and reused, so checking many responses costs little.
 */
export class ContractValidator {
  readonly operations: OperationInfo[];
  private readonly matcher: OperationMatcher;
  /** Stops at the first violation: the fast path every response takes. */
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  /** Lists every violation: built on the first failure only, to explain it fully. */
  private detailedAjv: Ajv | undefined;
  private readonly detailedValidators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument, readonly version: '3.0' | '3.1') {
    this.operations = listOperations(document);
    this.matcher = new OperationMatcher(this.operations, serverBasePath(document.servers));
    this.ajv = createDocumentAjv(document, version, false);
  }

  match(method: string, path: string) {
    return this.matcher.match(method, path);
  }

  /** The validator for a schema pointer; compiled once. A schema ajv cannot compile throws with the pointer. */
  validatorFor(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      try {
        validate = compileAt(this.ajv, pointer);
      } catch (error) {
        throw new Error(`the schema at ${pointer} cannot be compiled: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /** What is wrong with a value for the schema at a pointer (a value the gate is about to send), or undefined. */
  problemWith(pointer: string, value: unknown): string | undefined {
    let validate: ValidateFunction;
    try {
      validate = this.validatorFor(pointer);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return validate(value) ? undefined : this.explain(pointer, value, 'value');
  }

  /** The errors of a value the fast validator rejected, all of them. */
  private explain(pointer: string, value: unknown, prefix: string): string {
    this.detailedAjv ??= createDocumentAjv(this.document, this.version, true);
    let validate = this.detailedValidators.get(pointer);
    if (!validate) {
      validate = compileAt(this.detailedAjv, pointer);
      this.detailedValidators.set(pointer, validate);
    }
    validate(value);
    return formatAjvErrors(validate.errors, prefix);
  }

  /** Compiles every response schema now (so a bad schema shows up before any request). */
  compileAll(): string[] {
    const problems: string[] = [];
    for (const operation of this.operations) {
      for (const response of operation.responses) {
        for (const pointer of [...response.content.map((m) => m.schemaPointer), ...response.headers.map((h) => h.schemaPointer)]) {
          if (!pointer) continue;
          try {
            this.validatorFor(pointer);
          } catch (error) {
            problems.push(`${operationLabel(operation)} ${response.status}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    }
    return problems;
  }

  check(response: RecordedResponse): ResponseVerdict {
    const found = this.matcher.match(response.method, response.path);
    if (found.kind !== 'operation') {
      const message = found.kind === 'undocumented-path'
        ? `${response.method.toUpperCase()} ${found.path} answered ${response.status} but no documented path matches it`
        : `${response.method.toUpperCase()} ${found.path} answered ${response.status} but ${found.template} documents only ${found.documented.join(', ')}`;
      return { results: [{ aspect: 'endpoint', ok: false, message, severity: 'critical' }], ok: false };
    }
    const operation = found.operation;
    const label = operationLabel(operation);
    const results: AspectResult[] = [{ aspect: 'endpoint', ok: true, message: `${label} is documented`, severity: 'critical' }];
    const documented = documentedResponse(operation, response.status);
    if (!documented) {
      const listed = operation.responses.map((r) => r.status).join(', ') || 'none';
      results.push({ aspect: 'status', ok: false, message: `${label} answered ${response.status}, a status not documented for it (documented: ${listed})`, severity: 'high' });
      return { operation, results, ok: false };
    }
    results.push({ aspect: 'status', ok: true, message: `${response.status} is documented as ${documented.status}`, severity: 'high' });
    // Only what the document says can be checked: no documented header or schema, no operation.
    const headers = this.checkHeaders(label, documented, response);
    if (headers) results.push(headers);
    const media = this.checkContentType(label, documented, response, results);
    const body = media ? this.checkBody(label, documented, media, response) : undefined;
    if (body) results.push(body);
    return { operation, documentedStatus: documented.status, results, ok: results.every((r) => r.ok) };
  }

  private checkHeaders(label: string, documented: ResponseInfo, response: RecordedResponse): AspectResult | undefined {
    if (documented.headers.length === 0) return undefined;
    const problems: string[] = [];
    for (const header of documented.headers) {
      const value = response.headers[header.name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`required header ${header.name} is missing`);
        continue;
      }
      if (!header.schemaPointer) continue;
      const validate = this.validatorFor(header.schemaPointer);
      if (!validate(value) && !validate(headerValue(value))) problems.push(this.explain(header.schemaPointer, headerValue(value), `header ${header.name}`));
    }
    return problems.length === 0
      ? { aspect: 'headers', ok: true, message: `${documented.headers.length} documented header(s) hold`, severity: 'high' }
      : { aspect: 'headers', ok: false, message: `${label} ${response.status}: ${problems.join('; ')}`, severity: 'high' };
  }

  /** Records the content-type result; returns the documented media type to validate against. */
  private checkContentType(label: string, documented: ResponseInfo, response: RecordedResponse, results: AspectResult[]): MediaInfo | undefined {
    if (documented.content.length === 0) return undefined;
    const actual = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const media = documented.content.find((m) => mediaMatches(m.mediaType.toLowerCase(), actual));
    if (!media) {
      const expected = documented.content.map((m) => m.mediaType).join(' or ');
      results.push({ aspect: 'content-type', ok: false, message: `${label} ${response.status}: content-type "${actual || 'none'}", expected ${expected}`, severity: 'high' });
      return undefined;
    }
    results.push({ aspect: 'content-type', ok: true, message: `content-type ${actual} is documented`, severity: 'high' });
    return media;
  }

  private checkBody(label: string, documented: ResponseInfo, media: MediaInfo, response: RecordedResponse): AspectResult | undefined {
    const where = `${label} ${response.status} (${media.mediaType}, documented ${documented.status})`;
    if (!media.schemaPointer) return undefined;
    let body = response.body;
    if (body === undefined && isJsonMedia(media.mediaType)) {
      try {
        body = JSON.parse(response.text ?? '');
      } catch (error) {
        return { aspect: 'schema', ok: false, message: `${where}: body is not JSON (${error instanceof Error ? error.message : String(error)})`, severity: 'high' };
      }
    } else if (body === undefined) {
      // Any other media type (text/x-yaml, text/plain, text/csv): the schema describes the text itself.
      body = response.text ?? '';
    }
    const validate = this.validatorFor(media.schemaPointer);
    if (validate(body)) return { aspect: 'schema', ok: true, message: `${where}: body matches the schema`, severity: 'high' };
    return { aspect: 'schema', ok: false, message: `${where}: body does not match the schema: ${this.explain(media.schemaPointer, body, 'body')}`, severity: 'high' };
  }
}
