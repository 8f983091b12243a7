/** From schema folders (and registries) and a plan to the generated files. */
import { CodegenError } from './errors.js';
import { family, igluUri, type SchemaKey } from './iglu.js';
import { declarationCode, moduleCode, type ModuleSchema } from './module.js';
import { assignNames, constantCase } from './naming.js';
import { selectSchemas, type Plan, type ValidateMode } from './plan.js';
import { loadSchemas } from './sources.js';
import { typeOfSchema } from './ts-types.js';
import { typesOf } from './schema-walk.js';
import { ValidatorBuilder } from './validator.js';
import { CODEGEN_VERSION } from './version.js';

export interface GenerateOptions {
  /** Iglu folders, searched in order (the first holding a schema wins). */
  schemaDirs: string[];
  /** An Iglu resolver config file whose HTTP registries are asked for schemas the folders lack. @defaultValue none */
  resolver?: string | undefined;
  /** What to generate. @defaultValue the newest version of every schema found */
  plan?: Plan | undefined;
  /** @defaultValue `false` */
  validate?: ValidateMode | undefined;
  /** `'ts'`: one TypeScript module; `'js'`: a JavaScript module and its `.d.ts`. @defaultValue `'ts'` */
  format?: 'ts' | 'js' | undefined;
  /** Module the SDK types are imported from. @defaultValue `'isotrack'` */
  importFrom?: string | undefined;
  /** Milliseconds a registry has to answer. @defaultValue `5000` */
  registryTimeoutMs?: number | undefined;
}

/** One generated schema, as `--json` prints it. */
export interface GeneratedEntry {
  schema: string;
  name: string;
  type: string;
  /** `null` for a schema whose data is not a JSON object (e.g. an array), which cannot be tracked. */
  track: string | null;
  create: string | null;
  constant: string;
}

export interface GenerateResult {
  /** The module (`.ts` or `.js`). */
  code: string;
  /** The `.d.ts` of a `.js` module. */
  declarations?: string | undefined;
  entries: GeneratedEntry[];
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const plan: Plan = options.plan ?? { schemaDirs: [], include: [] };
  const dirs = [...options.schemaDirs, ...plan.schemaDirs];
  const resolver = options.resolver ?? plan.resolver;
  if (dirs.length === 0 && !resolver) throw new CodegenError('no schemas: give --schemas DIR (or "schemaDirs" in the plan file) or --resolver FILE');
  const wanted = plan.include.filter((entry) => entry.schema.startsWith('iglu:')).map((entry) => entry.schema);
  const store = await loadSchemas({ dirs, resolver, wanted, timeoutMs: options.registryTimeoutMs ?? 5000 });
  const { keys, names: overrides } = selectSchemas({ ...plan, resolver }, store.keys());
  const names = assignNames(keys, overrides);
  const validate = options.validate ?? plan.validate ?? false;
  const validators = new ValidatorBuilder(store.lookup);
  const schemas: ModuleSchema[] = keys.map((key: SchemaKey) => {
    const uri = igluUri(key);
    const document = store.lookup(uri);
    if (!document) throw new CodegenError(`${uri} disappeared while generating`);
    const name = names.get(uri) as string;
    // A self-describing event's or entity's data is a JSON object (the SDK checks it):
    // a schema of arrays (e.g. the protocol's own `contexts`) gets its type, no functions.
    const types = typesOf(document.schema);
    const trackable = !types || types.includes('object');
    const dataSchema = types && types.length > 1 && trackable ? { ...document.schema, type: 'object' } : document.schema;
    return {
      trackable,
      uri,
      family: family(key),
      version: key.version,
      name,
      constant: `${constantCase(name)}_SCHEMA`,
      schema: document.schema,
      type: typeOfSchema({ ...document, schema: dataSchema }, store.lookup),
      check: validate && trackable ? validators.root(document) : null,
    };
  });
  const input = { schemas, validate, validatorCode: validate ? validators.code(true) : '', importFrom: options.importFrom ?? 'isotrack', version: CODEGEN_VERSION };
  const js = options.format === 'js';
  const code = js ? moduleCode({ ...input, validatorCode: validate ? validators.code(false) : '' }, false) : moduleCode(input, true);
  return {
    code,
    declarations: js ? declarationCode(input) : undefined,
    entries: schemas.map((item) => ({
      schema: item.uri,
      name: item.name,
      type: item.name,
      track: item.trackable ? `track${item.name}` : null,
      create: item.trackable ? `create${item.name}` : null,
      constant: item.constant,
    })),
  };
}
