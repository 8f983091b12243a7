import type { EventSink, SerializedEvent } from '../core/types.js';
import { collectorBase } from './endpoint.js';
import { engine } from './engine.js';
import { MemoryEventStore } from './memory-store.js';
import { resolveOptions, type EmitterOptions } from './options.js';
import type { EmitterPlatform } from './platform.js';
import type { EmitterStats, Engine, FlushResult } from './types.js';

/**
 * Sends serialised events to a collector: batching by count and bytes, several requests
 * at once, retries with backoff, a bounded queue, flush and close. Platform-neutral:
 * the platform object supplies the transport and its defaults. The work happens in
 * {@link engine}; this class is the public surface.
 */
export class Emitter implements EventSink {
  private readonly engine: Engine;

  /**
   * @param endpoint - collector host (`collector.example.com`, `localhost:9090`) or full URL.
   * @param options - see {@link EmitterOptions}; defaults in `EMITTER_DEFAULTS`.
   * @param platform - internal: supplied by the package entry (Node, browser…), not by users.
   *   Without one, `options.transport` is required. The default lives in the entries, so
   *   that a bundle carries only the transports it can use.
   */
  constructor(endpoint: string, options: EmitterOptions = {}, platform: EmitterPlatform = {}) {
    const o = resolveOptions(options, platform.defaults);
    if (!o.transport && !platform.transport) throw new TypeError('isotrack: options.transport is required');
    this.engine = engine(o, collectorBase(endpoint, o.protocol, o.port), o.store ?? new MemoryEventStore(), platform, this);
    platform.onCreate?.(this);
  }

  /** Queues one event. The hot path: no parsing, no copying, O(1). */
  input(event: SerializedEvent): void {
    this.engine.input(event);
  }

  /**
   * Sends everything queued. Resolves when every event queued before the call is
   * delivered or given up, or when `timeout` ms pass (default `flushTimeout`); the result
   * says what is still queued. Never rejects. While it waits it keeps a Node process alive.
   */
  flush(options?: { timeout?: number | undefined }): Promise<FlushResult> {
    return this.engine.flush(options);
  }

  /** Flushes (see {@link flush}), then stops timers and ignores later input with one warning. */
  close(options?: { timeout?: number | undefined }): Promise<FlushResult> {
    return this.engine.close(options);
  }

  /**
   * For the page being hidden or unloaded: hands every batch that fits in `maxBytes`
   * (request bodies, summed) to the transport at once with `unloading: true`, ignoring
   * the concurrency limit and any backoff. Returns the number of events handed off.
   */
  flushOnUnload(options?: { maxBytes?: number | undefined }): number {
    return this.engine.flushOnUnload(options);
  }

  /** Counters since creation. */
  stats(): EmitterStats {
    return this.engine.stats();
  }

  /** Events held: waiting, retrying or in flight. */
  pending(): number {
    return this.engine.pending();
  }

  /**
   * Stops and gives up every event still held: they are counted as dropped and reported
   * synchronously through `onDrop(count, 'exit')`; with `kept` (a persistent store keeps
   * them for the next start) they are neither. Returns the count. The Node entry calls it
   * when the process exits with events still queued, and prints its own warning; it is not
   * for ordinary use.
   */
  abandon(kept?: boolean): number {
    return this.engine.abandon(kept);
  }
}
