/**
 * `npm run gen:api [document] [output]`: writes the TypeScript types of the OpenAPI document
 * (default demo/openapi.yaml -> demo/generated/api.ts). The api fixture's typed calls read them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOpenApiTypes } from '../lib/openapi/generateTypes.ts';

const [documentArg = 'demo/openapi.yaml', outputArg = 'demo/generated/api.ts'] = process.argv.slice(2);

async function main(): Promise<void> {
  const output = path.resolve(outputArg);
  let source: string;
  try {
    source = await generateOpenApiTypes(documentArg);
  } catch (error) {
    // A broken or missing document is the user's error: one line, no stack.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`gen:api: cannot generate types from ${documentArg}: ${message.split('\n')[0]}`);
    process.exit(1);
  }
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(output, source, 'utf8');
  console.log(`gen:api: wrote ${path.relative(process.cwd(), output)} from ${documentArg}`);
}

await main();
