import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

/** Every gate against the misbehaving server: routes, endpoints, health, readiness, OpenAPI. */
export default defineValidationConfig(hostileConfig());
