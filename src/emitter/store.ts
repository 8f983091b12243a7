import type { SerializedEvent } from '../core/types.js';

/** Limits of one {@link EventStore.take}. */
export interface TakeLimits {
  /** Most events to return. */
  count: number;
  /** Budget: the sum of `event.bytes + overhead` over the returned events must not exceed it… */
  bytes: number;
  /** …where `overhead` is what the request adds around each event (the `stm` stamp, a comma). */
  overhead: number;
}

/**
 * Where an emitter keeps events until they are delivered. The default is
 * {@link MemoryEventStore}; the browser supplies a persistent one.
 *
 * An event moves through three states:
 * 1. **waiting**: added, not yet taken. `count` and `bytes` describe only these.
 * 2. **in flight**: returned by `take`. The emitter owns it until it calls `ack`
 *    (delivered, or given up for good) or `release` (send it again later, e.g. the
 *    emitter closed before it could). While in flight, it must not be returned by
 *    `take` again; a store shared between tabs must also hide it from other tabs. A
 *    persistent store may hand an in-flight event back to waiting on its own only when
 *    its owner is gone (e.g. no heartbeat from that tab for some seconds), since a
 *    reload loses the emitter that held it.
 * 3. **acknowledged**: forgotten by the store; never sent again.
 *
 * Contract:
 * - Every method is synchronous and never throws (a failing backend degrades to memory).
 * - `add` and `take` cost O(1) per event, amortised; they must not grow with the queue
 *   (no re-serialising the whole queue per event).
 * - `take` returns the oldest waiting events, in insertion order, stopping before the
 *   first one that would break a limit; if the oldest event alone exceeds `bytes`, it
 *   returns that event alone (the emitter sends it by itself).
 * - Events restored at start-up (persistent stores) are simply waiting events: the
 *   emitter reads `count` when it is created and sends them.
 * - Events are passed back to `ack`/`release` as the same objects `take` returned.
 */
export interface EventStore {
  /** Number of waiting events. */
  readonly count: number;
  /** Sum of `bytes` of the waiting events. */
  readonly bytes: number;
  /** Appends an event to the waiting events. */
  add(event: SerializedEvent): void;
  /** Moves the oldest waiting events, within `limits`, to in flight and returns them. */
  take(limits: TakeLimits): SerializedEvent[];
  /** Forgets in-flight events for good (delivered, or failed without retry). */
  ack(events: readonly SerializedEvent[]): void;
  /** Puts in-flight events back in front of the waiting events, in their order. */
  release(events: readonly SerializedEvent[]): void;
}
