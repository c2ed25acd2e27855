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
  /** Example values: `example`, `examples[*].value`, then the schema's example/default/enum. */
  examples: unknown[];
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
  secured: boolean;
  parameters: ParameterInfo[];
  requestBody?: { required: boolean; content: MediaInfo[] };
  responses: ResponseInfo[];
}
