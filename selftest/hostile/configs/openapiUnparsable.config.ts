import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

const base = hostileConfig();

/** The OpenAPI document is not YAML at all (an unclosed flow mapping). */
export default defineValidationConfig({ ...base, api: { ...base.api, openapi: '../documents/unparsable.yaml' } });
