/** Small readers of JSON Schema keywords, shared by the type and validator emitters. */
import type { JsonSchema } from './schema-folder.js';

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isSchema = (value: unknown): value is JsonSchema | boolean => typeof value === 'boolean' || isObject(value);

/** The `type` keyword as a list, or `undefined` when the schema does not restrict the type. */
export function typesOf(schema: JsonSchema): string[] | undefined {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

/** A list keyword (`anyOf`, `oneOf`, `allOf`) whose entries are schemas; `[]` when absent. */
export function subschemas(schema: JsonSchema, keyword: 'anyOf' | 'oneOf' | 'allOf'): (JsonSchema | boolean)[] {
  const list = schema[keyword];
  return Array.isArray(list) ? list.filter(isSchema) : [];
}

/** `properties` as entries whose values are schemas. */
export function propertiesOf(schema: JsonSchema): [string, JsonSchema | boolean][] {
  const properties = schema.properties;
  if (!isObject(properties)) return [];
  return Object.entries(properties).filter((entry): entry is [string, JsonSchema | boolean] => isSchema(entry[1]));
}

export function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
}

export const numberKeyword = (schema: JsonSchema, keyword: string): number | undefined =>
  typeof schema[keyword] === 'number' && Number.isFinite(schema[keyword]) ? (schema[keyword] as number) : undefined;

/** The JSON type of a value, as JSON Schema names it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Does a value of JSON type `type` satisfy a `type` list? (`integer` values are numbers too.) */
export const typeAllows = (types: string[], type: string): boolean =>
  types.includes(type) || (type === 'integer' && types.includes('number'));
