import openapiSampler from 'openapi-sampler';
import type { OpenApiDocument } from './types.ts';

/**
 * Schema-valid values for what a request must carry and the document gives no example for: a
 * required parameter, a required body. openapi-sampler (Redoc's) is deterministic (the same value
 * on every run, so a failure reproduces) and knows OpenAPI: formats, enum, min/max, readOnly. A
 * sample is checked against its schema before use: one the sampler could not make valid (a
 * pattern it cannot satisfy) is refused with why, and the operation is reported, never guessed at.
 */
export type SampleResult = { value: unknown } | { problem: string };

/** A value for the schema at a JSON pointer of the bundled document. */
export type SchemaSampler = (schemaPointer: string) => SampleResult;

/** Says what is wrong with a value for the schema at a pointer, or undefined when it is valid. */
export type SchemaCheck = (schemaPointer: string, value: unknown) => string | undefined;

// openapi-sampler ships CommonJS with an ESM `module` entry; under Node its API sits on the default export.
const { sample } = openapiSampler as unknown as { sample: (schema: object, options: object, document: object) => unknown };

const OPTIONS = {
  // What a client sends: required properties only, never the server's read-only ones.
  skipNonRequired: true,
  skipReadOnly: true,
  enablePatterns: true,
  quiet: true,
  maxSampleDepth: 8,
};

export function createSampler(document: OpenApiDocument, check: SchemaCheck): SchemaSampler {
  return (schemaPointer) => {
    let value: unknown;
    try {
      value = sample({ $ref: schemaPointer }, OPTIONS, document);
    } catch (error) {
      return { problem: `no value could be made from the schema at ${schemaPointer}: ${error instanceof Error ? error.message : String(error)}` };
    }
    const wrong = check(schemaPointer, value);
    if (wrong) return { problem: `the value made from the schema at ${schemaPointer} (${JSON.stringify(value)?.slice(0, 80)}) is not valid: ${wrong}` };
    return { value };
  };
}
