import type { BadEvent, GoodEvent } from './types.js';

/** Called once per stored event: `{ good }` or `{ bad }`. */
export type EventListener = (record: { good: GoodEvent } | { bad: BadEvent }) => void;

/** Options of `startCollector`; every default lives in {@link resolveOptions}. */
export interface CollectorOptions {
  /**
   * TCP port to listen on. `0` picks a free port; read the real one from the result.
   * @defaultValue `0` (the CLI uses `9090`, like Snowplow Micro)
   */
  port?: number;
  /**
   * Interface to bind. Loopback by default so that a dev collector is not reachable
   * from the network by accident; use `0.0.0.0` to test from a phone.
   * @defaultValue `'127.0.0.1'`
   */
  host?: string;
  /**
   * Extra folders of Iglu schemas in the Iglu layout
   * (`vendor/name/jsonschema/M-R-A`, files without extension). They are searched
   * in order, before the schemas bundled with isotrack.
   * @defaultValue `[]`
   */
  schemaDirs?: string[];
  /**
   * Accept self-describing events and entities whose schema cannot be found,
   * instead of recording them as bad. Schemas that are found are still enforced.
   * @defaultValue `false`
   */
  lax?: boolean;
  /**
   * Extra POST paths that accept a tracker-protocol 2 body, for trackers that use a
   * custom `postPath` (e.g. `/com.acme/events`). `/com.snowplowanalytics.snowplow/tp2`
   * is always accepted.
   * @defaultValue `[]`
   */
  paths?: string[];
  /**
   * How many good events, and separately how many bad events, to keep in memory.
   * The oldest are dropped first; the counts on `/micro/all` keep counting.
   * @defaultValue `10000`
   */
  maxEvents?: number;
  /**
   * Largest request body accepted, in bytes. A bigger one is answered with 413 and
   * recorded as a bad event. 1 MB is what the Snowplow collector allows for its
   * Kinesis and Kafka sinks.
   * @defaultValue `1048576`
   */
  maxBodyBytes?: number;
  /**
   * Events one request may carry. A bigger batch is answered with 413 and recorded as one
   * bad event, before any of its events is looked at: a 1 MB body can hold 350,000 empty
   * events, and validating them all would hold up every other request.
   * @defaultValue `1000`
   */
  maxEventsPerRequest?: number;
  /**
   * Most JSON text one page of `/micro/good`, `/micro/bad` or `/micro/events` carries, in
   * bytes; the page ends after the event that crosses it (`X-Total-Count` still says how many
   * matched, so a client continues with a larger `offset`).
   * @defaultValue `33554432` (32 MiB)
   */
  maxPageBytes?: number;
  /**
   * Total size, in bytes (estimated), of the stored events, good and bad together; the
   * oldest are dropped first past it. The default keeps the process under about 256 MB
   * of memory whatever is sent to it.
   * @defaultValue `33554432` (32 MiB)
   */
  maxBytes?: number;
  /**
   * Origins (`https://app.example:8080`) whose pages may read `/micro/*` with CORS,
   * besides the collector's own events page. `['*']` allows every origin (the behaviour
   * before version 0.2). Tools that are not browsers (curl, Node) are always allowed.
   * @defaultValue `[]`
   */
  allowOrigins?: string[];
  /**
   * An Iglu resolver configuration, as Snowplow Enrich and Micro read it
   * (`iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-*`), or the path of
   * a JSON file holding one. Its HTTP repositories are asked for schemas that the
   * `schemaDirs` and the bundled schemas do not have.
   * @defaultValue none
   */
  resolver?: string | Record<string, unknown>;
  /**
   * One more Iglu registry (an Iglu Server's `/api` or a static registry), asked after the
   * `resolver`'s, with its API key if given. The CLI sets it from Snowplow Micro's
   * `MICRO_IGLU_REGISTRY_URL` and `MICRO_IGLU_API_KEY` environment variables.
   * @defaultValue none
   */
  igluRegistry?: { uri: string; apikey?: string | undefined };
  /**
   * Milliseconds an Iglu registry of the `resolver` has to answer.
   * @defaultValue `5000`
   */
  registryTimeoutMs?: number;
  /**
   * Milliseconds a client has to send a request's headers; slower ones are cut.
   * @defaultValue `10000`
   */
  headersTimeoutMs?: number;
  /**
   * Milliseconds a client has to send a whole request, body included.
   * @defaultValue `30000`
   */
  requestTimeoutMs?: number;
  /**
   * Milliseconds a kept-alive connection may wait for its next request.
   * @defaultValue `5000`
   */
  keepAliveTimeoutMs?: number;
  /**
   * Milliseconds a connection may stay silent (nothing sent at all) before it is closed.
   * @defaultValue `30000`
   */
  idleTimeoutMs?: number;
  /**
   * Milliseconds a response may wait on a client that does not read it (no byte taken
   * from the socket) before the connection is closed.
   * @defaultValue `10000`
   */
  responseTimeoutMs?: number;
  /**
   * Open connections at most. When full, a new connection closes the oldest idle one;
   * it is refused only when every connection is busy with a request.
   * @defaultValue `512`
   */
  maxConnections?: number;
  /**
   * An `isotrack-codegen` plan file (`isotrack.codegen.json`): `/micro/plan` and the
   * events page then show, per planned schema, its good and bad events and whether it
   * was never seen. See plan-coverage.ts.
   * @defaultValue none
   */
  plan?: string;
  /**
   * Called after each event is stored, e.g. to log it. Exceptions it throws are
   * caught and logged, so a faulty listener cannot lose events.
   * @defaultValue none
   */
  onEvent?: EventListener;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  port: number;
  host: string;
  schemaDirs: string[];
  lax: boolean;
  paths: string[];
  maxEvents: number;
  maxBodyBytes: number;
  maxEventsPerRequest: number;
  maxPageBytes: number;
  maxBytes: number;
  allowOrigins: string[];
  resolver: string | Record<string, unknown> | undefined;
  igluRegistry: { uri: string; apikey?: string | undefined } | undefined;
  registryTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  idleTimeoutMs: number;
  responseTimeoutMs: number;
  maxConnections: number;
  onEvent: EventListener | undefined;
  plan: string | undefined;
}

/** Defaults of the numeric options, shared with the CLI's --help. */
export const DEFAULTS = {
  maxEvents: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxBytes: 32 * 1024 * 1024,
  maxEventsPerRequest: 1_000,
  maxPageBytes: 32 * 1024 * 1024,
  registryTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  responseTimeoutMs: 10_000,
  maxConnections: 512,
} as const;

/** The POST path every Snowplow tracker uses by default. */
export const TP2_PATH = '/com.snowplowanalytics.snowplow/tp2';

/** Port the CLI listens on when `--port` is not given (Snowplow Micro's default). */
export const CLI_DEFAULT_PORT = 9090;

/** Fills in defaults and rejects values that would only fail later and obscurely. */
export function resolveOptions(options: CollectorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    schemaDirs: [...(options.schemaDirs ?? [])],
    lax: options.lax ?? false,
    paths: (options.paths ?? []).map(normalisePath),
    maxEvents: options.maxEvents ?? DEFAULTS.maxEvents,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    maxEventsPerRequest: options.maxEventsPerRequest ?? DEFAULTS.maxEventsPerRequest,
    maxPageBytes: options.maxPageBytes ?? DEFAULTS.maxPageBytes,
    allowOrigins: (options.allowOrigins ?? []).map(normaliseOrigin),
    resolver: options.resolver,
    igluRegistry: options.igluRegistry,
    registryTimeoutMs: options.registryTimeoutMs ?? DEFAULTS.registryTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULTS.keepAliveTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs,
    responseTimeoutMs: options.responseTimeoutMs ?? DEFAULTS.responseTimeoutMs,
    maxConnections: options.maxConnections ?? DEFAULTS.maxConnections,
    onEvent: options.onEvent && guard(options.onEvent),
    plan: options.plan,
  };
  for (const name of ['maxBytes', 'maxEventsPerRequest', 'maxPageBytes', 'responseTimeoutMs', 'registryTimeoutMs', 'headersTimeoutMs', 'requestTimeoutMs', 'keepAliveTimeoutMs', 'idleTimeoutMs', 'maxConnections'] as const) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`isotrack collector: ${name} must be a positive integer, got ${String(options[name])}`);
    }
  }
  if (resolved.igluRegistry !== undefined && !/^https?:\/\/./.test(resolved.igluRegistry.uri)) {
    throw new RangeError(`isotrack collector: the Iglu registry URL must start with http:// or https://, got "${resolved.igluRegistry.uri}"`);
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new RangeError(`isotrack collector: port must be an integer from 0 to 65535, got ${String(options.port)}`);
  }
  if (!Number.isInteger(resolved.maxEvents) || resolved.maxEvents < 1) {
    throw new RangeError(`isotrack collector: maxEvents must be a positive integer, got ${String(options.maxEvents)}`);
  }
  if (!Number.isInteger(resolved.maxBodyBytes) || resolved.maxBodyBytes < 1) {
    throw new RangeError(
      `isotrack collector: maxBodyBytes must be a positive integer, got ${String(options.maxBodyBytes)}`,
    );
  }
  return resolved;
}

function guard(listener: EventListener): EventListener {
  return (record) => {
    try {
      listener(record);
    } catch (error) {
      console.error('isotrack collector: onEvent listener threw:', error);
    }
  };
}

/** `com.acme/events` and `/com.acme/events/` both mean `/com.acme/events`. */
function normalisePath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  const absolute = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  // /micro/* is the query API and /i the GET pixel: a tracking path there would shadow them.
  if (absolute === '/' || absolute === '/i' || absolute === '/micro' || absolute.startsWith('/micro/')) {
    throw new RangeError(`isotrack collector: "${path}" cannot be used as a tracking path`);
  }
  return absolute;
}

/** `https://app.example/` and `https://APP.example` both mean `https://app.example`; `*` stays. */
function normaliseOrigin(origin: string): string {
  if (origin === '*') return origin;
  try {
    const url = new URL(origin);
    if (url.origin !== 'null') return url.origin;
  } catch {
    // Reported below.
  }
  throw new RangeError(`isotrack collector: allowed origin "${origin}" is not an origin like https://app.example:8080 (or *)`);
}
