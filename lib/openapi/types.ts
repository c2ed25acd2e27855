import type { ParameterStyle } from './serialize.ts';

/** The parts of an OpenAPI 3.0/3.1 document the gates read. Loose on purpose: documents vary. */
export type JsonObject = Record<string, unknown>;

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths?: Record<string, JsonObject>;
  components?: JsonObject;
  security?: Array<Record<string, string[]>>;
  servers?: Array<{ url: string }>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ParameterInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** How its value is written (OpenAPI 3 `style`, default form for query and cookie, simple otherwise). */
  style: ParameterStyle;
  explode: boolean;
  allowReserved: boolean;
  /** The media type of a parameter described by `content` instead of a schema. */
  contentType?: string;
  /** JSON pointer of its schema in the bundled document. */
  schemaPointer?: string;
  /** Values the document gives: `example`, `examples[*].value`, then the schema's example(s). */
  examples: unknown[];
  /** The schema's default: what a required parameter with no example is sent with. */
  schemaDefault?: unknown;
}

export interface HeaderInfo {
  name: string;
  required: boolean;
  /** JSON pointer of its schema in the document, when it has one. */
  schemaPointer?: string;
}

export interface MediaInfo {
  mediaType: string;
  /** JSON pointer of the schema in the bundled document. */
  schemaPointer?: string;
  examples: unknown[];
}

export interface ResponseInfo {
  /** '200', '4XX', 'default'. */
  status: string;
  headers: HeaderInfo[];
  content: MediaInfo[];
}

export interface OperationInfo {
  /** operationId, else "METHOD /path". */
  id: string;
  method: HttpMethod;
  /** The path template as documented, e.g. /api/market/quote/{symbol}. */
  path: string;
  /** Needs credentials, as the document says. */
  secured: boolean;
  /** Who says so: its own `security`, the document's root `security`, or nobody. */
  securityFrom: 'operation' | 'document' | 'none';
  /** Why calling it may change state (its method, or `x-mutating: true`); undefined when it may not. */
  changesState?: string;
  parameters: ParameterInfo[];
  requestBody?: { required: boolean; content: MediaInfo[] };
  responses: ResponseInfo[];
}
