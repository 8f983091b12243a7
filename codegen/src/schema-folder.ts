/**
 * Reads Iglu folders (`DIR/<vendor>/<name>/jsonschema/<M-R-A>`, files with or without
 * `.json`) into parsed schemas. Every problem names the file: unparseable JSON, a
 * missing or wrong `self` block.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CodegenError } from './errors.js';
import { isVersion, keyPath, type SchemaKey } from './iglu.js';

/** A JSON Schema as parsed: any JSON value, read defensively. */
export type JsonSchema = Record<string, unknown>;

export interface LoadedSchema {
  key: SchemaKey;
  schema: JsonSchema;
  /** Where it came from, for messages: a file path or a registry URL. */
  source: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listDirs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && statSync(join(dir, entry.name)).isDirectory()))
    .map((entry) => entry.name)
    .sort();

/** Every schema under `dir`, in a stable order; throws a {@link CodegenError} naming the first bad file. */
export function readSchemaFolder(dir: string): LoadedSchema[] {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) throw new CodegenError(`schema folder ${dir} does not exist or is not a folder`);
  const found: LoadedSchema[] = [];
  for (const vendor of listDirs(dir)) {
    for (const name of listDirs(join(dir, vendor))) {
      for (const format of listDirs(join(dir, vendor, name))) {
        if (format !== 'jsonschema') continue; // Avro and other formats describe no JSON payload.
        const folder = join(dir, vendor, name, format);
        for (const file of readdirSync(folder).sort()) {
          const version = file.replace(/\.json$/, '');
          if (!isVersion(version)) continue;
          const path = join(folder, file);
          if (!statSync(path).isFile()) continue;
          found.push(parseSchemaText(readFileSync(path, 'utf8'), { vendor, name, format, version }, relative(process.cwd(), path) || path));
        }
      }
    }
  }
  if (found.length === 0) {
    throw new CodegenError(`schema folder ${dir} holds no schema (expected files at <vendor>/<name>/jsonschema/<M-R-A>)`);
  }
  return found;
}

/** Parses one schema's text and checks its `self` block against where it was found. */
export function parseSchemaText(text: string, key: SchemaKey, source: string): LoadedSchema {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new CodegenError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(schema)) throw new CodegenError(`${source}: a JSON Schema must be a JSON object`);
  const self = schema.self;
  if (!isObject(self)) throw new CodegenError(`${source}: no "self" block (Iglu schemas name their vendor, name, format and version in "self")`);
  for (const part of ['vendor', 'name', 'format', 'version'] as const) {
    if (self[part] !== key[part]) {
      throw new CodegenError(
        `${source}: "self" says ${part} ${JSON.stringify(self[part])} but the path says ${JSON.stringify(key[part])} (expected ${keyPath(key)})`,
      );
    }
  }
  return { key, schema, source };
}
