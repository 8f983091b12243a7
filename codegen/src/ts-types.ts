/**
 * JSON Schema → TypeScript type text, for JSON payloads: strings stay strings whatever
 * their `format` (a `date-time` is an ISO string on the wire, never a `Date`), integers
 * are `number`, `enum`/`const` become literal unions, `required` decides `?`, and
 * `additionalProperties: false` gives a closed object (no index signature), so an
 * unknown field in an object literal is a compile error. Limits go into the TSDoc.
 */
import type { JsonSchema, LoadedSchema } from './schema-folder.js';
import { resolveRef, type SchemaLookup } from './refs.js';
import { isObject, jsonType, numberKeyword, propertiesOf, requiredOf, subschemas, typeAllows, typesOf } from './schema-walk.js';

interface Context {
  document: LoadedSchema;
  lookup: SchemaLookup;
  /** Schemas being expanded, to stop at a recursive `$ref`. */
  expanding: Set<object>;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** A type's text and its top-level operator, to know when it needs parentheses. */
export interface TsType {
  text: string;
  op: 'none' | 'union' | 'intersection';
}

const atom = (text: string): TsType => ({ text, op: 'none' });
const UNKNOWN = atom('unknown');

/** The TypeScript type of a schema's data. */
export function typeOfSchema(document: LoadedSchema, lookup: SchemaLookup): TsType {
  return typeOf(document.schema, { document, lookup, expanding: new Set() }, '');
}

/** True when the type is one object literal, so that it can be declared as an interface. */
export const isObjectLiteral = (type: TsType): boolean => type.op === 'none' && type.text.startsWith('{');

const paren = (type: TsType): string => (type.op === 'none' ? type.text : `(${type.text})`);

function union(types: TsType[]): TsType {
  const texts = [...new Set(types.map((type) => (type.op === 'intersection' ? paren(type) : type.text)))];
  if (texts.includes('unknown')) return UNKNOWN;
  return texts.length === 1 ? types.find((type) => type.text === texts[0]) ?? atom(texts[0] as string) : { text: texts.join(' | '), op: 'union' };
}

function intersection(types: TsType[]): TsType {
  const useful = types.filter((type) => type.text !== 'unknown');
  if (useful.length === 0) return UNKNOWN;
  if (useful.length === 1) return useful[0] as TsType;
  return { text: useful.map((type) => (type.op === 'union' ? paren(type) : type.text)).join(' & '), op: 'intersection' };
}

function typeOf(schema: JsonSchema | boolean, ctx: Context, indent: string): TsType {
  if (schema === true) return UNKNOWN;
  if (schema === false) return atom('never');
  if (typeof schema.$ref === 'string') return refType(schema.$ref, ctx, indent);
  const parts: TsType[] = [baseType(schema, ctx, indent)];
  for (const part of subschemas(schema, 'allOf')) parts.push(typeOf(part, ctx, indent));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = subschemas(schema, keyword).map((branch) => typeOf(branch, ctx, indent));
    // A branch that only adds constraints (e.g. `required`) does not narrow the type.
    if (branches.length > 0) parts.push(union(branches));
  }
  return intersection(parts);
}

function refType(ref: string, ctx: Context, indent: string): TsType {
  const target = resolveRef(ref, ctx.document, ctx.lookup);
  if (target === 'meta-schema') return atom('{ [key: string]: unknown }');
  if (typeof target.schema === 'boolean') return target.schema ? UNKNOWN : atom('never');
  if (ctx.expanding.has(target.schema)) return UNKNOWN; // A recursive schema: typed one level deep.
  ctx.expanding.add(target.schema);
  try {
    return typeOf(target.schema, { ...ctx, document: target.document }, indent);
  } finally {
    ctx.expanding.delete(target.schema);
  }
}

/** The type from `type`, `enum`, `const` and the object/array keywords (not the combinators). */
function baseType(schema: JsonSchema, ctx: Context, indent: string): TsType {
  const types = typesOf(schema);
  const literals = literalValues(schema);
  if (literals) {
    const allowed = types ? literals.filter((value) => typeAllows(types, jsonType(value))) : literals;
    if (allowed.every((value) => value === null || typeof value !== 'object')) {
      return allowed.length === 0 ? atom('never') : union(allowed.map((value) => atom(JSON.stringify(value))));
    }
  }
  if (!types) return UNKNOWN;
  return union(
    types.map((type) => {
      switch (type) {
        case 'string':
          return atom('string');
        case 'integer':
        case 'number':
          return atom('number');
        case 'boolean':
          return atom('boolean');
        case 'null':
          return atom('null');
        case 'array':
          return arrayType(schema, ctx, indent);
        case 'object':
          return objectType(schema, ctx, indent);
        default:
          return UNKNOWN; // Not a JSON Schema type: the validator rejects nothing for it either.
      }
    }),
  );
}

function literalValues(schema: JsonSchema): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function arrayType(schema: JsonSchema, ctx: Context, indent: string): TsType {
  const items = schema.items;
  if (Array.isArray(items)) {
    // Draft-04 tuple form: the listed positions, then anything (unless additionalItems is false).
    const positions = items.map((item) => typeOf(isObject(item) || typeof item === 'boolean' ? item : true, ctx, indent));
    const rest = schema.additionalItems === false ? '' : ', ...unknown[]';
    return atom(`readonly [${positions.map((type) => `${paren(type)}?`).join(', ')}${rest}]`);
  }
  const item = isObject(items) || typeof items === 'boolean' ? typeOf(items, ctx, indent) : UNKNOWN;
  return atom(`readonly ${paren(item)}[]`);
}

function objectType(schema: JsonSchema, ctx: Context, indent: string): TsType {
  const inner = `${indent}  `;
  const required = new Set(requiredOf(schema));
  const lines: string[] = [];
  const properties = propertiesOf(schema);
  for (const [name, property] of properties) {
    const doc = docComment(property, inner);
    if (doc) lines.push(doc);
    lines.push(`${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${typeOf(property, ctx, inner).text};`);
  }
  // Required names without a property schema still must be present (with any value).
  for (const name of required) {
    if (!properties.some(([known]) => known === name)) lines.push(`${inner}${propertyKey(name)}: unknown;`);
  }
  const closed = schema.additionalProperties === false && !isObject(schema.patternProperties);
  if (!closed) lines.push(`${inner}[key: string]: unknown;`);
  if (lines.length === 0) return atom('{ [key: string]: never }');
  return atom(`{\n${lines.join('\n')}\n${indent}}`);
}

/** `/** description + limits *\/` for a property or a whole schema, or `''` when there is nothing to say. */
export function docComment(schema: JsonSchema | boolean, indent: string): string {
  if (typeof schema === 'boolean') return '';
  const lines: string[] = [];
  if (typeof schema.description === 'string' && schema.description.trim()) lines.push(...schema.description.trim().split(/\r?\n/));
  const limits = limitsOf(schema);
  if (limits.length) lines.push(...(lines.length ? [''] : []), ...limits);
  if (lines.length === 0) return '';
  const safe = lines.map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
  if (safe.length === 1) return `${indent}/** ${safe[0]} */`;
  return [`${indent}/**`, ...safe.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join('\n');
}

function limitsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  const say = (text: string) => out.push(text);
  const types = typesOf(schema) ?? [];
  if (types.includes('integer')) say('An integer.');
  if (typeof schema.format === 'string') say(`Format: \`${schema.format}\` (a string).`);
  const n = (keyword: string) => numberKeyword(schema, keyword);
  const count = (value: number, word: string) => `${value} ${word}${value === 1 ? '' : 's'}`;
  if (n('minLength') !== undefined) say(`At least ${count(n('minLength') as number, 'character')}.`);
  if (n('maxLength') !== undefined) say(`At most ${count(n('maxLength') as number, 'character')}.`);
  if (typeof schema.pattern === 'string') say(`Matches \`${schema.pattern.replace(/`/g, '\\`')}\`.`);
  const exclusive = (keyword: 'exclusiveMinimum' | 'exclusiveMaximum') => schema[keyword] === true;
  if (n('minimum') !== undefined) say(`Minimum: ${n('minimum')}${exclusive('exclusiveMinimum') ? ' (exclusive)' : ''}.`);
  if (n('exclusiveMinimum') !== undefined) say(`Minimum: ${n('exclusiveMinimum')} (exclusive).`);
  if (n('maximum') !== undefined) say(`Maximum: ${n('maximum')}${exclusive('exclusiveMaximum') ? ' (exclusive)' : ''}.`);
  if (n('exclusiveMaximum') !== undefined) say(`Maximum: ${n('exclusiveMaximum')} (exclusive).`);
  if (n('multipleOf') !== undefined) say(`A multiple of ${n('multipleOf')}.`);
  if (n('minItems') !== undefined) say(`At least ${count(n('minItems') as number, 'item')}.`);
  if (n('maxItems') !== undefined) say(`At most ${count(n('maxItems') as number, 'item')}.`);
  if (schema.uniqueItems === true) say('Items are unique.');
  if (n('minProperties') !== undefined) say(`At least ${count(n('minProperties') as number, 'field')}.`);
  if (n('maxProperties') !== undefined) say(`At most ${count(n('maxProperties') as number, 'field')}.`);
  return out;
}
