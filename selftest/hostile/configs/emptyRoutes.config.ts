import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

/** No route at all: a config error, refused before any test. */
export default defineValidationConfig(hostileConfig({ routes: [] }));
