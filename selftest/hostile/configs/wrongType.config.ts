import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

const base = hostileConfig();

/** A budget written as a word: a config error naming the key path. */
export default defineValidationConfig({ ...base, timeouts: { ...base.timeouts, requestMs: 'fast' as unknown as number } });
