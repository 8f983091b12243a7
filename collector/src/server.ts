/** The HTTP server: routing, error containment and the start/stop lifecycle. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkingIntervalMs, limitConnections } from './connections.js';
import { sendJson, sendPreflight, sendText } from './http.js';
import { probe, readResolverConfig } from './iglu-resolver.js';
import type { HttpRepository } from './iglu-resolver.js';
import type { CollectorOptions } from './options.js';
import { TP2_PATH, resolveOptions } from './options.js';
import { PlanCoverage } from './plan-coverage.js';
import { handleMicro } from './routes-micro.js';
import { handleTracking } from './routes-tracking.js';
import type { TrackingContext } from './routes-tracking.js';
import { SchemaFolder } from './schema-folder.js';
import { SchemaRegistry, bundledSchemaDir } from './schema-registry.js';
import { EventStore } from './store.js';
import type { ApiName } from './types.js';
import { Validator } from './validate.js';

/** A running collector. */
export interface RunningCollector {
  /** Base URL, e.g. `http://127.0.0.1:9090`: what a tracker's endpoint should be. */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** Schema folders in search order, the bundled one last. */
  schemaDirs: readonly string[];
  /** The POST paths accepted, the tp2 default first. */
  paths: readonly string[];
  /** The stored events, for in-process tests. */
  store: EventStore;
  /** Problems found at start that do not stop the collector, e.g. an Iglu registry that does not answer. */
  warnings: readonly string[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

// Two path segments, as the Snowplow collector routes custom POST paths (`/r/…` is its redirect route, off in Micro).
const VENDOR_VERSION = /^\/(?!r\/)[^/]+\/[^/]+$/;

const TP1: ApiName = { vendor: 'com.snowplowanalytics.snowplow', version: 'tp1' };

/**
 * Starts a collector that validates events the way the Snowplow pipeline does.
 * Resolves once it listens; rejects if the port cannot be bound.
 */
export async function startCollector(options: CollectorOptions = {}): Promise<RunningCollector> {
  const resolved = resolveOptions(options);
  const plan = resolved.plan !== undefined ? PlanCoverage.load(resolved.plan, resolved.schemaDirs) : undefined;
  const bundled = bundledSchemaDir();
  const ownDirs = [...resolved.schemaDirs, ...(plan?.schemaDirs ?? [])];
  const schemaDirs = [...ownDirs, ...(bundled ? [bundled] : [])];
  const folders = ownDirs.map((dir) => SchemaFolder.open(dir));
  if (bundled) folders.push(new SchemaFolder(bundled, 'the bundled schemas'));
  const warnings: string[] = [];
  let registries: HttpRepository[] = [];
  if (resolved.resolver !== undefined) {
    const config = readResolverConfig(resolved.resolver);
    registries = config.repositories;
    warnings.push(...config.skipped);
  }
  if (resolved.igluRegistry !== undefined) {
    const { uri, apikey } = resolved.igluRegistry;
    // Named and placed as Micro places the registry of MICRO_IGLU_REGISTRY_URL.
    registries.push({ name: `Custom (${uri})`, priority: 0, vendorPrefixes: [], uri: uri.replace(/\/+$/, ''), apikey });
  }
  if (registries.length > 0) {
    // Said once at start; each event that needs an unreachable registry says so again.
    const problems = await Promise.all(registries.map((repo) => probe(repo, resolved.registryTimeoutMs)));
    for (const problem of problems) if (problem) warnings.push(`${problem}; events whose schemas only it has will be bad`);
  }
  const registry = new SchemaRegistry(folders, registries, resolved.registryTimeoutMs);
  const store = new EventStore(resolved.maxEvents, resolved.maxBytes);
  const access = { allowOrigins: resolved.allowOrigins, host: resolved.host };
  const tracking: TrackingContext = {
    store,
    validator: new Validator(registry, resolved.lax),
    registry,
    maxBodyBytes: resolved.maxBodyBytes,
    maxEventsPerRequest: resolved.maxEventsPerRequest,
    onEvent: resolved.onEvent,
  };
  const postPaths = new Map<string, ApiName>([[TP2_PATH, apiOf(TP2_PATH)]]);
  for (const path of resolved.paths) postPaths.set(path, apiOf(path));

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseTarget(req.url);
    // A target such as `http://[` is the client's mistake, not a failure of the collector.
    if (!url) return sendJson(req, res, 400, { error: 'the request target is not a valid URL path' });
    const path = url.pathname;
    const known = path === '/i' || path === '/ice.png' || postPaths.has(path) || path.startsWith('/micro/');
    if (path.startsWith('/micro/')) return handleMicro(req, res, url, { store, registry, access, plan, maxPageBytes: resolved.maxPageBytes });
    if (req.method === 'OPTIONS') {
      return known ? sendPreflight(req, res) : sendJson(req, res, 404, { error: `no such endpoint: ${path}` });
    }
    if ((path === '/i' || path === '/ice.png') && req.method === 'GET') return handleTracking(req, res, url, TP1, tracking);
    const api = postPaths.get(path);
    if (api && (req.method === 'POST' || req.method === 'GET')) return handleTracking(req, res, url, api, tracking);
    // Like the Snowplow collector (and so Micro), any /<vendor>/<version> takes a tp2 POST.
    if (req.method === 'POST' && VENDOR_VERSION.test(path)) return handleTracking(req, res, url, apiOf(path), tracking);
    if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) return sendText(req, res, 200, 'ok');
    if (path === '/' && req.method === 'GET') {
      res.writeHead(302, { Location: '/micro/ui' }).end();
      return;
    }
    if (known) return sendJson(req, res, 405, { error: `${req.method ?? ''} is not allowed on ${path}` });
    return sendJson(req, res, 404, { error: `no such endpoint: ${path}` });
  };

  const server = createServer({ connectionsCheckingInterval: checkingIntervalMs(resolved) }, (req, res) => {
    // A bug in one request must not take the collector down for everyone else.
    route(req, res).catch((error: unknown) => {
      console.error('isotrack collector: request failed:', error);
      if (!res.headersSent) sendJson(req, res, 500, { error: 'internal error; see the collector log' });
      else res.destroy();
    });
  });
  limitConnections(server, resolved);
  // Malformed HTTP (not just malformed events) gets a 400 instead of an 'error' crash.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    // Closed once written, not half-closed: a client that never reads must not keep it open.
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`, () => socket.destroy());
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${urlHost(resolved.host)}:${port}`,
    port,
    schemaDirs,
    paths: [...postPaths.keys()],
    store,
    warnings,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}

/** The request target as a URL, or `undefined` when it cannot be one (`http://[`). */
function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://collector.invalid');
  } catch {
    return undefined;
  }
}

/** `/com.acme/v1` is vendor `com.acme`, version `v1`, as the Snowplow collector names custom paths. */
function apiOf(path: string): ApiName {
  const [vendor = '', version = ''] = path.slice(1).split('/');
  return { vendor, version };
}

/** A host for a URL: wildcard binds are reached via loopback, IPv6 needs brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
