#!/usr/bin/env node
/** `isotrack-codegen`: typed tracking code from Iglu schemas. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diffModules } from './diff.js';
import { CodegenError } from './errors.js';
import { generate, type GenerateResult } from './generate.js';
import { readPlan, type Plan, type ValidateMode } from './plan.js';
import { CODEGEN_VERSION } from './version.js';

const HELP = `Usage: isotrack-codegen --schemas <dir> --out <file> [options]

Generates typed tracking functions for isotrack from Iglu JSON Schemas: for every
schema a data type, track<Name>(tracker, data, options?), create<Name>(data) and
the <NAME>_SCHEMA constant.

Options:
  --schemas <dir>      Iglu folder (<vendor>/<name>/jsonschema/<M-R-A>, files with or
                       without .json). Repeat for several; the first holding a schema
                       wins.
  --resolver <file>    Iglu resolver config (as the dev collector and Enrich read it);
                       its HTTP registries are asked for the exact schema URIs the plan
                       lists and for $refs the folders lack.
  --config <file>      Plan file. Default: ./isotrack.codegen.json when it exists
                       (without one: the newest version of every schema found).
  --out <file>         Module to write: a .ts file, or a .js file written with its .d.ts.
  --validate           Add a validator per schema that throws a TypeError naming the
                       field, in development builds only (NODE_ENV !== 'production').
  --validate-always    Validate in every build, production included.
  --all-versions       Generate every version of the selected schemas, not the newest.
  --import-from <mod>  Module the SDK types come from. Default: isotrack
  --check              Write nothing; exit 1 when --out is missing or differs from what
                       the schemas give, listing the schemas that changed.
  --json               Print the generated names and schema URIs as JSON.
  -v, --version        Print the version.
  -h, --help           Show this help.

Exit status: 0 done, 1 --check found a difference, 2 bad input (the message names the
file and the problem; nothing is written).
`;

function usage(message: string): never {
  process.stderr.write(`isotrack-codegen: ${message}\n\nRun isotrack-codegen --help for the options.\n`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      options: {
        schemas: { type: 'string', multiple: true },
        resolver: { type: 'string' },
        config: { type: 'string' },
        out: { type: 'string' },
        validate: { type: 'boolean' },
        'validate-always': { type: 'boolean' },
        'all-versions': { type: 'boolean' },
        'import-from': { type: 'string' },
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usage((error as Error).message);
  }
}

/** Writes through a temporary file and a rename, so that a reader never sees half a module. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CodegenError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

const read = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

function outputs(out: string, result: GenerateResult): [string, string][] {
  const files: [string, string][] = [[out, result.code]];
  if (result.declarations !== undefined) files.push([out.replace(/\.m?js$/, (ext) => (ext === '.mjs' ? '.d.mts' : '.d.ts')), result.declarations]);
  return files;
}

/** `--check`: 0 when every output file is what the schemas give; 1 (with the differences) otherwise. */
function check(files: [string, string][]): number {
  let status = 0;
  for (const [path, text] of files) {
    const current = read(path);
    const shown = relative(process.cwd(), path) || path;
    if (current === undefined) {
      process.stderr.write(`isotrack-codegen --check: ${shown} does not exist; run isotrack-codegen to write it\n`);
      status = 1;
    } else if (current !== text) {
      const diff = diffModules(current, text);
      const lines = [
        ...diff.added.map((uri) => `  added:   ${uri}`),
        ...diff.removed.map((uri) => `  removed: ${uri}`),
        ...diff.changed.map((uri) => `  changed: ${uri}`),
        ...(diff.shared ? ['  changed: shared code (header, helper types or validators)'] : []),
      ];
      process.stderr.write(`isotrack-codegen --check: ${shown} is out of date:\n${lines.join('\n')}\nRun isotrack-codegen again to update it.\n`);
      status = 1;
    }
  }
  return status;
}

async function main(): Promise<number> {
  const args = parse();
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${CODEGEN_VERSION}\n`);
    return 0;
  }
  const configFile = args.config ?? (existsSync('isotrack.codegen.json') ? 'isotrack.codegen.json' : undefined);
  const plan: Plan = configFile ? readPlan(configFile) : { schemaDirs: [], include: [] };
  if (args['all-versions']) plan.allVersions = true;
  const out = args.out !== undefined ? resolve(args.out) : plan.out;
  if (!out && !args.json) usage('--out <file> is required (or "out" in the plan file), unless --json is given');
  if (out && !/\.(ts|mts|js|mjs)$/.test(out)) usage(`--out must end in .ts or .js, got ${args.out ?? out}`);
  if (args.check && !out) usage('--check needs --out (or "out" in the plan file)');
  const validate: ValidateMode = args['validate-always'] ? 'always' : args.validate ? true : (plan.validate ?? false);
  const result = await generate({
    // As given (relative to the working directory), so that messages name them as the user does.
    schemaDirs: args.schemas ?? [],
    resolver: args.resolver !== undefined ? resolve(args.resolver) : plan.resolver,
    plan,
    validate,
    format: out && /\.m?js$/.test(out) ? 'js' : 'ts',
    importFrom: args['import-from'],
  });
  if (args.json) process.stdout.write(`${JSON.stringify(result.entries, null, 2)}\n`);
  if (!out) return 0;
  const files = outputs(out, result);
  if (args.check) return check(files);
  for (const [path, text] of files) {
    // An unchanged file is left alone (its mtime too), so watchers and builds do not rerun.
    if (read(path) !== text) writeAtomically(path, text);
  }
  if (!args.json) {
    process.stderr.write(`isotrack-codegen: ${result.entries.length} schemas → ${files.map(([path]) => relative(process.cwd(), path) || path).join(' and ')}\n`);
  }
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    if (error instanceof CodegenError) {
      process.stderr.write(`isotrack-codegen: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`isotrack-codegen: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
