import { defineValidationConfig } from '../../../lib/config/index.ts';
import { hostileConfig } from './base.ts';

/** A key the schema does not know (a typo of `timeouts`). */
export default defineValidationConfig({ ...hostileConfig(), timeout: { requestMs: 1_000 } } as never);
