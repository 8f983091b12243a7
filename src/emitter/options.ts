import { fail } from '../core/events/field-rules.js';
import type { Payload } from '../core/types.js';
import type { Transport } from '../transports/types.js';
import type { EventStore } from './store.js';
import { MAX_TIMER_DELAY } from './timers.js';

/**
 * Why events were dropped, as passed to `onDrop`:
 * - `queue-full`: the queue bound (`maxQueueEvents`/`maxQueueBytes`) was reached;
 * - `closed`: tracked after the emitter was closed;
 * - `unsendable`: the event cannot be encoded into a request (a GET of text that is not
 *   valid UTF-16, e.g. a string cut mid-emoji, or a GET URL longer than `maxGetBytes`);
 *   dropped once, never sent, so that it never blocks the queue;
 * - `exit`: still queued when the process exited (Node), reported synchronously.
 */
export type DropReason = 'queue-full' | 'closed' | 'unsendable' | 'exit';

/** The third argument of `onFailure`. */
export interface FailureInfo {
  /** True when the events stay queued and will be sent again after a backoff. */
  willRetry: boolean;
  /** HTTP status of the failed attempt; 0 for a network error or timeout. */
  status: number;
  /**
   * Why it failed, in words: `HTTP 503`, `HTTP 301 redirect to … , not followed`, or the
   * network error's code and message (`ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`,
   * `ENOTFOUND: …`, a TLS error such as `EPROTO: … wrong version number`, a timeout).
   */
  cause: string;
  /** The transport's error, for a network error or timeout. */
  error?: unknown | undefined;
}

/**
 * Options of `new Emitter(endpoint, options)`. Every default lives in
 * {@link EMITTER_DEFAULTS}; a platform (Node, browser) may override some of them.
 */
export interface EmitterOptions {
  /** `'post'` sends batches as `payload_data` JSON; `'get'` sends one event per request to `/i`. @defaultValue 'post' */
  method?: 'post' | 'get' | undefined;
  /** Scheme used when `endpoint` has none; a scheme in the endpoint wins. @defaultValue 'https' */
  protocol?: 'http' | 'https' | undefined;
  /** Port used when `endpoint` has none. @defaultValue the scheme's default port */
  port?: number | undefined;
  /** Path of POST requests (GET always uses `/i`). Configurable because ad blockers match the default. @defaultValue '/com.snowplowanalytics.snowplow/tp2' */
  postPath?: string | undefined;
  /**
   * Longest GET URL, in bytes, that the collector (or a proxy or CDN before it) accepts,
   * e.g. 8192 behind CloudFront. A GET event whose URL is longer is never sent: it is
   * dropped once and reported (`onDrop(1, 'unsendable')` and a console warning), instead
   * of failing at the collector with a 414. Ignored for POST. @defaultValue Infinity (no limit)
   */
  maxGetBytes?: number | undefined;
  /**
   * Number of queued events that triggers a send. Once triggered, everything queued is
   * sent, in as few requests as `maxPostBytes` allows. @defaultValue 50 (Node), 10 elsewhere
   */
  bufferSize?: number | undefined;
  /**
   * Strict upper bound of a POST body, in UTF-8 bytes, envelope included. A single event
   * larger than this is sent alone and reported through `onOversize`. @defaultValue 100000 (Node), 40000 elsewhere
   */
  maxPostBytes?: number | undefined;
  /** Milliseconds after which queued events are sent even if `bufferSize` is not reached. @defaultValue 1000 */
  flushInterval?: number | undefined;
  /** Requests in flight at once. @defaultValue 4 (Node), 1 elsewhere */
  maxConcurrentRequests?: number | undefined;
  /** Milliseconds before a request is abandoned (and retried). @defaultValue 5000 */
  requestTimeout?: number | undefined;
  /** Cap of the exponential backoff between retries, and of a server's `Retry-After`, in milliseconds (at most 2^31-1). @defaultValue 60000 */
  maxRetryDelay?: number | undefined;
  /**
   * Overrides of the retry table: `{ 403: true }` retries 403, `{ 503: false }` gives up on 503.
   * @defaultValue {}
   */
  customRetryCodes?: Record<number, boolean> | undefined;
  /** Most events held at once (queued, waiting to retry or in flight); new events beyond it are dropped. @defaultValue 250000 (Node), 3000 elsewhere */
  maxQueueEvents?: number | undefined;
  /** Most bytes of events held at once; new events beyond it are dropped. @defaultValue 256 MiB (Node), 2 MiB elsewhere */
  maxQueueBytes?: number | undefined;
  /** Default timeout of `flush()` and `close()`, in milliseconds; the flush at process exit (Node) waits at most 5000, or this if smaller. @defaultValue 10000 */
  flushTimeout?: number | undefined;
  /** Headers added to every request. @defaultValue {} */
  customHeaders?: Record<string, string> | undefined;
  /** The adapter that performs requests. @defaultValue the platform's (Node http, else fetch) */
  transport?: Transport | undefined;
  /** Where queued events live. @defaultValue an in-memory store */
  store?: EventStore | undefined;
  /** Called with the events of every successful request. @defaultValue none */
  onSuccess?: ((events: Payload[]) => void) | undefined;
  /**
   * Called when a request fails. `successCount` is the number of events delivered since the
   * previous `onFailure` call (the Python tracker's meaning, per request instead of per flush).
   * Setting it replaces the Node build's console warnings about failed requests.
   * @defaultValue none (Node: one console warning per kind of failure, naming the fix)
   */
  onFailure?: ((successCount: number, failedEvents: Payload[], info: FailureInfo) => void) | undefined;
  /**
   * Called when events are dropped without being sent; see {@link DropReason}. Setting it
   * replaces the console warnings about dropped events (`closed`, and `exit` in Node).
   * @defaultValue none (a console warning for `closed` and, in Node, `exit`)
   */
  onDrop?: ((count: number, reason: DropReason) => void) | undefined;
  /** Called when an event larger than `maxPostBytes` is sent alone. @defaultValue a console warning */
  onOversize?: ((event: Payload, bytes: number) => void) | undefined;
}

/** Options after defaults are applied. */
export type ResolvedEmitterOptions = Required<
  Omit<EmitterOptions, 'port' | 'transport' | 'store' | 'onSuccess' | 'onFailure' | 'onDrop' | 'onOversize'>
> &
  Pick<EmitterOptions, 'port' | 'transport' | 'store' | 'onSuccess' | 'onFailure' | 'onDrop' | 'onOversize'>;

/** Defaults a platform may replace. */
export type PlatformDefaults = Partial<
  Pick<
    ResolvedEmitterOptions,
    'bufferSize' | 'maxPostBytes' | 'flushInterval' | 'maxConcurrentRequests' | 'requestTimeout' | 'maxQueueEvents' | 'maxQueueBytes' | 'flushTimeout'
  >
>;

/** The platform-neutral defaults, in one place (the Node platform raises the throughput ones). */
export const EMITTER_DEFAULTS = {
  method: 'post',
  protocol: 'https',
  postPath: '/com.snowplowanalytics.snowplow/tp2',
  maxGetBytes: Infinity,
  bufferSize: 10,
  maxPostBytes: 40_000,
  flushInterval: 1_000,
  maxConcurrentRequests: 1,
  requestTimeout: 5_000,
  maxRetryDelay: 60_000,
  // A browser keeps its queue in localStorage, which the page shares (about 5 M characters
  // per origin): 2 MiB of events (some 3,000 of the usual 700 bytes, hours of a page's
  // events offline) leaves more than half of it to the host app (docs/robustness.md).
  maxQueueEvents: 3_000,
  maxQueueBytes: 2 * 1024 * 1024,
  flushTimeout: 10_000,
} as const;

/**
 * Node defaults: a 100,000-event burst is held whole and sent over several keep-alive
 * sockets in 100 kB bodies (half the requests' overhead of 40 kB, and well under the
 * smallest collector sink limit, SQS's 192 kB; the web's 40 kB suits keepalive budgets).
 */
export const NODE_DEFAULTS: PlatformDefaults = {
  bufferSize: 50,
  maxPostBytes: 100_000,
  maxConcurrentRequests: 4,
  maxQueueEvents: 250_000,
  maxQueueBytes: 256 * 1024 * 1024,
};

// The string options with two allowed values.
const CHOICES = [
  ['method', 'post', 'get'],
  ['protocol', 'http', 'https'],
] as const;

/** Applies platform defaults, then the neutral ones; throws a TypeError naming a bad option. */
export function resolveOptions(options: EmitterOptions, platform: PlatformDefaults = {}): ResolvedEmitterOptions {
  const o = { ...EMITTER_DEFAULTS, ...platform } as Record<string, unknown>;
  for (const key in options) {
    const value = options[key as keyof EmitterOptions];
    if (value === undefined) continue;
    // The numeric options (those with a numeric default, and `port`) are all checked the same way.
    if ((typeof o[key] == 'number' || key == 'port') && !(typeof value == 'number' && value > 0)) fail(`options.${key}`, 'must be a positive number');
    // A duration beyond what a timer can wait is clamped to it (a longer one would fire at once).
    o[key] = /Interval|Timeout|Delay$/.test(key) ? Math.min(value as number, MAX_TIMER_DELAY) : value;
  }
  const r = o as unknown as ResolvedEmitterOptions;
  for (const [name, a, b] of CHOICES) if (r[name] != a && r[name] != b) fail(`options.${name}`, `must be '${a}' or '${b}'`);
  if (r.postPath[0] != '/') r.postPath = `/${r.postPath}`;
  r.maxConcurrentRequests = Math.max(1, Math.floor(r.maxConcurrentRequests));
  // Copies: a caller changing its object later must not change a running emitter.
  r.customRetryCodes = { ...r.customRetryCodes };
  r.customHeaders = { ...r.customHeaders };
  return r;
}
