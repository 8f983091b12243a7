import type { EventSink, SerializedEvent } from '../core/types.js';
import type { Transport, TransportResponse } from '../transports/types.js';
import { BackoffGate } from './backoff.js';
import { Batcher } from './batcher.js';
import { safely, toPayloads, warn } from './callbacks.js';
import { collectorBase } from './endpoint.js';
import { FlushWaiters } from './flush-waiters.js';
import { MemoryEventStore } from './memory-store.js';
import { DropReporter } from './drops.js';
import { resolveOptions, type EmitterOptions, type ResolvedEmitterOptions } from './options.js';
import type { EmitterPlatform } from './platform.js';
import { batchBudget, buildRequest, postBodyBytes } from './request.js';
import { classify, parseRetryAfter } from './retry.js';
import type { EventStore } from './store.js';
import { Wakeups } from './timers.js';
import type { Batch, EmitterStats, FlushResult } from './types.js';

type Timer = ReturnType<typeof setTimeout>;

/**
 * Sends serialised events to a collector: batching by count and bytes, several requests
 * at once, retries with backoff, a bounded queue, flush and close. Platform-neutral:
 * the platform object supplies the transport and its defaults.
 */
export class Emitter implements EventSink {
  private readonly options: ResolvedEmitterOptions;
  private readonly base: string;
  private readonly store: EventStore;
  private readonly batcher: Batcher;
  private readonly platform: EmitterPlatform;
  private readonly budget: number;
  private readonly gate: BackoffGate;
  private readonly waiters = new FlushWaiters();
  private transportInstance: Transport | undefined;
  private ownsTransport = false;
  /** Failed batches waiting for the backoff to pass; sent before anything new. */
  private readonly retryQueue: Batch[] = [];
  private readonly inFlight = new Set<Batch>();
  private inFlightEvents = 0;
  private delivered = 0;
  private retried = 0;
  private failed = 0;
  private successSinceFailure = 0;
  private draining = false;
  private pumpQueued = false;
  private readonly wakeups: Wakeups;
  private readonly drops: DropReporter;
  private closed = false;
  private warnedClosed = false;
  private stopped = false;
  private closing: Promise<FlushResult> | undefined;

  /**
   * @param endpoint - collector host (`collector.example.com`, `localhost:9090`) or full URL.
   * @param options - see {@link EmitterOptions}; defaults in `EMITTER_DEFAULTS`.
   * @param platform - internal: supplied by the package entry (Node, browser…), not by users.
   *   Without one, `options.transport` is required. The default lives in the entries, so
   *   that a bundle carries only the transports it can use.
   */
  constructor(endpoint: string, options: EmitterOptions = {}, platform: EmitterPlatform = {}) {
    this.options = resolveOptions(options, platform.defaults);
    if (!options.transport && !platform.transport) throw new TypeError('isotrack: options.transport is required');
    this.base = collectorBase(endpoint, this.options.protocol, this.options.port);
    this.platform = platform;
    this.store = this.options.store ?? new MemoryEventStore();
    this.batcher = new Batcher(this.store, this.options);
    this.budget = batchBudget(this.options.maxPostBytes);
    this.gate = new BackoffGate(this.options.maxRetryDelay);
    this.drops = new DropReporter(this.options.onDrop);
    this.wakeups = new Wakeups(
      this.options.flushInterval,
      () => {
        if (this.store.count === 0) return;
        this.draining = true;
        this.schedulePump();
      },
      () => this.schedulePump(),
    );
    platform.onCreate?.(this);
    // A persistent store may hold events from an earlier page load.
    if (this.store.count > 0) this.armInterval();
  }

  /** Queues one event. The hot path: no parsing, no copying, O(1). */
  input(event: SerializedEvent): void {
    if (this.closed) {
      if (!this.warnedClosed) warn('isotrack: events tracked after emitter.close() are ignored');
      this.warnedClosed = true;
      this.drops.drop('closed');
      return;
    }
    if (!this.batcher.tryAdd(event)) return this.drops.drop('queue-full');
    if (this.pumpQueued || this.draining) return;
    const store = this.store;
    if (store.count >= this.options.bufferSize || store.bytes >= this.budget) {
      this.draining = true;
      this.schedulePump();
    } else if (!this.wakeups.intervalArmed) this.armInterval();
  }

  /**
   * Sends everything queued. Resolves when every event queued before the call is
   * delivered or given up, or when `timeout` ms pass (default `flushTimeout`); the result
   * says what is still queued. Never rejects. While it waits it keeps a Node process alive.
   */
  flush(options: { timeout?: number } = {}): Promise<FlushResult> {
    const timeout = options.timeout ?? this.options.flushTimeout;
    return new Promise<FlushResult>((resolve) => {
      let timer: Timer | undefined;
      let settled = false;
      const finish = (timedOut: boolean, failed: number): void => {
        settled = true;
        if (timer !== undefined) globalThis.clearTimeout(timer);
        if (this.waiters.size === 0) this.wakeups.background();
        resolve(this.result(timedOut, failed));
      };
      if (this.stopped) return finish(this.pending() > 0, 0);
      const cancel = this.waiters.add(this.store.count, [...this.inFlight, ...this.retryQueue], finish);
      if (settled) return;
      this.draining = true;
      this.schedulePump();
      if (Number.isFinite(timeout)) timer = globalThis.setTimeout(cancel, Math.max(0, timeout));
    });
  }

  /** Flushes (see {@link flush}), then stops timers and ignores later input with one warning. */
  close(options: { timeout?: number } = {}): Promise<FlushResult> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.closing = this.flush(options).then((result) => {
      this.stop();
      return result;
    });
    return this.closing;
  }

  /**
   * For the page being hidden or unloaded: hands every batch that fits in `maxBytes`
   * (request bodies, summed) to the transport at once with `unloading: true`, ignoring
   * the concurrency limit and any backoff. Returns the number of events handed off.
   */
  flushOnUnload(options: { maxBytes?: number } = {}): number {
    if (this.stopped) return 0;
    let left = options.maxBytes ?? Infinity;
    let sent = 0;
    for (;;) {
      const batch = this.retryQueue.shift() ?? this.take(Math.min(this.budget, batchBudget(left)));
      if (!batch) break;
      const size = this.requestBytes(batch);
      if (size > left) {
        this.giveBack(batch);
        break;
      }
      left -= size;
      sent += batch.events.length;
      this.send(batch, true);
    }
    return sent;
  }

  /** Counters since creation. */
  stats(): EmitterStats {
    return {
      queued: this.batcher.held - this.inFlightEvents,
      inFlight: this.inFlightEvents,
      delivered: this.delivered,
      retried: this.retried,
      dropped: this.drops.total,
      failed: this.failed,
    };
  }

  /** Events held: waiting, retrying or in flight. */
  pending(): number {
    return this.batcher.held;
  }

  private result(timedOut: boolean, failed: number): FlushResult {
    const s = this.stats();
    return { ok: !timedOut && failed === 0, timedOut, failed, queued: s.queued, inFlight: s.inFlight };
  }

  private schedulePump(): void {
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    // A microtask: events tracked in the same synchronous run join the same batches.
    globalThis.queueMicrotask(() => {
      try {
        this.pump();
      } catch (error) {
        // Background work must never throw into the host app (e.g. a custom store that broke its contract).
        warn('isotrack: delivery error', error);
      }
    });
  }

  private pump(): void {
    this.pumpQueued = false;
    if (this.stopped) return;
    const wait = this.gate.remaining();
    if (wait > 0) return this.armBackoff(wait);
    const limit = this.gate.probing ? 1 : this.options.maxConcurrentRequests;
    while (this.inFlight.size < limit) {
      const batch = this.retryQueue.shift() ?? (this.draining ? this.take(this.budget) : undefined);
      if (!batch) break;
      this.send(batch, false);
    }
    if (this.store.count > 0 && !this.draining) this.armInterval();
  }

  /** Takes the next batch from the store; draining ends when the store is empty. */
  private take(budget: number): Batch | undefined {
    const batch = this.batcher.take(budget);
    if (this.store.count === 0) this.draining = false;
    if (batch) this.waiters.taken(batch);
    else this.waiters.recheck(this.store.count);
    return batch;
  }

  private requestBytes(batch: Batch): number {
    // GET bodies are URLs; their percent-encoded size is close enough for an unload budget.
    return this.options.method === 'get' ? batch.bytes * 3 : postBodyBytes(batch.events);
  }

  /** Returns an unsent batch to the front of its queue. */
  private giveBack(batch: Batch): void {
    if (batch.attempts > 0) return void this.retryQueue.unshift(batch);
    this.batcher.release(batch);
  }

  private transport(): Transport {
    if (!this.transportInstance) {
      this.ownsTransport = !this.options.transport;
      this.transportInstance = this.options.transport ?? this.platform.transport!();
    }
    return this.transportInstance;
  }

  private send(batch: Batch, unloading: boolean): void {
    const o = this.options;
    this.inFlight.add(batch);
    this.inFlightEvents += batch.events.length;
    batch.attempts++;
    const startedAt = Date.now();
    let answer: Promise<TransportResponse>;
    try {
      const request = buildRequest(this.base, o.method, o.postPath, batch.events, o.customHeaders, o.requestTimeout, unloading);
      answer = Promise.resolve(this.transport()(request));
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer
      .then(
        (response) => this.settle(batch, startedAt, response),
        () => this.settle(batch, startedAt, undefined),
      )
      .catch((error: unknown) => warn('isotrack: delivery error', error));
  }

  /** Applies the retry table to an answer (`undefined` = network error or timeout). */
  private settle(batch: Batch, startedAt: number, response: TransportResponse | undefined): void {
    const n = batch.events.length;
    this.inFlight.delete(batch);
    this.inFlightEvents -= n;
    const status = response ? Number(response.status) : 0;
    const outcome = response ? classify(status, this.options.customRetryCodes) : 'retry';
    if (outcome === 'success') {
      this.batcher.forget(batch);
      this.delivered += n;
      this.successSinceFailure += n;
      this.gate.succeed();
      const onSuccess = this.options.onSuccess;
      if (onSuccess) safely('onSuccess', () => onSuccess(toPayloads(batch.events)));
      this.waiters.settled(batch, false, this.store.count);
    } else if (outcome === 'retry' && !this.stopped) {
      this.retried += n;
      this.retryQueue.push(batch);
      this.gate.fail(startedAt, parseRetryAfter(response?.header('retry-after')));
      this.reportFailure(batch, status, true);
    } else if (outcome === 'retry') {
      // Closed meanwhile: a persistent store keeps them for the next start.
      this.batcher.release(batch);
    } else {
      this.batcher.forget(batch);
      this.failed += n;
      this.reportFailure(batch, status, false);
      this.waiters.settled(batch, true, this.store.count);
    }
    this.schedulePump();
  }

  private reportFailure(batch: Batch, status: number, willRetry: boolean): void {
    const successCount = this.successSinceFailure;
    this.successSinceFailure = 0;
    const onFailure = this.options.onFailure;
    if (onFailure) safely('onFailure', () => onFailure(successCount, toPayloads(batch.events), { willRetry, status }));
  }

  private armInterval(): void {
    if (!this.stopped) this.wakeups.armInterval();
  }

  private armBackoff(wait: number): void {
    // A pending flush() is awaited by someone: keep the process alive for it.
    this.wakeups.armBackoff(wait, this.waiters.size > 0);
  }

  private stop(): void {
    this.stopped = true;
    this.wakeups.clear();
    this.waiters.abandon();
    for (const batch of this.retryQueue.splice(0).reverse()) this.batcher.release(batch);
    if (this.ownsTransport) safely('transport.close', () => this.transportInstance?.close?.());
    this.platform.onClose?.(this);
  }
}
