/**
 * `$ref` resolution, shared by the type and validator emitters: JSON pointers inside
 * the schema (`#/definitions/x`), other Iglu schemas (`iglu:` URIs and Iglu Central
 * addresses) and the JSON Schema meta-schema (any schema: a JSON object).
 */
import { CodegenError } from './errors.js';
import { igluUri, parseIgluUri } from './iglu.js';
import type { JsonSchema, LoadedSchema } from './schema-folder.js';

/** What a `$ref` points at: a subschema, with the document it lives in (for its own refs). */
export interface Resolved {
  schema: JsonSchema | boolean;
  document: LoadedSchema;
}

/** A `$ref` to the JSON Schema meta-schema: the value is itself a schema, typed as a JSON object. */
export const META_SCHEMA = /^https?:\/\/json-schema\.org\/(draft-0[4-7]\/)?schema#?$/;

const IGLU_HTTP = /^https?:\/\/[^/]+\/schemas\/([^/]+)\/([^/]+)\/([^/]+)\/([0-9]+-[0-9]+-[0-9]+)#?$/;

/** Looks up another schema by Iglu URI among everything that was read. */
export type SchemaLookup = (uri: string) => LoadedSchema | undefined;

export function resolveRef(ref: string, document: LoadedSchema, lookup: SchemaLookup): Resolved | 'meta-schema' {
  if (META_SCHEMA.test(ref)) return 'meta-schema';
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  let target = document;
  if (base !== '') {
    const http = IGLU_HTTP.exec(base);
    const uri = http ? `iglu:${http[1]}/${http[2]}/${http[3]}/${http[4]}` : base;
    const other = parseIgluUri(uri) && lookup(uri);
    if (!other) {
      throw new CodegenError(`${document.source}: cannot resolve $ref "${ref}" (${uri.startsWith('iglu:') ? `${uri} was not found in the schema folders or registries` : 'only iglu: URIs, Iglu registry addresses and #/ pointers are supported'})`);
    }
    target = other;
  }
  let node: unknown = target.schema;
  if (pointer !== '' && pointer !== '/') {
    for (const raw of pointer.replace(/^\//, '').split('/')) {
      const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
      if (node === undefined) throw new CodegenError(`${document.source}: cannot resolve $ref "${ref}" (no "${part}" in ${igluUri(target.key)})`);
    }
  }
  if (typeof node !== 'boolean' && (typeof node !== 'object' || node === null || Array.isArray(node))) {
    throw new CodegenError(`${document.source}: $ref "${ref}" does not point at a schema`);
  }
  return { schema: node as JsonSchema | boolean, document: target };
}
