/**
 * Finds Iglu schemas on disk and compiles them once. It plays the part of the
 * Iglu resolver in the Snowplow pipeline, with folders as the only repositories.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { SchemaObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toAjvSchema } from './draft04.js';

/** The parts of `iglu:vendor/name/format/M-R-A`. */
export interface SchemaKey {
  vendor: string;
  name: string;
  format: string;
  version: string;
}

export type SchemaLookup =
  | { status: 'found'; validate: ValidateFunction; file: string }
  | { status: 'missing'; searched: string[] }
  | { status: 'invalid'; file: string; error: string };

// The pattern the unstruct_event and contexts schemas use for `schema`.
const IGLU_URI = /^iglu:([a-zA-Z0-9-_.]+)\/([a-zA-Z0-9-_]+)\/([a-zA-Z0-9-_]+)\/([0-9]+-[0-9]+-[0-9]+)$/;

/** Parses an Iglu URI, or returns `null` when it does not have the Iglu shape. */
export function parseIgluUri(uri: string): SchemaKey | null {
  const match = IGLU_URI.exec(uri);
  if (!match) return null;
  const [, vendor = '', name = '', format = '', version = ''] = match;
  // A vendor of dots only would walk out of the schema folder.
  if (/^\.+$/.test(vendor)) return null;
  return { vendor, name, format, version };
}

/**
 * The `schemas/` folder shipped with the package. The module may run as
 * `dist/collector.js`, as a shared chunk in `dist/chunks/`, or from
 * `src/collector/` under the test runner, so the nearest ancestor that holds
 * the folder wins.
 */
export function bundledSchemaDir(): string | null {
  for (const relative of ['../schemas/', '../../schemas/', '../../../schemas/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(dir, 'com.snowplowanalytics.snowplow', 'payload_data'))) return dir;
  }
  return null;
}

/**
 * Schema lookup with a cache of compiled validators. A schema that was not
 * found is looked up again next time, so a file added while the collector
 * runs is picked up; an edited file needs a restart.
 */
export class SchemaRegistry {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, SchemaLookup>();

  /** @param dirs folders in search order; the first one holding a schema wins. */
  constructor(readonly dirs: readonly string[]) {
    // allErrors: a developer wants every problem of an event at once, not the first.
    // strict off: Iglu schemas carry `self` and draft-04 leftovers ajv does not know.
    this.ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    addFormats(this.ajv);
  }

  lookup(uri: string): SchemaLookup {
    const cached = this.cache.get(uri);
    if (cached) return cached;
    const key = parseIgluUri(uri);
    if (!key) return { status: 'missing', searched: [] };
    const located = this.locate(key);
    if ('searched' in located) return { status: 'missing', searched: located.searched };
    const result = this.compile(located.file, key);
    this.cache.set(uri, result);
    return result;
  }

  /** The schema file as stored, for `/micro/iglu/...`; `null` when the URI is not an Iglu URI. */
  read(uri: string): { file: string; text: string } | { searched: string[] } | null {
    const key = parseIgluUri(uri);
    if (!key) return null;
    const located = this.locate(key);
    return 'searched' in located ? located : { file: located.file, text: readFileSync(located.file, 'utf8') };
  }

  private locate(key: SchemaKey): { file: string } | { searched: string[] } {
    const searched: string[] = [];
    for (const dir of this.dirs) {
      const file = join(dir, key.vendor, key.name, key.format, key.version);
      if (isFile(file)) return { file };
      searched.push(file);
    }
    return { searched };
  }

  private compile(file: string, key: SchemaKey): SchemaLookup {
    let schema: unknown;
    try {
      schema = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      return { status: 'invalid', file, error: `cannot read it as JSON (${describe(error)})` };
    }
    const mismatch = selfMismatch(schema, key);
    if (mismatch) return { status: 'invalid', file, error: mismatch };
    try {
      return { status: 'found', file, validate: this.ajv.compile(toAjvSchema(schema) as SchemaObject) };
    } catch (error) {
      return { status: 'invalid', file, error: `does not compile (${describe(error)})` };
    }
  }
}

/** Iglu requires the `self` block to name the schema's own path; a copy under the wrong name is a bug. */
function selfMismatch(schema: unknown, key: SchemaKey): string | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'is not a JSON object';
  const self = (schema as { self?: Partial<SchemaKey> }).self;
  if (self === undefined) return null;
  for (const part of ['vendor', 'name', 'format', 'version'] as const) {
    if (self[part] !== key[part]) {
      return `its self.${part} is ${JSON.stringify(self[part])} but the path says ${JSON.stringify(key[part])}`;
    }
  }
  return null;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
