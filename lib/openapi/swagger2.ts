import { createRequire } from 'node:module';
import type { OpenApiDocument } from './types.ts';

/**
 * Swagger 2.0 to OpenAPI 3.0 with swagger2openapi (Mermade's converter, the one Redoc and most
 * OpenAPI tooling use): `definitions` become `components/schemas` and their refs follow,
 * `collectionFormat` becomes style/explode, body and formData parameters become request bodies,
 * `basePath` becomes the server URL. Small, common mistakes are patched as a reader would.
 */
interface Converter {
  convertObj(document: unknown, options: Record<string, unknown>): Promise<OpenApiDocument>;
}

// swagger2openapi is CommonJS without type declarations.
const converter = createRequire(import.meta.url)('swagger2openapi') as Converter;

export type Conversion = { ok: true; document: OpenApiDocument } | { ok: false; message: string };

export async function convertSwagger2(document: unknown): Promise<Conversion> {
  try {
    // direct: the result is the OpenAPI document itself; resolve: false keeps refs internal (as bundled).
    const converted = await converter.convertObj(structuredClone(document), { patch: true, warnOnly: true, direct: true, resolve: false });
    return { ok: true, document: converted };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
