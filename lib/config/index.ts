import type { ValidationConfigInput } from './schema.ts';

export { ConfigError, formatConfigIssues, formatKeyPath } from './errors.ts';
export { configFilePath, handConfigToWorkers, handedOff, HANDOFF_VARIABLE, loadDotenv, loadValidationConfig, type ResolvedConfig, type TargetEnvironment } from './load.ts';
export { resolveConfig } from './resolve.ts';
export { validationConfigSchema, type ValidationConfig, type ValidationConfigInput } from './schema.ts';

/** Identity function that exists for types: the config is checked when it is loaded. */
export function defineValidationConfig(config: ValidationConfigInput): ValidationConfigInput {
  return config;
}
