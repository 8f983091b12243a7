import type { FlushResult } from '../emitter/types.js';

/**
 * A self-describing JSON: an Iglu schema URI and the data that conforms to it.
 * `T` may be any object type, interfaces included: the constraint is `object`, so an
 * interface needs no index signature and may have optional properties (which a
 * `Record<keyof T, unknown>` constraint rejects under `exactOptionalPropertyTypes`).
 */
export interface SelfDescribingJson<T extends object = Record<string, unknown>> {
  /** Iglu URI, e.g. `iglu:com.acme/checkout/jsonschema/1-0-0`. */
  schema: string;
  data: T;
}

/** The flat tracker-protocol fields of one event; every value is a string, as on the wire. */
export type Payload = Record<string, string>;

/**
 * An event as the tracker hands it to an emitter: serialised once, at track time,
 * to the JSON object that goes on the wire (without `stm`, which is stamped per send).
 */
export interface SerializedEvent {
  /** The event id (`eid`), kept across retries. */
  readonly eid: string;
  /** `JSON.stringify(payload)`: a JSON object whose values are all strings. */
  readonly json: string;
  /** UTF-8 length of `json`, in bytes. */
  readonly bytes: number;
}

/** What a tracker needs from an emitter. `Emitter` implements it; so can a custom sink. */
export interface EventSink {
  /** Takes one event; never throws into the caller for delivery reasons. */
  input(event: SerializedEvent): void;
  /** Resolves once everything queued before the call is delivered or given up. */
  flush(options?: { timeout?: number | undefined }): Promise<FlushResult>;
  /** Flushes, stops timers and makes later input a no-op. */
  close?: ((options?: { timeout?: number | undefined }) => Promise<FlushResult>) | undefined;
}

/** Options that every `track*` method accepts. */
export interface CommonEventProperties {
  /** Entities (contexts) attached to the event, sent in `cx`/`co`. */
  context?: readonly SelfDescribingJson<object>[] | undefined;
  /** A timestamp the caller trusts, in whole ms since the epoch (`ttm`); a fraction throws a TypeError. */
  trueTimestamp?: number | undefined;
  /** Per-event subject, merged over the tracker's. */
  subject?: import('./subject.js').Subject | undefined;
}
