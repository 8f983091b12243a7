// Property-based samples of JSON Schemas: fast-check arbitraries built from a schema's
// keywords, for the "a valid sample arrives good" checks. They aim at valid data; the
// caller keeps only samples the generated validator accepts, and the dev collector
// (ajv, an independent implementation) is the judge.
import fc from 'fast-check';

type Schema = Record<string, unknown>;
/** Resolves a `$ref` inside or across schemas (the codegen's own resolution). */
export type RefResolver = (ref: string, document: Schema) => { schema: Schema | boolean; document: Schema } | 'meta-schema';

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const SMALL = 1_000_000;

/** An arbitrary of (mostly) valid instances of `schema`. */
export function arbitraryOf(schema: Schema | boolean, document: Schema, resolve: RefResolver, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true || depth > 8) return fc.constant({});
  if (schema === false) return fc.constant(undefined);
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref, document);
    if (target === 'meta-schema') return fc.constant({ type: 'string' });
    return arbitraryOf(target.schema, target.document, resolve, depth + 1);
  }
  const allOf = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  if (allOf.length) {
    const { allOf: _, ...rest } = schema;
    // A `$ref` branch is merged as what it points at (the meta-schema: any object).
    const parts = allOf.map((part) => {
      if (typeof part.$ref !== 'string') return part;
      const target = resolve(part.$ref, document);
      return target === 'meta-schema' ? { type: 'object' } : isObject(target.schema) ? target.schema : {};
    });
    return arbitraryOf(parts.reduce(merge, rest), document, resolve, depth);
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]).filter(isObject) : [];
    if (branches.length) {
      const { [keyword]: _, ...rest } = schema;
      return fc.oneof(...branches.map((branch) => arbitraryOf(merge(rest, branch), document, resolve, depth + 1)));
    }
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) {
    const types = typesOf(schema);
    const values = types ? schema.enum.filter((value) => types.some((type) => fits(type, value))) : schema.enum;
    return fc.constantFrom(...(values.length ? values : schema.enum));
  }
  // A self-describing event's data is an object: a root that says nothing more gets objects.
  const types = typesOf(schema) ?? (depth === 0 ? ['object'] : inferTypes(schema));
  return fc.oneof(...types.map((type) => ofType(type, schema, document, resolve, depth)));
}

function fits(type: string, value: unknown): boolean {
  if (type === 'null') return value === null;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  return typeof value === type;
}

function typesOf(schema: Schema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? (schema.type as string[]) : undefined;
}

function inferTypes(schema: Schema): string[] {
  if (schema.properties || schema.required || schema.patternProperties) return ['object'];
  if (schema.items) return ['array'];
  if (schema.pattern || schema.format || schema.maxLength !== undefined) return ['string'];
  return ['string'];
}

/** A branch of anyOf/oneOf/allOf applied over its parent: its keywords win, objects' properties and required add up. */
function merge(parent: Schema, branch: Schema): Schema {
  const out: Schema = { ...parent, ...branch };
  if (isObject(parent.properties) && isObject(branch.properties)) {
    const properties: Schema = { ...parent.properties };
    for (const [name, sub] of Object.entries(branch.properties)) {
      properties[name] = isObject(properties[name]) && isObject(sub) ? { ...(properties[name] as Schema), ...sub } : sub;
    }
    out.properties = properties;
  }
  if (Array.isArray(parent.required) || Array.isArray(branch.required)) {
    out.required = [...new Set([...((parent.required as string[]) ?? []), ...((branch.required as string[]) ?? [])])];
  }
  if (parent.type && branch.type) {
    const a = typeof parent.type === 'string' ? [parent.type] : (parent.type as string[]);
    const b = typeof branch.type === 'string' ? [branch.type] : (branch.type as string[]);
    const both = a.filter((type) => b.includes(type) || (type === 'integer' && b.includes('number')) || (type === 'number' && b.includes('integer') && false));
    out.type = both.length ? both : b;
  }
  return out;
}

function num(schema: Schema, keyword: string): number | undefined {
  return typeof schema[keyword] === 'number' ? (schema[keyword] as number) : undefined;
}

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  'date-time': () => fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  date: () => fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  uuid: () => fc.uuid(),
  uri: () => fc.constantFrom('https://example.com/', 'https://shop.example/cart?item=1', 'http://127.0.0.1:8080/x'),
  email: () => fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.com$/),
  hostname: () => fc.stringMatching(/^[a-z]{1,10}\.example$/),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.constantFrom('::1', '2001:db8::1', 'fe80::1:2:3:4'),
};

function ofType(type: string, schema: Schema, document: Schema, resolve: RefResolver, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return numberArb(type, schema);
    case 'string':
      return stringArb(schema);
    case 'array':
      return arrayArb(schema, document, resolve, depth);
    case 'object':
      return objectArb(schema, document, resolve, depth);
    default:
      return fc.constant(null);
  }
}

function numberArb(type: string, schema: Schema): fc.Arbitrary<number> {
  const excl = (keyword: string) => schema[keyword] === true;
  let min = num(schema, 'minimum') ?? num(schema, 'exclusiveMinimum') ?? -SMALL;
  let max = num(schema, 'maximum') ?? num(schema, 'exclusiveMaximum') ?? SMALL;
  const exclusiveMin = excl('exclusiveMinimum') || num(schema, 'exclusiveMinimum') !== undefined;
  const exclusiveMax = excl('exclusiveMaximum') || num(schema, 'exclusiveMaximum') !== undefined;
  min = Math.max(min, -SMALL * 1000);
  max = Math.min(max, SMALL * 1000);
  const step = num(schema, 'multipleOf');
  if (type === 'integer' || step !== undefined) {
    const unit = step ?? 1;
    let lo = Math.ceil(min / unit);
    let hi = Math.floor(max / unit);
    if (exclusiveMin && lo * unit === min) lo++;
    if (exclusiveMax && hi * unit === max) hi--;
    if (lo > hi) return fc.constant(lo * unit);
    return fc.integer({ min: lo, max: hi }).map((k) => (type === 'integer' ? k * unit : Number((k * unit).toPrecision(12))));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: exclusiveMin, maxExcluded: exclusiveMax }).map((value) => (Object.is(value, -0) ? 0 : value));
}

function stringArb(schema: Schema): fc.Arbitrary<string> {
  const minLength = num(schema, 'minLength') ?? 0;
  const maxLength = num(schema, 'maxLength');
  const length = (value: string) => [...value].length;
  const fitsLength = (value: string) => length(value) >= minLength && (maxLength === undefined || length(value) <= maxLength);
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (typeof schema.pattern === 'string') {
    let regex: RegExp;
    try {
      regex = new RegExp(schema.pattern, 'u');
    } catch {
      regex = new RegExp(schema.pattern);
    }
    return fc.stringMatching(regex, { maxLength: Math.min(maxLength ?? 40, 40) }).filter((value) => fitsLength(value) && (!format || true));
  }
  if (format) return format().filter(fitsLength);
  const cap = Math.max(minLength, Math.min(maxLength ?? 24, 24));
  return fc.string({ minLength, maxLength: cap });
}

function arrayArb(schema: Schema, document: Schema, resolve: RefResolver, depth: number): fc.Arbitrary<unknown[]> {
  const minItems = num(schema, 'minItems') ?? 0;
  const maxItems = Math.max(minItems, Math.min(num(schema, 'maxItems') ?? 3, 3));
  const items = schema.items;
  if (Array.isArray(items)) return fc.tuple(...items.map((item) => arbitraryOf(isObject(item) ? item : true, document, resolve, depth + 1)));
  const item = isObject(items) || typeof items === 'boolean' ? arbitraryOf(items, document, resolve, depth + 1) : fc.string();
  if (schema.uniqueItems === true) return fc.uniqueArray(item, { minLength: minItems, maxLength: maxItems, selector: (value) => JSON.stringify(value) });
  return fc.array(item, { minLength: minItems, maxLength: maxItems });
}

function objectArb(schema: Schema, document: Schema, resolve: RefResolver, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const minProperties = num(schema, 'minProperties') ?? 0;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (isObject(sub) || typeof sub === 'boolean') model[name] = arbitraryOf(sub, document, resolve, depth + 1);
  }
  for (const name of required) model[name] ??= fc.constant('x');
  const names = Object.keys(model);
  // Enough keys for minProperties: all of them are then required.
  const requiredKeys = minProperties > required.length ? names : required;
  const record = fc.record(model, { requiredKeys });
  if (names.length === 0 && isObject(schema.patternProperties) && minProperties > 0) {
    const [pattern, sub] = Object.entries(schema.patternProperties)[0] ?? [];
    if (pattern && (isObject(sub) || typeof sub === 'boolean')) {
      return fc.dictionary(fc.stringMatching(new RegExp(pattern), { maxLength: 20 }), arbitraryOf(sub, document, resolve, depth + 1), { minKeys: minProperties, maxKeys: minProperties + 1 });
    }
  }
  return record;
}
