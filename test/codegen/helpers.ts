// Shared by the codegen tests: the Iglu Central copy, generation into a temporary
// folder, and loading a generated JavaScript module.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { generate, type GenerateOptions, type GeneratedEntry } from '../../codegen/src/index.js';
import { resolveRef } from '../../codegen/src/refs.js';
import { readSchemaFolder, type LoadedSchema } from '../../codegen/src/schema-folder.js';
import type { RefResolver } from './samples.js';

/** The 303 Iglu Central JSON Schemas (see iglu/SOURCE.md). */
export const IGLU_CENTRAL = resolve(import.meta.dirname, 'iglu/schemas');
/** Small hand-written schemas of an imaginary shop (com.acme). */
export const ACME = resolve(import.meta.dirname, 'fixtures/schemas');
export const REPO = resolve(import.meta.dirname, '../..');
export const CLI = join(REPO, 'codegen/bin/isotrack-codegen.js');

export const scratch = (label: string): string => mkdtempSync(join(tmpdir(), `isotrack-codegen-${label}-`));

/** Generates a `.js` module into a scratch folder and imports it. */
export async function generateAndImport<T = Record<string, unknown>>(options: GenerateOptions): Promise<{ module: T; code: string; entries: GeneratedEntry[] }> {
  const result = await generate({ ...options, format: 'js' });
  const file = join(scratch('module'), 'tracking.mjs');
  writeFileSync(file, result.code);
  return { module: (await import(pathToFileURL(file).href)) as T, code: result.code, entries: result.entries };
}

/** Every schema of a folder, by Iglu URI, and a `$ref` resolver over them for the sample generator. */
export function schemaIndex(dir: string): { schemas: LoadedSchema[]; resolver: RefResolver } {
  const schemas = readSchemaFolder(dir);
  const byUri = new Map(schemas.map((loaded) => [`iglu:${loaded.key.vendor}/${loaded.key.name}/${loaded.key.format}/${loaded.key.version}`, loaded]));
  const byDocument = new Map(schemas.map((loaded) => [loaded.schema, loaded]));
  const resolver: RefResolver = (ref, document) => {
    const owner = byDocument.get(document);
    if (!owner) throw new Error('unknown document');
    const target = resolveRef(ref, owner, (uri) => byUri.get(uri));
    return target === 'meta-schema' ? target : { schema: target.schema, document: target.document.schema };
  };
  return { schemas, resolver };
}

/** Number of JSON Schema files in an Iglu folder. */
export function countSchemaFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).size > 0 && /\/jsonschema$/.test(entry.parentPath)).length;
}

export const readText = (path: string): string => readFileSync(path, 'utf8');

/** What a strict TypeScript user compiles with; `isotrack` resolves to the built types (dist/). */
export const STRICT: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitOverride: true,
  skipLibCheck: true,
  noEmit: true,
  paths: { isotrack: [join(REPO, 'dist/index.d.ts')] },
};

