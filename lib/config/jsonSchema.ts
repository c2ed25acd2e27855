import { z } from 'zod';
import { validationConfigSchema } from './schema.ts';

/**
 * The config schema as JSON Schema (draft 2020-12), for editors: completion and validation of
 * `validation.config.json` / `.yaml`. It describes what a user writes (`io: 'input'`: keys with a
 * default are optional and carry it). JSON Schema cannot express zod's cross-field refinements
 * (exactly one operator per expectation, `needs` naming an earlier step); those are still checked
 * when the config loads.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(validationConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & { properties?: Record<string, unknown> };
  return {
    ...generated,
    title: 'Meta-Orchestrator validation config',
    description: 'The target, routes, API, audit, budgets and waivers the release gates check. See validation.config.ts written by `meta-orchestrator init`.',
    // A JSON or YAML config names its schema in `$schema`; the loader drops that key.
    properties: { $schema: { type: 'string', description: 'The JSON Schema this file follows.' }, ...generated.properties },
  };
}
