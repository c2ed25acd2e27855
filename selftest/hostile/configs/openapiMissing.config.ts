import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

const base = hostileConfig();

/** The OpenAPI document the config names does not exist. */
export default defineValidationConfig({ ...base, api: { ...base.api, openapi: '../documents/no-such-openapi.yaml' } });
