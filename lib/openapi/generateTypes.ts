import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { importOptional } from '../optional.ts';

/**
 * TypeScript types for an OpenAPI document (3.0 or 3.1, YAML or JSON), as openapi-typescript's
 * CLI would print them. Deterministic for a given document, so a freshness check can compare the
 * committed file with this output byte for byte.
 */
export async function generateOpenApiTypes(documentPath: string): Promise<string> {
  // Loaded on use: openapi-typescript brings the TypeScript compiler, seconds of CPU to import.
  const { default: openapiTS, astToString, COMMENT_HEADER } = await importOptional('openapi-typescript', 'The generated-types freshness check (audit.generated.openapi)', () => import('openapi-typescript'));
  const source = /^https?:\/\//i.test(documentPath) ? new URL(documentPath) : pathToFileURL(path.resolve(documentPath));
  // silent: redocly's lint warnings belong to the contracts gate, not to a generator's stdout.
  // defaultNonNullable off: a property with a default may be left out of a request body.
  const ast = await openapiTS(source, { silent: true, defaultNonNullable: false });
  return COMMENT_HEADER + astToString(ast);
}
