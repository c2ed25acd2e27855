/**
 * Contract compatibility between two OpenAPI 3.x documents (both dereferenced): can a client built
 * against `from` keep working against `to`? The kind of report oasdiff gives, over what a client
 * sees: the operations, their parameters and request bodies, and their success responses' fields.
 * Pure: documents in, changes out.
 */

export type ChangeSeverity = 'high' | 'medium' | 'low';

export interface ContractChange {
  /** `GET /api/account`, as `from` documents it. */
  operation: string;
  /** Where in the operation: `response 200 body.buyingPower`, `parameter query.timeframe`. */
  location: string;
  kind:
    | 'operation-removed' | 'parameter-required' | 'parameter-removed' | 'parameter-type' | 'parameter-enum-narrowed'
    | 'request-body-required' | 'request-property-required' | 'response-removed' | 'response-property-removed'
    | 'response-property-optional' | 'response-type' | 'response-enum-widened';
  severity: ChangeSeverity;
  message: string;
}

export interface ContractComparison {
  /** Operations both serve, labelled as `from` documents them. */
  shared: string[];
  /** Served by `from` only: a client of `from` calling them gets nothing from `to`. */
  onlyFrom: string[];
  /** New in `to`: compatible. */
  onlyTo: string[];
  /** Breaking or risky changes, each with its operation and location. */
  changes: ContractChange[];
  /** Compatible additions seen (optional fields, new operations), for the evidence. */
  additions: string[];
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const MAX_DEPTH = 12;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `/api/market/quote/{}`: two templates naming their parameters differently are one path. */
function pathKey(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

interface Operation {
  label: string;
  item: Json;
  operation: Json;
}

function operationsOf(document: Json): Map<string, Operation> {
  const out = new Map<string, Operation>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation)) out.set(`${method.toUpperCase()} ${pathKey(path)}`, { label: `${method.toUpperCase()} ${path}`, item, operation });
    }
  }
  return out;
}

interface Parameter {
  key: string;
  required: boolean;
  schema: Json | undefined;
}

function parametersOf(op: Operation): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  // Path parameters are matched by their place in the template, not by name.
  const template = [...op.label.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const lists = [op.item.parameters, op.operation.parameters];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      if (!isObject(raw) || typeof raw.name !== 'string' || typeof raw.in !== 'string') continue;
      const name = raw.in === 'header' ? raw.name.toLowerCase() : raw.name;
      const key = raw.in === 'path' ? `path.#${template.indexOf(raw.name)}` : `${raw.in}.${name}`;
      out.set(key, { key: raw.in === 'path' ? `path.${raw.name}` : key, required: raw.required === true || raw.in === 'path', schema: isObject(raw.schema) ? raw.schema : undefined });
    }
  }
  return out;
}

function typesOf(schema: Json | undefined): string[] | undefined {
  if (!schema) return undefined;
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string').sort();
  return undefined;
}

/** integer fits in number: a type that only widens is no break for the side that reads it. */
function typeChanged(from: string[] | undefined, to: string[] | undefined, direction: 'request' | 'response'): boolean {
  if (!from || !to) return false;
  const accepts = (wider: string[], narrower: string[]) => narrower.every((t) => wider.includes(t) || (t === 'integer' && wider.includes('number')));
  // A request: `to` must accept all `from` sends. A response: `from`'s client must accept all `to` answers.
  return direction === 'request' ? !accepts(to, from) : !accepts(from, to);
}

function enumOf(schema: Json | undefined): unknown[] | undefined {
  return schema && Array.isArray(schema.enum) ? schema.enum : undefined;
}

function jsonSchemaOf(content: unknown): Json | undefined {
  if (!isObject(content)) return undefined;
  const type = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
  const media = type ? content[type] : undefined;
  return isObject(media) && isObject(media.schema) ? media.schema : undefined;
}

/** Properties and required names, following allOf (a composed schema's fields are all of its parts'). */
function objectShape(schema: Json): { properties: Map<string, Json>; required: Set<string> } {
  const properties = new Map<string, Json>();
  const required = new Set<string>();
  const visit = (node: Json, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (isObject(node.properties)) for (const [name, value] of Object.entries(node.properties)) if (isObject(value)) properties.set(name, value);
    if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === 'string') required.add(name);
    if (Array.isArray(node.allOf)) for (const part of node.allOf) if (isObject(part)) visit(part, depth + 1);
  };
  visit(schema, 0);
  return { properties, required };
}

export function compareContracts(from: unknown, to: unknown, names: { from: string; to: string } = { from: 'the first', to: 'the second' }): ContractComparison {
  const fromOps = operationsOf(isObject(from) ? from : {});
  const toOps = operationsOf(isObject(to) ? to : {});
  const result: ContractComparison = { shared: [], onlyFrom: [], onlyTo: [], changes: [], additions: [] };
  for (const [key, op] of fromOps) {
    const other = toOps.get(key);
    if (!other) {
      result.onlyFrom.push(op.label);
      result.changes.push({ operation: op.label, location: 'operation', kind: 'operation-removed', severity: 'high', message: `${op.label} is served by ${names.from}, not by ${names.to}: its clients get no answer` });
      continue;
    }
    result.shared.push(op.label);
    compareOperation(op, other, result, names);
  }
  for (const [key, op] of toOps) if (!fromOps.has(key)) result.onlyTo.push(op.label);
  result.additions.push(...result.onlyTo.map((label) => `${label} is new`));
  return result;
}

function compareOperation(from: Operation, to: Operation, result: ContractComparison, names: { from: string; to: string }): void {
  const change = (location: string, kind: ContractChange['kind'], severity: ChangeSeverity, message: string) =>
    result.changes.push({ operation: from.label, location, kind, severity, message });
  // Parameters: what a client of `from` sends must still be enough, and still accepted.
  const fromParams = parametersOf(from);
  const toParams = parametersOf(to);
  for (const [key, param] of toParams) {
    const before = fromParams.get(key);
    if (param.required && !before?.required) change(`parameter ${param.key}`, 'parameter-required', 'high', `parameter ${param.key} is required, ${before ? 'optional before' : 'unknown before'}: requests built for the other document lack it`);
  }
  for (const [key, param] of fromParams) {
    const after = toParams.get(key);
    if (!after) {
      change(`parameter ${param.key}`, 'parameter-removed', 'medium', `parameter ${param.key} is no longer documented: what clients send in it is ignored`);
      continue;
    }
    if (typeChanged(typesOf(param.schema), typesOf(after.schema), 'request')) change(`parameter ${param.key}`, 'parameter-type', 'high', `parameter ${param.key} changed type from ${typesOf(param.schema)?.join('|')} to ${typesOf(after.schema)?.join('|')}`);
    const [was, now] = [enumOf(param.schema), enumOf(after.schema)];
    const lost = was && now ? was.filter((value) => !now.some((v) => JSON.stringify(v) === JSON.stringify(value))) : [];
    if (lost.length > 0) change(`parameter ${param.key}`, 'parameter-enum-narrowed', 'high', `parameter ${param.key} no longer accepts ${lost.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  // Request body: newly required, or newly required fields.
  const fromBody = isObject(from.operation.requestBody) ? from.operation.requestBody : undefined;
  const toBody = isObject(to.operation.requestBody) ? to.operation.requestBody : undefined;
  if (toBody?.required === true && fromBody?.required !== true) change('request body', 'request-body-required', 'high', 'a request body is required, which it was not');
  const fromSchema = jsonSchemaOf(fromBody?.content);
  const toSchema = jsonSchemaOf(toBody?.content);
  if (fromSchema && toSchema) {
    const before = objectShape(fromSchema).required;
    for (const name of objectShape(toSchema).required) {
      if (!before.has(name)) change(`request body.${name}`, 'request-property-required', 'high', `request body field ${name} is required, which it was not`);
    }
  }
  // Responses: every success the client expects, with the fields it reads.
  const fromResponses = isObject(from.operation.responses) ? from.operation.responses : {};
  const toResponses = isObject(to.operation.responses) ? to.operation.responses : {};
  for (const [status, response] of Object.entries(fromResponses)) {
    if (!/^2/.test(status) || !isObject(response)) continue;
    const other = toResponses[status];
    if (!isObject(other)) {
      change(`response ${status}`, 'response-removed', 'high', `response ${status} is no longer documented`);
      continue;
    }
    const a = jsonSchemaOf(response.content);
    const b = jsonSchemaOf(other.content);
    if (a && b) compareResponseSchema(a, b, `response ${status} body`, 0, change, result.additions, from.label, names);
  }
}

type ChangeSink = (location: string, kind: ContractChange['kind'], severity: ChangeSeverity, message: string) => void;

function compareResponseSchema(from: Json, to: Json, where: string, depth: number, change: ChangeSink, additions: string[], label: string, names: { from: string; to: string }): void {
  if (depth > MAX_DEPTH) return;
  if (typeChanged(typesOf(from), typesOf(to), 'response')) {
    change(where, 'response-type', 'high', `${where} changed type from ${typesOf(from)?.join('|')} to ${typesOf(to)?.join('|')}`);
    return;
  }
  const [was, now] = [enumOf(from), enumOf(to)];
  const added = was && now ? now.filter((value) => !was.some((v) => JSON.stringify(v) === JSON.stringify(value))) : [];
  if (added.length > 0) change(where, 'response-enum-widened', 'medium', `${where} may now be ${added.map((v) => JSON.stringify(v)).join(', ')}, which clients do not expect`);
  if (isObject(from.items) && isObject(to.items)) compareResponseSchema(from.items, to.items, `${where}[]`, depth + 1, change, additions, label, names);
  const before = objectShape(from);
  const after = objectShape(to);
  if (before.properties.size === 0 && after.properties.size === 0) return;
  for (const [name, schema] of before.properties) {
    const next = after.properties.get(name);
    const at = `${where}.${name}`;
    if (!next) {
      change(at, 'response-property-removed', before.required.has(name) ? 'high' : 'medium', `${at} is ${before.required.has(name) ? 'required' : 'documented'} in ${names.from}'s document and missing from ${names.to}'s`);
      continue;
    }
    if (before.required.has(name) && !after.required.has(name)) change(at, 'response-property-optional', 'medium', `${at} was always present and may now be absent`);
    compareResponseSchema(schema, next, at, depth + 1, change, additions, label, names);
  }
  for (const name of after.properties.keys()) if (!before.properties.has(name)) additions.push(`${label} ${where}.${name} is new${after.required.has(name) ? '' : ' (optional)'}`);
}
