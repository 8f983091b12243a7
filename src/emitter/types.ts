import type { SerializedEvent } from '../core/types.js';

/** What `flush()` and `close()` resolve with. They never reject. */
export interface FlushResult {
  /** True when every event queued before the call was delivered. */
  ok: boolean;
  /** True when the timeout passed first. */
  timedOut: boolean;
  /** Of the events queued before the call, how many were given up (not retried). */
  failed: number;
  /** Events still held when the promise settled: waiting, or waiting to be retried. */
  queued: number;
  /** Events in requests that had not answered yet. */
  inFlight: number;
}

/** Counters since the emitter was created, from `emitter.stats()`. */
export interface EmitterStats {
  /** Events waiting to be sent, including those waiting to be retried. */
  queued: number;
  /** Events in requests that have not answered yet. */
  inFlight: number;
  /** Events the collector accepted. */
  delivered: number;
  /** Event sends that failed and were scheduled again (one event retried twice counts 2). */
  retried: number;
  /** Events dropped without being sent (queue full, emitter closed, unsendable, process exit). */
  dropped: number;
  /** Events given up after a non-retryable answer. */
  failed: number;
}

/** One request's worth of events, kept as a unit across retries so it is never re-split. */
export interface Batch {
  readonly _events: SerializedEvent[];
  readonly _bytes: number;
  _attempts: number;
}

/** A pending `flush()`: what it still waits for. */
export interface Waiter {
  /** Waiting events queued before the flush that have not been taken into a batch yet. */
  _ahead: number;
  /** Batches holding events queued before the flush, not settled yet. */
  _batches: Set<Batch>;
  /** Of its events, how many were given up. */
  _failed: number;
  /** Resolves the flush. */
  _done(timedOut: boolean): void;
}

/** What the `Emitter` class delegates to; see its methods for their contracts. */
export interface Engine {
  input(event: SerializedEvent): void;
  flush(options?: { timeout?: number | undefined }): Promise<FlushResult>;
  close(options?: { timeout?: number | undefined }): Promise<FlushResult>;
  flushOnUnload(options?: { maxBytes?: number | undefined }): number;
  stats(): EmitterStats;
  pending(): number;
  abandon(kept?: boolean): number;
}
