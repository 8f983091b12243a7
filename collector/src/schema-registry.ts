/**
 * Finds Iglu schemas and compiles them once. It plays the part of the Iglu resolver in
 * the Snowplow pipeline: the user's folders first, then the schemas bundled with
 * isotrack, then the HTTP registries of a resolver configuration.
 *
 * Validation is synchronous; a schema that only a registry can provide is fetched
 * between two checks: a check that meets one reports it as pending, the caller awaits
 * {@link SchemaRegistry.fetchPending} and checks again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { SchemaObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseJson } from './decode.js';
import { toAjvSchema } from './draft04.js';
import type { HttpRepository } from './iglu-resolver.js';
import { fetchSchema, lookupOrder } from './iglu-resolver.js';
import { MAX_SCHEMA_BYTES } from './schema-folder.js';
import type { SchemaFolder } from './schema-folder.js';
import type { SchemaKey } from './schema-key.js';
import { keyPath, parseIgluUri } from './schema-key.js';

export { parseIgluUri } from './schema-key.js';
export type { SchemaKey } from './schema-key.js';

export type SchemaLookup =
  | { status: 'found'; validate: ValidateFunction; source: string }
  | { status: 'missing'; searched: string[] }
  | { status: 'invalid'; source: string; error: string }
  | { status: 'unreachable'; error: string }
  | { status: 'pending' };

/** Milliseconds a registry's "not found" or failure is remembered before asking again. */
const REMOTE_RETRY_MS = 10_000;
/** Remote answers remembered at most (any URI can be sent, so the cache is bounded). */
const MAX_REMOTE_ENTRIES = 2_000;

/**
 * The `schemas/` folder shipped with the package. The module may run as
 * `dist/collector.js`, as a shared chunk in `dist/chunks/`, or from `src/` under the
 * test runner, so the nearest ancestor that holds the folder wins.
 */
export function bundledSchemaDir(): string | null {
  for (const relative of ['../schemas/', '../../schemas/', '../../../schemas/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(dir, 'com.snowplowanalytics.snowplow', 'payload_data'))) return dir;
  }
  return null;
}

interface RemoteEntry {
  lookup: SchemaLookup;
  until: number;
}

export class SchemaRegistry {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, SchemaLookup>();
  private readonly remote = new Map<string, RemoteEntry>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private pending = new Set<string>();

  /** @param folders searched in order; @param registries asked after every folder. */
  constructor(
    readonly folders: readonly SchemaFolder[],
    readonly registries: readonly HttpRepository[] = [],
    private readonly timeoutMs = 5_000,
  ) {
    // allErrors: a developer wants every problem of an event at once, not the first.
    // strict off: Iglu schemas carry `self` and draft-04 leftovers ajv does not know.
    // multipleOfPrecision: the pipeline checks `multipleOf` on the number's decimal text
    // (19.99 is a multiple of 0.01), where a float division leaves noise (1998.9999999999998):
    // up to 1e-6 of noise is a whole multiple; an amount between cents (1.005) is still refused.
    this.ajv = new Ajv({ allErrors: true, strict: false, logger: false, multipleOfPrecision: 6 });
    addFormats(this.ajv);
  }

  /** Where schemas are looked for, in order, as messages name them. */
  get sources(): string[] {
    return [...this.folders.map((f) => f.label), ...this.registries.map((r) => `registry "${r.name}" ${r.uri}`)];
  }

  lookup(uri: string): SchemaLookup {
    const cached = this.compiled.get(uri);
    if (cached) return cached;
    const key = parseIgluUri(uri);
    if (!key) return { status: 'missing', searched: [] };
    for (const folder of this.folders) {
      const read = folder.read(key);
      if (read.status === 'missing') continue;
      const result = read.status === 'invalid' ? { status: 'invalid' as const, source: folder.label, error: read.error } : this.compile(read.text, key, folder.label);
      this.compiled.set(uri, result);
      return result;
    }
    if (this.registries.length === 0) return { status: 'missing', searched: this.sources };
    const remote = this.remote.get(uri);
    if (remote && remote.until > Date.now()) return remote.lookup;
    this.pending.add(uri);
    return { status: 'pending' };
  }

  /** URIs that checks since the last call could only get from a registry. */
  takePending(): string[] {
    const uris = [...this.pending];
    this.pending = new Set();
    return uris;
  }

  /** Asks the registries for these schemas; never rejects. */
  async fetchPending(uris: readonly string[]): Promise<void> {
    await Promise.all(uris.map((uri) => this.fetchOnce(uri)));
  }

  /** The schema as stored, for `/micro/iglu/...`; `null` when the URI is not an Iglu URI. */
  async read(uri: string): Promise<{ text: string } | { error: string; searched: string[] } | null> {
    const key = parseIgluUri(uri);
    if (!key) return null;
    for (const folder of this.folders) {
      const read = folder.read(key);
      if (read.status === 'found') return { text: read.text };
      if (read.status === 'invalid') return { error: read.error, searched: this.sources };
    }
    for (const repo of lookupOrder(this.registries, key.vendor)) {
      const fetched = await fetchSchema(repo, key, this.timeoutMs, MAX_SCHEMA_BYTES);
      if (fetched.status === 'found') return { text: fetched.text };
    }
    return { error: `schema ${uri} not found`, searched: this.sources };
  }

  private fetchOnce(uri: string): Promise<void> {
    const running = this.inFlight.get(uri);
    if (running) return running;
    const key = parseIgluUri(uri);
    if (!key) return Promise.resolve();
    const task = this.fetchRemote(uri, key).finally(() => this.inFlight.delete(uri));
    this.inFlight.set(uri, task);
    return task;
  }

  private async fetchRemote(uri: string, key: SchemaKey): Promise<void> {
    const problems: string[] = [];
    let lookup: SchemaLookup | undefined;
    for (const repo of lookupOrder(this.registries, key.vendor)) {
      const fetched = await fetchSchema(repo, key, this.timeoutMs, MAX_SCHEMA_BYTES);
      if (fetched.status === 'missing') continue;
      if (fetched.status === 'unreachable') {
        problems.push(`registry "${repo.name}" failed: ${fetched.error}`);
        continue;
      }
      lookup = this.compile(fetched.text, key, `registry "${repo.name}"`);
      break;
    }
    lookup ??= problems.length > 0 ? { status: 'unreachable', error: problems.join('; ') } : { status: 'missing', searched: this.sources };
    if (lookup.status === 'found' || lookup.status === 'invalid') {
      this.compiled.set(uri, lookup);
      return;
    }
    this.remote.delete(uri);
    this.remote.set(uri, { lookup, until: Date.now() + REMOTE_RETRY_MS });
    if (this.remote.size > MAX_REMOTE_ENTRIES) this.remote.delete(this.remote.keys().next().value as string);
  }

  private compile(text: string, key: SchemaKey, source: string): SchemaLookup {
    const where = `${keyPath(key)} in ${source}`;
    const parsed = parseJson(text);
    if (!parsed.ok) return { status: 'invalid', source, error: `${where}: cannot read it as JSON (${parsed.error})` };
    const mismatch = selfMismatch(parsed.value, key);
    if (mismatch) return { status: 'invalid', source, error: `${where}: ${mismatch}` };
    try {
      return { status: 'found', source, validate: this.ajv.compile(toAjvSchema(parsed.value) as SchemaObject) };
    } catch (error) {
      return { status: 'invalid', source, error: `${where}: does not compile (${error instanceof Error ? error.message : String(error)})` };
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
