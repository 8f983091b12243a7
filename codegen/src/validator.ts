/**
 * JSON Schema → validator code: one small function per distinct subschema, each
 * returning `undefined` (valid) or a message naming the failing field
 * (`data.items[2].price must be at least 0`). Nothing interprets a schema at run time:
 * the keywords are compiled to plain `if`s, identical functions are shared, and only
 * the helpers some check uses are emitted. The generated module calls them behind a
 * `NODE_ENV` guard, so a production bundle drops all of them.
 *
 * Semantics follow the JSON payload that goes on the wire: a property whose value is
 * `undefined` is absent (JSON.stringify drops it), so it does not satisfy `required`.
 */
import type { JsonSchema, LoadedSchema } from './schema-folder.js';
import { resolveRef, type SchemaLookup } from './refs.js';
import { isObject, isSchema, numberKeyword, propertiesOf, requiredOf, subschemas, typesOf } from './schema-walk.js';
import { FORMATS, HELPERS, keepTypes, stripTypes } from './validator-helpers.js';

const str = (value: unknown): string => JSON.stringify(value);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Collects the check functions of every schema of one generated module. */
export class ValidatorBuilder {
  private readonly bodies = new Map<string, string>();
  private readonly functions: string[] = [];
  private readonly compiled = new Map<object, string | null>();
  private readonly helpers = new Set<string>(['$validate']);
  private readonly roots = new Set<string>();
  private counter = 0;

  constructor(private readonly lookup: SchemaLookup) {}

  /** The check function for a whole schema; `null` when the schema accepts anything. */
  root(document: LoadedSchema): string | null {
    const name = this.compile(document.schema, document);
    if (name) this.roots.add(name);
    return name;
  }

  /** Every function and helper, in TypeScript (or JavaScript when `typed` is false). */
  code(typed: boolean): string {
    const functions = this.reachable();
    const used = new Set(functions.flatMap((code) => code.match(/\$[a-zA-Z0-9]+(?=\()/g) ?? []));
    const helpers = [...this.withDependencies()].filter((name) => name === '$validate' || used.has(name) || [...used].some((user) => HELPERS[user]?.uses?.includes(name)));
    const text = [...helpers.sort().map((name) => HELPERS[name]?.code ?? ''), ...functions].join('\n');
    return typed ? keepTypes(text) : stripTypes(text);
  }

  /** The check functions some root calls, directly or not: a `$ref` or an `anyOf` with an always-true branch may leave others unused. */
  private reachable(): string[] {
    const byName = new Map(this.functions.map((code) => [/^function (\$check\d+)/.exec(code)?.[1] ?? '', code]));
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || !byName.has(name)) return;
      seen.add(name);
      for (const callee of byName.get(name)?.match(/\$check\d+/g) ?? []) visit(callee);
    };
    for (const root of this.roots) visit(root);
    return this.functions.filter((code) => seen.has(/^function (\$check\d+)/.exec(code)?.[1] ?? ''));
  }

  private withDependencies(): Set<string> {
    const all = new Set<string>();
    const add = (name: string) => {
      if (all.has(name)) return;
      all.add(name);
      for (const dep of HELPERS[name]?.uses ?? []) add(dep);
    };
    for (const name of this.helpers) add(name);
    return all;
  }

  private use(helper: string): string {
    this.helpers.add(helper);
    return helper;
  }

  private compile(schema: JsonSchema | boolean, document: LoadedSchema): string | null {
    if (schema === true) return null;
    const key = typeof schema === 'object' ? schema : null;
    if (key && this.compiled.has(key)) return this.compiled.get(key) ?? null;
    // Reserve a name first, so that a recursive $ref calls the function being built.
    const name = `$check${++this.counter}`;
    if (key) this.compiled.set(key, name);
    const statements = schema === false ? ['return p + " is not allowed";'] : this.statements(schema, document);
    if (statements.length === 0) {
      if (key) this.compiled.set(key, null);
      return null;
    }
    const body = statements.map((line) => `  ${line}`).join('\n');
    const existing = this.bodies.get(body);
    if (existing && !body.includes(name)) {
      if (key) this.compiled.set(key, existing);
      return existing;
    }
    this.bodies.set(body, name);
    this.functions.push(`function ${name}(v⟨: any⟩, p⟨: string⟩)⟨: string | undefined⟩ {\n${body}\n  return undefined;\n}`);
    return name;
  }

  private statements(schema: JsonSchema, document: LoadedSchema): string[] {
    if (typeof schema.$ref === 'string') {
      // Draft-04: a $ref replaces its siblings.
      const target = resolveRef(schema.$ref, document, this.lookup);
      if (target === 'meta-schema') return [`if (!${this.use('$isObject')}(v) && typeof v !== "boolean") return p + " must be a JSON Schema (an object)" + ${this.use('$got')}(v);`];
      const fn = this.compile(target.schema, target.document);
      return fn ? [`return ${fn}(v, p);`] : [];
    }
    const out: string[] = [];
    const types = typesOf(schema);
    if (types && types.length > 0) {
      const conditions = types.map((type) => this.typeTest(type));
      if (!conditions.includes('true')) {
        out.push(`if (!(${conditions.join(' || ')})) return p + " must be ${describeTypes(types)}" + ${this.use('$got')}(v);`);
      }
    }
    if ('const' in schema) out.push(`if (!${this.member(schema.const === null || typeof schema.const !== 'object', [schema.const])}) return p + ${str(` must be ${str(schema.const)}`)} + ${this.use('$got')}(v);`);
    if (Array.isArray(schema.enum)) {
      const values = schema.enum;
      const primitive = values.every((value) => value === null || typeof value !== 'object');
      const shown = values.map((value) => str(value)).join(', ');
      out.push(`if (!${this.member(primitive, values)}) return p + ${str(` must be one of ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}`)} + ${this.use('$got')}(v);`);
    }
    // When `type` already allows only one kind of value, its checks need no guard of their own.
    const only = (...kinds: string[]) => types !== undefined && types.length > 0 && types.every((type) => kinds.includes(type));
    this.block(out, only('string') ? null : 'typeof v === "string"', this.stringChecks(schema));
    this.block(out, only('number', 'integer') ? null : 'typeof v === "number"', this.numberChecks(schema));
    this.block(out, only('array') ? null : 'Array.isArray(v)', this.arrayChecks(schema, document));
    this.block(out, only('object') ? null : `${this.use('$isObject')}(v)`, this.objectChecks(schema, document));
    for (const part of subschemas(schema, 'allOf')) {
      const fn = this.compile(part, document);
      if (fn) out.push(`{ const e = ${fn}(v, p); if (e !== undefined) return e; }`);
    }
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = subschemas(schema, keyword).map((branch) => this.compile(branch, document));
      if (branches.length === 0) continue;
      if (keyword === 'anyOf' && branches.includes(null)) continue; // A branch accepts anything.
      const calls = branches.map((fn) => (fn ? `${fn}(v, p)` : 'undefined')).join(', ');
      if (keyword === 'anyOf') {
        out.push(`{ const es = [${calls}]; if (!es.includes(undefined)) return p + " matches none of its anyOf schemas (" + es.join("; ") + ")"; }`);
      } else {
        out.push(
          `{ const es = [${calls}]; const n = es.filter((e) => e === undefined).length; if (n !== 1) return p + (n === 0 ? " matches none of its oneOf schemas (" + es.join("; ") + ")" : " matches " + n + " of its oneOf schemas, exactly one is allowed"); }`,
        );
      }
    }
    if (isSchema(schema.not)) {
      const fn = this.compile(schema.not, document);
      out.push(`if (${fn ? `${fn}(v, p)` : 'undefined'} === undefined) return p + " must not match its \\"not\\" schema";`);
    }
    return out;
  }

  /** Adds `checks`, guarded by `condition` unless it is `null` (the type check above already ensures it). */
  private block(out: string[], condition: string | null, checks: string[]) {
    if (checks.length === 0) return;
    if (condition === null) out.push(...checks);
    else out.push(`if (${condition}) {`, ...checks.map((line) => `  ${line}`), '}');
  }

  private member(primitive: boolean, values: unknown[]): string {
    if (primitive) return `${str(values)}.includes(v)`;
    return `${str(values)}.some((x⟨: any⟩) => ${this.use('$equal')}(x, v))`;
  }

  private typeTest(type: string): string {
    switch (type) {
      case 'string':
        return 'typeof v === "string"';
      case 'number':
        return '(typeof v === "number" && Number.isFinite(v))';
      case 'integer':
        return 'Number.isInteger(v)';
      case 'boolean':
        return 'typeof v === "boolean"';
      case 'null':
        return 'v === null';
      case 'array':
        return 'Array.isArray(v)';
      case 'object':
        return `${this.use('$isObject')}(v)`;
      default:
        return 'true';
    }
  }

  private stringChecks(schema: JsonSchema): string[] {
    const out: string[] = [];
    const min = numberKeyword(schema, 'minLength');
    const max = numberKeyword(schema, 'maxLength');
    if (min !== undefined) out.push(`if (${this.use('$length')}(v) < ${min}) return p + " must be at least ${plural(min, 'character')} long";`);
    if (max !== undefined) out.push(`if (${this.use('$length')}(v) > ${max}) return p + " must be at most ${plural(max, 'character')} long";`);
    if (typeof schema.pattern === 'string') {
      const flags = regexFlags(schema.pattern);
      if (flags !== null) out.push(`if (!new RegExp(${str(schema.pattern)}${flags ? `, "${flags}"` : ''}).test(v)) return p + ${str(` must match ${schema.pattern}`)} + ${this.use('$got')}(v);`);
    }
    const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
    if (format) {
      for (const helper of format.match(/\$\w+/g) ?? []) this.use(helper);
      out.push(`if (!${format}) return p + ${str(` must be a ${schema.format}`)} + ${this.use('$got')}(v);`);
    }
    return out;
  }

  private numberChecks(schema: JsonSchema): string[] {
    const out: string[] = [];
    const n = (keyword: string) => numberKeyword(schema, keyword);
    const bound = (value: number | undefined, exclusive: boolean, op: string, word: string) => {
      if (value === undefined) return;
      out.push(`if (v ${exclusive ? `${op}=` : op} ${value}) return p + " must be ${exclusive ? (word === 'least' ? 'greater than' : 'less than') : `at ${word}`} ${value}" + ${this.use('$got')}(v);`);
    };
    bound(n('minimum'), schema.exclusiveMinimum === true, '<', 'least');
    bound(n('exclusiveMinimum'), true, '<', 'least');
    bound(n('maximum'), schema.exclusiveMaximum === true, '>', 'most');
    bound(n('exclusiveMaximum'), true, '>', 'most');
    const step = n('multipleOf');
    if (step !== undefined && step > 0) out.push(`if (!${this.use('$multiple')}(v, ${step})) return p + " must be a multiple of ${step}" + ${this.use('$got')}(v);`);
    return out;
  }

  private arrayChecks(schema: JsonSchema, document: LoadedSchema): string[] {
    const out: string[] = [];
    const min = numberKeyword(schema, 'minItems');
    const max = numberKeyword(schema, 'maxItems');
    if (min !== undefined) out.push(`if (v.length < ${min}) return p + " must have at least ${plural(min, 'item')}";`);
    if (max !== undefined) out.push(`if (v.length > ${max}) return p + " must have at most ${plural(max, 'item')}";`);
    if (schema.uniqueItems === true) {
      out.push(`for (let i = 1; i < v.length; i++) for (let j = 0; j < i; j++) if (${this.use('$equal')}(v[i], v[j])) return p + "[" + i + "] repeats " + p + "[" + j + "] (items must be unique)";`);
    }
    const items = schema.items;
    if (Array.isArray(items)) {
      items.forEach((item, index) => {
        const fn = isSchema(item) ? this.compile(item, document) : null;
        if (fn) out.push(`if (v.length > ${index}) { const e = ${fn}(v[${index}], p + "[${index}]"); if (e !== undefined) return e; }`);
      });
      if (schema.additionalItems === false) out.push(`if (v.length > ${items.length}) return p + " must have at most ${plural(items.length, 'item')}";`);
    } else if (isSchema(items)) {
      const fn = this.compile(items, document);
      if (fn) out.push(`for (let i = 0; i < v.length; i++) { const e = ${fn}(v[i], p + "[" + i + "]"); if (e !== undefined) return e; }`);
    }
    return out;
  }

  private objectChecks(schema: JsonSchema, document: LoadedSchema): string[] {
    const out: string[] = [];
    const field = (name: string) => `v[${str(name)}]`;
    // Tables walked by two helpers, rather than one `if` per field: shorter code, and
    // TypeScript checks it in linear time (a long chain of ifs is quadratic for it).
    const required = requiredOf(schema);
    if (required.length) out.push(`{ const e = ${this.use('$required')}(v, p, ${str(required)}); if (e !== undefined) return e; }`);
    const properties = propertiesOf(schema);
    const fields = properties.map(([name, property]) => [name, this.compile(property, document)] as const).filter(([, fn]) => fn);
    if (fields.length) out.push(`{ const e = ${this.use('$fields')}(v, p, [${fields.map(([name, fn]) => `[${str(name)}, ${fn}]`).join(', ')}]); if (e !== undefined) return e; }`);
    const patterns = isObject(schema.patternProperties)
      ? Object.entries(schema.patternProperties).filter(([pattern, sub]) => isSchema(sub) && regexFlags(pattern) !== null)
      : [];
    const extra = schema.additionalProperties;
    const patternChecks = patterns.map(([pattern, sub]) => ({ regex: `new RegExp(${str(pattern)}, "${regexFlags(pattern)}")`, fn: this.compile(sub as JsonSchema, document) }));
    const extraFn = extra === false ? 'false' : isSchema(extra) ? this.compile(extra, document) : null;
    if (extraFn) {
      // Every present field that no property or pattern names is "additional".
      const known = properties.map(([name]) => `k !== ${str(name)}`);
      const lines = ['for (const k of Object.keys(v)) {', '  if (v[k] === undefined) continue;'];
      for (const check of patternChecks) {
        lines.push(`  if (${check.regex}.test(k)) {${check.fn ? ` const e = ${check.fn}(v[k], p + "[" + JSON.stringify(k) + "]"); if (e !== undefined) return e;` : ''} continue; }`);
      }
      const unknown = known.length > 0 ? known.join(' && ') : 'true';
      if (extraFn === 'false') lines.push(`  if (${unknown}) return p + "." + k + " is not allowed (the schema lists no such field)";`);
      else lines.push(`  if (${unknown}) { const e = ${extraFn}(v[k], p + "[" + JSON.stringify(k) + "]"); if (e !== undefined) return e; }`);
      lines.push('}');
      out.push(...lines);
    } else if (patternChecks.some((check) => check.fn)) {
      const lines = ['for (const k of Object.keys(v)) {', '  if (v[k] === undefined) continue;'];
      for (const check of patternChecks) {
        if (check.fn) lines.push(`  if (${check.regex}.test(k)) { const e = ${check.fn}(v[k], p + "[" + JSON.stringify(k) + "]"); if (e !== undefined) return e; }`);
      }
      lines.push('}');
      out.push(...lines);
    }
    const minP = numberKeyword(schema, 'minProperties');
    const maxP = numberKeyword(schema, 'maxProperties');
    if (minP !== undefined) out.push(`if (${this.use('$count')}(v) < ${minP}) return p + " must have at least ${plural(minP, 'field')}";`);
    if (maxP !== undefined) out.push(`if (${this.use('$count')}(v) > ${maxP}) return p + " must have at most ${plural(maxP, 'field')}";`);
    if (isObject(schema.dependencies)) {
      for (const [name, dependency] of Object.entries(schema.dependencies)) {
        if (Array.isArray(dependency)) {
          for (const needed of dependency.filter((d): d is string => typeof d === 'string')) {
            out.push(`if (${field(name)} !== undefined && ${field(needed)} === undefined) return p + ${str(` has ${str(name)}, so it needs ${str(needed)} too`)};`);
          }
        } else if (isSchema(dependency)) {
          const fn = this.compile(dependency, document);
          if (fn) out.push(`if (${field(name)} !== undefined) { const e = ${fn}(v, p); if (e !== undefined) return e; }`);
        }
      }
    }
    return out;
  }
}

/** `"u"` when the pattern compiles as a Unicode regex (as JSON Schema intends), `""` if only without, `null` if never. */
function regexFlags(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
    return 'u';
  } catch {
    try {
      new RegExp(pattern);
      return '';
    } catch {
      return null;
    }
  }
}

function describeTypes(types: string[]): string {
  const words: Record<string, string> = { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', null: 'null', array: 'an array', object: 'an object' };
  const list = types.map((type) => words[type] ?? type);
  return list.length === 1 ? (list[0] as string) : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

