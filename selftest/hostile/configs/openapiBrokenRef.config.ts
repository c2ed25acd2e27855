import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

const base = hostileConfig();

/** The OpenAPI document parses but one `$ref` points at a schema that does not exist. */
export default defineValidationConfig({ ...base, api: { ...base.api, openapi: '../documents/broken-ref.yaml' } });
