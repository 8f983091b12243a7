/**
 * Iglu schemas are JSON Schema draft-04 (through Iglu's self-describing
 * meta-schema), while ajv 8 speaks draft-06 and later. The differences that
 * matter for validation are few, so the schema is rewritten rather than
 * pulling in a draft-04 dialect package.
 */

type Json = Record<string, unknown>;

// Keywords whose value is a map of sub-schemas, one sub-schema, or a list of them.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
const SCHEMA_VALUES = new Set(['additionalProperties', 'additionalItems', 'not', 'items']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'items']);

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns a copy of an Iglu schema that ajv (draft-07 mode) validates the same
 * way a draft-04 validator would:
 * - `$schema` (Iglu's meta-schema URI, unknown to ajv) and `self` are removed;
 * - `id` used as a keyword (draft-04's base URI) is removed, since ajv reads only `$id`;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-06 numbers.
 */
export function toAjvSchema(schema: unknown): unknown {
  if (!isJson(schema)) return schema;
  const { $schema: _meta, self: _self, ...rest } = schema;
  return convert(rest);
}

function convert(node: unknown): unknown {
  if (!isJson(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (key === 'id' && typeof value === 'string') continue;
    if (SCHEMA_MAPS.has(key) && isJson(value)) {
      // `dependencies` may also map to a list of names; convert() leaves lists alone.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, convert(sub)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(convert);
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = convert(value);
    } else {
      out[key] = value;
    }
  }
  fixExclusive(out, 'exclusiveMinimum', 'minimum');
  fixExclusive(out, 'exclusiveMaximum', 'maximum');
  return out;
}

function fixExclusive(schema: Json, exclusive: string, bound: string): void {
  const flag = schema[exclusive];
  if (typeof flag !== 'boolean') return;
  const limit = schema[bound];
  delete schema[exclusive];
  if (flag && typeof limit === 'number') {
    schema[exclusive] = limit;
    delete schema[bound];
  }
}
