import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { isObject } from './pointer.ts';
import type { JsonObject, OpenApiDocument } from './types.ts';

// ajv-formats is CommonJS: under Node's ESM loader its function sits on `.default`.
type FormatsPlugin = (ajv: Ajv, options?: { mode?: 'fast' | 'full' }) => Ajv;
const formatsExport = ajvFormats as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formatsExport.default ?? formatsExport;

/** The id the document is registered under; schema refs are `${DOCUMENT_ID}#/json/pointer`. */
export const DOCUMENT_ID = 'openapi-document.json';

const SCHEMA_CHILDREN = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/**
 * OpenAPI 3.0 schemas are not JSON Schema: `nullable: true` adds null to the type, and
 * `exclusiveMinimum/Maximum` are booleans on minimum/maximum (draft-04 style). Rewrites one
 * schema in place into draft-07, recursively.
 */
export function convertOpenApi30Schema(schema: unknown): void {
  if (!isObject(schema)) return;
  for (const key of SCHEMA_CHILDREN) convertOpenApi30Schema(schema[key]);
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) (schema[key] as unknown[]).forEach(convertOpenApi30Schema);
  for (const key of SCHEMA_MAPS) if (isObject(schema[key])) Object.values(schema[key]).forEach(convertOpenApi30Schema);
  if (Array.isArray(schema.items)) schema.items.forEach(convertOpenApi30Schema);
  for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (typeof schema[exclusive] === 'boolean') {
      if (schema[exclusive] === true && typeof schema[bound] === 'number') {
        schema[exclusive] = schema[bound];
        delete schema[bound];
      } else {
        delete schema[exclusive];
      }
    }
  }
  if (schema.nullable === undefined) return;
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  } else if (schema.type === undefined) {
    // $ref, allOf/oneOf...: null is one more alternative. Move everything under anyOf.
    const inner: JsonObject = { ...schema };
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [inner, { type: 'null' }];
  }
}

/** Applies the 3.0 conversion to every schema position of a document (a copy is made). */
export function convertOpenApi30Document(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'schema') convertOpenApi30Schema(value);
      else walk(value);
    }
  };
  walk(copy.paths);
  if (isObject(copy.components)) {
    const { schemas, ...rest } = copy.components;
    if (isObject(schemas)) Object.values(schemas).forEach(convertOpenApi30Schema);
    walk(rest);
  }
  return copy;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * One ajv instance holding the whole document: each schema is compiled once, shared component
 * schemas too, and recursive `$ref`s stay finite. 3.1 is JSON Schema 2020-12; 3.0 is converted
 * to draft-07 first. allErrors: list every violation (slower) rather than stop at the first.
 */
export function createDocumentAjv(document: OpenApiDocument, version: '3.0' | '3.1', allErrors = true): Ajv {
  // strict: false because OpenAPI adds its own keywords (example, xml, discriminator...).
  const options = { strict: false, allErrors, validateSchema: false, logger: false as const };
  const ajv: Ajv = version === '3.1' ? new Ajv2020(options) : new Ajv(options);
  // 'fast' formats check the shape (a date-time is YYYY-MM-DDThh:mm:ss with a zone) without
  // calendar arithmetic: five times faster on timestamp-heavy bodies, and shape is what drifts.
  addFormats(ajv, { mode: 'fast' });
  // OpenAPI's own formats: checked where they carry a rule, otherwise accepted.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  for (const name of ['binary', 'password']) ajv.addFormat(name, true);
  ajv.addSchema(version === '3.0' ? convertOpenApi30Document(document) : structuredClone(document), DOCUMENT_ID);
  return ajv;
}

/** Compiles the schema at a pointer of the registered document. */
export function compileAt(ajv: Ajv, pointer: string): ValidateFunction {
  return ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
}

/** ajv errors as "where: what" lines, array items included (`/2/price must be number`). */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined, prefix = 'body', limit = 5): string {
  if (!errors || errors.length === 0) return `${prefix} is invalid`;
  const lines = errors.slice(0, limit).map((error) => {
    const where = `${prefix}${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    const extra = params.additionalProperty !== undefined
      ? ` ("${String(params.additionalProperty)}")`
      : params.allowedValues !== undefined
        ? ` (${JSON.stringify(params.allowedValues)})`
        : '';
    return `${where} ${error.message ?? 'is invalid'}${extra}`;
  });
  if (errors.length > limit) lines.push(`... and ${errors.length - limit} more`);
  return lines.join('; ');
}
