import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fileURLToPath } from 'node:url';

const OPENAPI_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

export interface Contract {
  /** Problems with one response, empty when it matches the document. */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): string[];
  operations: Array<{ method: string; template: string }>;
}

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin;

export async function loadContract(): Promise<Contract> {
  await SwaggerParser.validate(OPENAPI_PATH);
  const document = (await SwaggerParser.dereference(OPENAPI_PATH)) as unknown as {
    paths: Record<string, Record<string, Operation['responses'] | unknown>>;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = item[method] as { responses: Operation['responses'] } | undefined;
      if (!operation) continue;
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      operations.push({ method: method.toUpperCase(), template, pattern, responses: operation.responses });
    }
  }
  const validators = new Map<object, ValidateFunction>();
  const validatorFor = (schema: object): ValidateFunction => {
    let validate = validators.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      validators.set(schema, validate);
    }
    return validate;
  };

  return {
    operations: operations.map(({ method, template }) => ({ method, template })),
    check(method, path, status, contentType, body) {
      const operation = operations.find((op) => op.method === method && op.pattern.test(path));
      if (!operation) return [`${method} ${path} is not a documented operation`];
      const response = operation.responses[String(status)];
      if (!response) return [`${method} ${operation.template} answered ${status}, which is not documented`];
      const media = response.content?.['application/json'];
      if (!media?.schema) return body === undefined ? [] : [];
      if (contentType !== 'application/json; charset=utf-8') return [`content-type was ${contentType}`];
      const validate = validatorFor(media.schema);
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${method} ${operation.template} ${status}: ${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}
