import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

const base = hostileConfig();

/** The target has no base URL: a required value left out. */
export default defineValidationConfig({ ...base, target: { name: 'hostile target' } } as never);
