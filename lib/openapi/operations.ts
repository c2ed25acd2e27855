import { methodChangesState } from '../stateChange.ts';
import { childPointer, follow, getAtPointer, isObject } from './pointer.ts';
import { defaultExplode, defaultStyle, type ParameterStyle } from './serialize.ts';
import {
  HTTP_METHODS,
  type HeaderInfo,
  type HttpMethod,
  type JsonObject,
  type MediaInfo,
  type OpenApiDocument,
  type OperationInfo,
  type ParameterInfo,
  type ResponseInfo,
} from './types.ts';

/**
 * The values the document gives for a parameter or media type, in its order: its `example` and
 * `examples`, else its schema's `example` and `examples`. A schema's `default` or its first enum
 * member is not an example: a client leaves an optional value out rather than send those.
 */
function examplesOf(document: OpenApiDocument, holder: JsonObject, schema: JsonObject | undefined): unknown[] {
  const values: unknown[] = [];
  if (holder.example !== undefined) values.push(holder.example);
  if (isObject(holder.examples)) {
    for (const [name, example] of Object.entries(holder.examples)) {
      const resolved = follow(document, example, childPointer('#', 'examples', name)).node;
      if (resolved && resolved.value !== undefined) values.push(resolved.value);
    }
  }
  if (values.length === 0 && schema) {
    if (schema.example !== undefined) values.push(schema.example);
    else if (Array.isArray(schema.examples) && schema.examples.length > 0) values.push(...schema.examples);
  }
  return values;
}

function mediaOf(document: OpenApiDocument, content: unknown, pointer: string): MediaInfo[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, raw]) => {
    const media = isObject(raw) ? raw : {};
    const schema = media.schema === undefined ? undefined : follow(document, media.schema, childPointer(pointer, mediaType, 'schema'));
    return {
      mediaType,
      schemaPointer: media.schema === undefined ? undefined : childPointer(pointer, mediaType, 'schema'),
      examples: examplesOf(document, media, schema?.node),
    };
  });
}

function parametersOf(document: OpenApiDocument, lists: Array<{ list: unknown; pointer: string }>): ParameterInfo[] {
  const byKey = new Map<string, ParameterInfo>();
  // Path-level first, operation-level after: the operation's definition of the same name+in wins.
  for (const { list, pointer } of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const { node: parameter, pointer: at } = follow(document, raw, childPointer(pointer, String(index)));
      if (!parameter || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') return;
      const location = parameter.in as ParameterInfo['in'];
      // A parameter has a schema, or `content` with one media type (whose schema and examples count).
      const contentType = isObject(parameter.content) ? Object.keys(parameter.content)[0] : undefined;
      const media = contentType !== undefined && isObject(parameter.content) && isObject(parameter.content[contentType]) ? parameter.content[contentType] : undefined;
      const schemaPointer = parameter.schema !== undefined ? childPointer(at, 'schema')
        : media?.schema !== undefined && contentType !== undefined ? childPointer(at, 'content', contentType, 'schema') : undefined;
      const schema = schemaPointer ? follow(document, getAtPointer(document, schemaPointer), schemaPointer).node : undefined;
      const style = (typeof parameter.style === 'string' ? parameter.style : defaultStyle(location)) as ParameterStyle;
      byKey.set(`${location}:${parameter.name}`, {
        name: parameter.name,
        in: location,
        required: parameter.required === true || location === 'path',
        style,
        explode: typeof parameter.explode === 'boolean' ? parameter.explode : defaultExplode(style),
        allowReserved: parameter.allowReserved === true,
        contentType,
        schemaPointer,
        examples: [...examplesOf(document, parameter, media ? undefined : schema), ...(media ? examplesOf(document, media, schema) : [])],
        schemaDefault: schema?.default,
      });
    });
  }
  return [...byKey.values()];
}

function headersOf(document: OpenApiDocument, headers: unknown, pointer: string): HeaderInfo[] {
  if (!isObject(headers)) return [];
  return Object.entries(headers).map(([name, raw]) => {
    const { node, pointer: at } = follow(document, raw, childPointer(pointer, name));
    return { name, required: node?.required === true, schemaPointer: node?.schema === undefined ? undefined : childPointer(at, 'schema') };
  });
}

function responsesOf(document: OpenApiDocument, responses: unknown, pointer: string): ResponseInfo[] {
  if (!isObject(responses)) return [];
  return Object.entries(responses).map(([status, raw]) => {
    const { node, pointer: at } = follow(document, raw, childPointer(pointer, status));
    return {
      status: status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase(),
      headers: headersOf(document, node?.headers, childPointer(at, 'headers')),
      content: mediaOf(document, node?.content, childPointer(at, 'content')),
    };
  });
}

/**
 * Whether an operation needs credentials, and who says so: its own `security`, the document's
 * root `security`, or nobody (then api.contracts.defaultAuth decides). An empty list or a `{}`
 * requirement makes it public.
 */
function securityOf(document: OpenApiDocument, operation: JsonObject): Pick<OperationInfo, 'secured' | 'securityFrom'> {
  const own = Array.isArray(operation.security);
  const security = own ? operation.security : document.security;
  const securityFrom = own ? 'operation' : Array.isArray(document.security) ? 'document' : 'none';
  if (!Array.isArray(security) || security.length === 0) return { secured: false, securityFrom };
  return { secured: !security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0), securityFrom };
}

/** Why calling it may change state: its method, or the document's `x-mutating: true` (a GET that resets a cursor). */
function changesStateOf(method: HttpMethod, operation: JsonObject): string | undefined {
  return methodChangesState(method) ?? (operation['x-mutating'] === true ? 'x-mutating in the document' : undefined);
}

/** Every operation of the document, in document order, with what the gates need to call and check it. */
export function listOperations(document: OpenApiDocument): OperationInfo[] {
  const operations: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const itemPointer = childPointer('#', 'paths', path);
    const { node: item, pointer: itemAt } = follow(document, rawItem, itemPointer);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const opPointer = childPointer(itemAt, method);
      const body = follow(document, operation.requestBody, childPointer(opPointer, 'requestBody'));
      operations.push({
        id: typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${path}`,
        method,
        path,
        ...securityOf(document, operation),
        changesState: changesStateOf(method, operation),
        parameters: parametersOf(document, [
          { list: item.parameters, pointer: childPointer(itemAt, 'parameters') },
          { list: operation.parameters, pointer: childPointer(opPointer, 'parameters') },
        ]),
        requestBody: body.node ? { required: body.node.required === true, content: mediaOf(document, body.node.content, childPointer(body.pointer, 'content')) } : undefined,
        responses: responsesOf(document, operation.responses, childPointer(opPointer, 'responses')),
      });
    }
  }
  return operations;
}

/** "GET /api/x/{id}" for messages and config keys. */
export function operationLabel(operation: Pick<OperationInfo, 'method' | 'path'>): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value);
}
