/**
 * Iglu registries over HTTP, configured the way Snowplow Enrich and Micro are: an Iglu
 * resolver configuration listing repositories with a priority, vendor prefixes and an
 * `http` connection (a static registry or an Iglu Server's `/api`). Schemas are fetched
 * with a timeout and a size cap, and every answer is cached.
 */
import { readFileSync } from 'node:fs';
import { isObject, parseJson } from './decode.js';
import type { SchemaKey } from './schema-key.js';

export interface HttpRepository {
  name: string;
  priority: number;
  vendorPrefixes: string[];
  /** Base URI without trailing slash; schemas are at `<uri>/schemas/<vendor>/<name>/<format>/<version>`. */
  uri: string;
  apikey: string | undefined;
}

export type Fetched = { status: 'found'; text: string } | { status: 'missing' } | { status: 'unreachable'; error: string };

const RESOLVER_CONFIG = /^iglu:com\.snowplowanalytics\.iglu\/resolver-config\/jsonschema\/1-0-\d+$/;

/** Reads a resolver configuration (an object, or the path of a JSON file); throws a clear error when it is not one. */
export function readResolverConfig(config: string | Record<string, unknown>): { repositories: HttpRepository[]; skipped: string[] } {
  let json: unknown = config;
  if (typeof config === 'string') {
    let text: string;
    try {
      text = readFileSync(config, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the resolver config ${config}: ${(error as Error).message}`);
    }
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(`the resolver config ${config} is not valid JSON (${parsed.error})`);
    json = parsed.value;
  }
  const fail = (why: string): never => {
    throw new Error(`the resolver config is not an Iglu resolver configuration: ${why}`);
  };
  if (!isObject(json) || typeof json.schema !== 'string' || !RESOLVER_CONFIG.test(json.schema)) {
    fail('expected {"schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-*", "data": {...}}');
  }
  const data = (json as Record<string, unknown>).data;
  if (!isObject(data) || !Array.isArray(data.repositories)) fail('"data.repositories" must be a list');
  const repositories: HttpRepository[] = [];
  const skipped: string[] = [];
  for (const [index, repo] of ((data as Record<string, unknown>).repositories as unknown[]).entries()) {
    if (!isObject(repo) || typeof repo.name !== 'string' || !isObject(repo.connection)) {
      fail(`repository ${index} needs a "name" and a "connection"`);
    }
    const { name, priority, vendorPrefixes, connection } = repo as Record<string, unknown> & { name: string; connection: Record<string, unknown> };
    const http = connection.http;
    if (!isObject(http)) {
      skipped.push(`repository "${name}" has no http connection (only http registries are read; use --schemas for local folders)`);
      continue;
    }
    if (typeof http.uri !== 'string' || !/^https?:\/\//.test(http.uri)) fail(`repository "${name}" needs an http(s) "uri"`);
    repositories.push({
      name,
      priority: typeof priority === 'number' ? priority : 0,
      vendorPrefixes: Array.isArray(vendorPrefixes) ? vendorPrefixes.filter((p): p is string => typeof p === 'string') : [],
      uri: (http.uri as string).replace(/\/+$/, ''),
      apikey: typeof http.apikey === 'string' ? http.apikey : undefined,
    });
  }
  return { repositories, skipped };
}

/** Iglu's lookup order: repositories whose vendor prefix matches first, then by priority (lower first). */
export function lookupOrder(repositories: readonly HttpRepository[], vendor: string): HttpRepository[] {
  const matches = (repo: HttpRepository): number => (repo.vendorPrefixes.some((prefix) => vendor.startsWith(prefix)) ? 0 : 1);
  return [...repositories].sort((a, b) => matches(a) - matches(b) || a.priority - b.priority);
}

/** Fetches one schema; never rejects. */
export async function fetchSchema(repo: HttpRepository, key: SchemaKey, timeoutMs: number, maxBytes: number): Promise<Fetched> {
  const url = `${repo.uri}/schemas/${key.vendor}/${key.name}/${key.format}/${key.version}`;
  try {
    const response = await fetch(url, {
      headers: { Accept: 'application/json', ...(repo.apikey !== undefined && { apikey: repo.apikey }) },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return { status: 'missing' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { status: 'unreachable', error: `${url} answered ${response.status}` };
    }
    const text = await readCapped(response, maxBytes);
    return text === null ? { status: 'unreachable', error: `${url} is over ${maxBytes} bytes` } : { status: 'found', text };
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { status: 'unreachable', error: `${url}: ${reason}` };
  }
}

/** Checks that a registry answers at all (any HTTP status will do); `null` when it does. */
export async function probe(repo: HttpRepository, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(`${repo.uri}/schemas/`, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return null;
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return `Iglu registry "${repo.name}" (${repo.uri}) is unreachable: ${reason}`;
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    // Leaving the loop cancels the download.
    if (bytes > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
