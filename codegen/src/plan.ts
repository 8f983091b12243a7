/**
 * The plan file (`isotrack.codegen.json`): which schemas to generate, and optionally
 * where they live and where the module goes. The dev collector reads the same file to
 * show tracking-plan coverage. Paths inside it are relative to the file.
 *
 * ```json
 * {
 *   "schemaDirs": ["./schemas"],
 *   "out": "src/tracking.ts",
 *   "validate": true,
 *   "include": [
 *     "com.acme/checkout_started",
 *     "iglu:com.acme/cart/jsonschema/1-0-0",
 *     { "schema": "com.acme/product", "name": "ProductEntity" },
 *     "com.snowplowanalytics.snowplow/*"
 *   ]
 * }
 * ```
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CodegenError } from './errors.js';
import { compareVersions, family, igluUri, type SchemaKey } from './iglu.js';
import { isObject } from './schema-walk.js';

/** `false`: no validator; `true`: in development builds only; `'always'`: in every build. */
export type ValidateMode = boolean | 'always';

export interface PlanEntry {
  /**
   * `iglu:vendor/name/jsonschema/M-R-A` (that version), `vendor/name` (its newest
   * version), `vendor/*` (the newest of each schema of the vendor) or `*` (everything).
   */
  schema: string;
  /** The `<Name>` of its exports, instead of the one the naming rule gives. */
  name?: string;
}

export interface Plan {
  /** The plan file, for messages; `undefined` when there is none. */
  file?: string | undefined;
  /** Schema folders, absolute. */
  schemaDirs: string[];
  resolver?: string | undefined;
  out?: string | undefined;
  validate?: ValidateMode | undefined;
  /** Generate every version, not only the newest, of what a pattern entry selects. @defaultValue `false` */
  allVersions?: boolean | undefined;
  /** What to generate. @defaultValue the newest version of every schema found */
  include: PlanEntry[];
}

export function readPlan(file: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CodegenError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such plan file' : `not valid JSON (${(error as Error).message})`}`);
  }
  const fail = (why: string): never => {
    throw new CodegenError(`${file}: ${why}`);
  };
  if (!isObject(json)) fail('a plan file is a JSON object');
  const plan = json as Record<string, unknown>;
  const base = dirname(resolve(file));
  const stringList = (key: string): string[] => {
    const value = plan[key] ?? [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) fail(`"${key}" must be a list of strings`);
    return value as string[];
  };
  const optionalString = (key: string): string | undefined => {
    const value = plan[key];
    if (value !== undefined && typeof value !== 'string') fail(`"${key}" must be a string`);
    return value === undefined ? undefined : resolve(base, value as string);
  };
  const validate = plan.validate;
  if (validate !== undefined && typeof validate !== 'boolean' && validate !== 'always') fail('"validate" must be true, false or "always"');
  if (plan.allVersions !== undefined && typeof plan.allVersions !== 'boolean') fail('"allVersions" must be true or false');
  const include = (Array.isArray(plan.include) ? plan.include : plan.include === undefined ? [] : fail('"include" must be a list')) as unknown[];
  const entries = include.map((entry, index): PlanEntry => {
    if (typeof entry === 'string') return { schema: checkPattern(entry, fail, index) };
    if (isObject(entry) && typeof entry.schema === 'string') {
      if (entry.name !== undefined && (typeof entry.name !== 'string' || !/^[A-Z][A-Za-z0-9_]*$/.test(entry.name))) {
        fail(`include[${index}].name must be a PascalCase identifier, got ${JSON.stringify(entry.name)}`);
      }
      return { schema: checkPattern(entry.schema, fail, index), ...(typeof entry.name === 'string' && { name: entry.name }) };
    }
    return fail(`include[${index}] must be a schema string or {"schema": "...", "name": "..."}`);
  });
  return {
    file,
    schemaDirs: stringList('schemaDirs').map((dir) => resolve(base, dir)),
    resolver: optionalString('resolver'),
    out: optionalString('out'),
    validate: validate as ValidateMode | undefined,
    allVersions: plan.allVersions as boolean | undefined,
    include: entries,
  };
}

const PATTERN = /^(iglu:[a-zA-Z0-9-_.]+\/[a-zA-Z0-9-_]+\/jsonschema\/[0-9]+-[0-9]+-[0-9]+|[a-zA-Z0-9-_.]+\/([a-zA-Z0-9-_]+|\*)|\*)$/;

function checkPattern(text: string, fail: (why: string) => never, index: number): string {
  if (!PATTERN.test(text)) {
    fail(`include[${index}] ${JSON.stringify(text)} is not "iglu:vendor/name/jsonschema/M-R-A", "vendor/name", "vendor/*" or "*"`);
  }
  return text;
}

/** Does a plan pattern select this schema (ignoring "newest")? */
export function matches(pattern: string, key: SchemaKey): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('iglu:')) return pattern === igluUri(key);
  const [vendor, name] = pattern.split('/');
  return vendor === key.vendor && (name === '*' || name === key.name);
}

/**
 * The schemas a plan selects among those available, in a stable order, with name
 * overrides. An exact URI that is not available is an error naming it.
 */
export function selectSchemas(plan: Plan, available: SchemaKey[]): { keys: SchemaKey[]; names: Map<string, string> } {
  const entries = plan.include.length > 0 ? plan.include : [{ schema: '*' }];
  const chosen = new Map<string, SchemaKey>();
  const names = new Map<string, string>();
  const newest = newestOfEachFamily(available);
  for (const entry of entries) {
    const exact = entry.schema.startsWith('iglu:');
    const pool = exact || plan.allVersions ? available : newest;
    const hits = pool.filter((key) => matches(entry.schema, key));
    if (hits.length === 0) {
      throw new CodegenError(`${plan.file ?? 'the command line'}: ${entry.schema} matches no schema in the schema folders${plan.resolver ? ' or registries' : ''}`);
    }
    for (const key of hits) {
      chosen.set(igluUri(key), key);
      if (entry.name !== undefined) {
        if (hits.length > 1) throw new CodegenError(`${plan.file ?? 'the plan'}: "name" ${entry.name} is given to ${entry.schema}, which selects ${hits.length} schemas`);
        names.set(igluUri(key), entry.name);
      }
    }
  }
  const byFamily = (a: SchemaKey, b: SchemaKey) => (family(a) < family(b) ? -1 : family(a) > family(b) ? 1 : 0);
  const keys = [...chosen.values()].sort((a, b) => byFamily(a, b) || compareVersions(a.version, b.version));
  return { keys, names };
}

function newestOfEachFamily(keys: SchemaKey[]): SchemaKey[] {
  const newest = new Map<string, SchemaKey>();
  for (const key of keys) {
    const current = newest.get(family(key));
    if (!current || compareVersions(key.version, current.version) > 0) newest.set(family(key), key);
  }
  return [...newest.values()];
}
