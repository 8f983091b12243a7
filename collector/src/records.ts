/**
 * Stored events: the good-event record that builds Micro's enriched `event` only when
 * it is read (most stored events are never read), and the byte counts that the
 * store's budget adds up.
 */
import { randomUUID } from 'node:crypto';
import { toEnrichedEvent } from './atomic.js';
import type { BadEvent, CollectorPayload, DecodedEvent, EnrichedEvent, GoodEvent, RawEvent } from './types.js';

export type NewGoodEvent = Omit<GoodEvent, 'id' | 'event' | 'incomplete'>;
export type NewBadEvent = Omit<BadEvent, 'id'>;

export class GoodRecord implements GoodEvent {
  readonly rawEvent: RawEvent;
  readonly eventType: string;
  readonly schema: string | null;
  readonly contexts: string[];
  readonly decoded: DecodedEvent;
  readonly receivedAt: string;
  readonly incomplete = false;
  /** Made once, so that every read of `event` gives the same id to an event sent without one. */
  readonly generatedEventId: string | undefined;

  constructor(
    readonly id: number,
    fields: NewGoodEvent,
  ) {
    this.rawEvent = fields.rawEvent;
    this.eventType = fields.eventType;
    this.schema = fields.schema;
    this.contexts = fields.contexts;
    this.decoded = fields.decoded;
    this.receivedAt = fields.receivedAt;
    this.generatedEventId = fields.decoded.parameters.eid === undefined ? randomUUID() : undefined;
  }

  get event(): EnrichedEvent {
    return toEnrichedEvent(this);
  }

  toJSON(): GoodEvent {
    const { id, rawEvent, eventType, schema, contexts, event, decoded, receivedAt, incomplete } = this;
    // generatedEventId shows as event.event_id; it is not a field of its own.
    return { id, rawEvent, eventType, schema, contexts, event, decoded, receivedAt, incomplete };
  }
}

// V8's costs, rounded up (64-bit, pointer compression off, the worst case): a string's header,
// an object's or array's header and each of its slots (a property costs a key and a value).
const STRING_HEADER_BYTES = 24;
const OBJECT_HEADER_BYTES = 64;
const SLOT_BYTES = 16;
// The record's own objects (the record, rawEvent, its context and source, the id, the time).
const RECORD_OVERHEAD_BYTES = 512;
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * The memory a value holds, counted the way V8 lays it out, on the high side: a
 * string is a header plus one byte a character (two when it holds a character past
 * U+00FF); every object and array is a header plus a slot per element. A value parsed
 * from JSON text therefore counts what it costs, not what its text measured (`[[],[]]`
 * is seven characters but three arrays). Depth is bounded by the JSON parser.
 */
export function retainedBytes(value: unknown): number {
  if (typeof value === 'string') return STRING_HEADER_BYTES + (NOT_LATIN1.test(value) ? 2 : 1) * value.length;
  if (value === null || typeof value !== 'object') return SLOT_BYTES;
  if (Array.isArray(value)) {
    let bytes = OBJECT_HEADER_BYTES + SLOT_BYTES * value.length;
    // Numbers, booleans and null live in their slot; strings and objects cost more.
    for (const item of value) if (typeof item === 'string' || (item !== null && typeof item === 'object')) bytes += retainedBytes(item);
    return bytes;
  }
  let bytes = OBJECT_HEADER_BYTES;
  for (const [key, item] of Object.entries(value)) bytes += 2 * SLOT_BYTES + retainedBytes(key) + retainedBytes(item);
  return bytes;
}

/** What one good event holds of its own (shared request data is counted by {@link requestBytes}). */
export function goodBytes(event: NewGoodEvent): number {
  const { decoded } = event;
  return (
    RECORD_OVERHEAD_BYTES +
    retainedBytes(event.rawEvent.parameters) +
    // The decoded fields are the same strings in a second object: only its slots are new.
    OBJECT_HEADER_BYTES +
    2 * SLOT_BYTES * Object.keys(decoded.parameters).length +
    retainedBytes(decoded.unstructEvent) +
    retainedBytes(decoded.contexts) +
    retainedBytes(event.contexts) +
    retainedBytes(event.schema)
  );
}

/** What one bad event holds of its own: its fields (parsed values counted as parsed) and its errors. */
export function badBytes(event: NewBadEvent): number {
  return RECORD_OVERHEAD_BYTES + (event.rawEvent ? retainedBytes(event.rawEvent.parameters) : 0) + retainedBytes(event.errors);
}

/**
 * What the events of one request share: its headers (as an object and as the lines of
 * its `context`), its query string and the stored cuts of its body.
 * Counted once, with the request's first stored event.
 */
export function requestBytes(payload: CollectorPayload, extraBody: string | null): number {
  return (
    OBJECT_HEADER_BYTES * 4 +
    retainedBytes(payload.headers) +
    retainedBytes(payload.context.headers) +
    retainedBytes(payload.querystring) +
    retainedBytes(payload.rawQuerystring) +
    retainedBytes(payload.body) +
    retainedBytes(extraBody) +
    retainedBytes(payload.contentType) +
    retainedBytes(payload.path)
  );
}
