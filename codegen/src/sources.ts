/**
 * Every schema the generator can see: the folders' (first folder wins for a key) and,
 * with a resolver config, the ones its HTTP registries hold for the exact URIs the plan
 * names and for the `iglu:` `$ref`s of what was read. A registry cannot be listed, so
 * it only answers for URIs asked for.
 */
import { fetchSchema, lookupOrder, readResolverConfig, type HttpRepository } from '../../collector/src/iglu-resolver.js';
import { CodegenError } from './errors.js';
import { igluUri, parseIgluUri, type SchemaKey } from './iglu.js';
import { parseSchemaText, readSchemaFolder, type LoadedSchema } from './schema-folder.js';
import { META_SCHEMA } from './refs.js';

const MAX_SCHEMA_BYTES = 1024 * 1024;

export interface SchemaStore {
  keys(): SchemaKey[];
  lookup(uri: string): LoadedSchema | undefined;
}

export async function loadSchemas(options: { dirs: string[]; resolver: string | undefined; wanted: string[]; timeoutMs: number }): Promise<SchemaStore> {
  const byUri = new Map<string, LoadedSchema>();
  for (const dir of options.dirs) {
    for (const loaded of readSchemaFolder(dir)) {
      const uri = igluUri(loaded.key);
      if (!byUri.has(uri)) byUri.set(uri, loaded);
    }
  }
  if (options.resolver) {
    let repositories: HttpRepository[];
    try {
      repositories = readResolverConfig(options.resolver).repositories;
    } catch (error) {
      throw new CodegenError((error as Error).message);
    }
    const queue = options.wanted.filter((uri) => !byUri.has(uri));
    for (const loaded of byUri.values()) queue.push(...externalRefs(loaded.schema));
    const asked = new Set<string>();
    while (queue.length > 0) {
      const uri = queue.shift() as string;
      if (byUri.has(uri) || asked.has(uri)) continue;
      asked.add(uri);
      const loaded = await fetchFromRegistries(repositories, uri, options.timeoutMs);
      if (!loaded) continue; // Reported where it is needed: a missing plan entry or $ref names itself.
      byUri.set(uri, loaded);
      queue.push(...externalRefs(loaded.schema));
    }
  }
  return { keys: () => [...byUri.values()].map((loaded) => loaded.key), lookup: (uri) => byUri.get(uri) };
}

async function fetchFromRegistries(repositories: HttpRepository[], uri: string, timeoutMs: number): Promise<LoadedSchema | undefined> {
  const key = parseIgluUri(uri);
  if (!key) return undefined;
  const failures: string[] = [];
  for (const repo of lookupOrder(repositories, key.vendor)) {
    const fetched = await fetchSchema(repo, key, timeoutMs, MAX_SCHEMA_BYTES);
    if (fetched.status === 'found') return parseSchemaText(fetched.text, key, `${repo.uri}/schemas/${key.vendor}/${key.name}/${key.format}/${key.version}`);
    if (fetched.status === 'unreachable') failures.push(fetched.error);
  }
  if (failures.length > 0) throw new CodegenError(`${uri} could not be fetched: ${failures.join('; ')}`);
  return undefined;
}

/** The `iglu:` URIs that a schema's `$ref`s name (Iglu Central addresses included). */
function externalRefs(schema: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && !value.startsWith('#') && !META_SCHEMA.test(value)) {
          const http = /^https?:\/\/[^/]+\/schemas\/([^/]+\/[^/]+\/[^/]+\/[0-9]+-[0-9]+-[0-9]+)#?$/.exec(value);
          const uri = http ? `iglu:${http[1]}` : value.replace(/#.*$/, '');
          if (parseIgluUri(uri)) found.push(uri);
        } else walk(value);
      }
    }
  };
  walk(schema);
  return found;
}
