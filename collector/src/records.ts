/**
 * Stored events: the good-event record that builds Micro's enriched `event` only when
 * it is read (most stored events are never read), and the byte estimate that the
 * store's budget counts.
 */
import { toEnrichedEvent } from './atomic.js';
import type { BadEvent, DecodedEvent, EnrichedEvent, GoodEvent, RawEvent } from './types.js';

export type NewGoodEvent = Omit<GoodEvent, 'id' | 'event'>;
export type NewBadEvent = Omit<BadEvent, 'id'>;

export class GoodRecord implements GoodEvent {
  readonly rawEvent: RawEvent;
  readonly eventType: string;
  readonly schema: string | null;
  readonly contexts: string[];
  readonly decoded: DecodedEvent;
  readonly receivedAt: string;

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
  }

  get event(): EnrichedEvent {
    return toEnrichedEvent(this);
  }

  toJSON(): GoodEvent {
    const { id, rawEvent, eventType, schema, contexts, event, decoded, receivedAt } = this;
    return { id, rawEvent, eventType, schema, contexts, event, decoded, receivedAt };
  }
}

// What a record costs beyond its strings: objects, arrays, the id, the time.
const RECORD_OVERHEAD_BYTES = 1024;
// Parsed JSON (the self-describing event and entities) takes several times its text.
const PARSED_JSON_FACTOR = 4;

// Fields whose text is also kept decoded, as parsed JSON.
const JSON_FIELDS = new Set(['ue_pr', 'ue_px', 'co', 'cx']);

/**
 * An estimate, on the high side, of the memory one record holds. V8 keeps ASCII text
 * at one byte a character, so characters are counted; a field that is also kept as
 * parsed JSON counts a few times its text, because objects cost more than characters.
 * `body` is the stored body prefix, counted only for the first record of a request.
 */
export function estimateBytes(rawEvent: RawEvent | null, body: string | null): number {
  let bytes = RECORD_OVERHEAD_BYTES + (body?.length ?? 0);
  if (rawEvent) {
    for (const [name, value] of Object.entries(rawEvent.parameters)) {
      const length = typeof value === 'string' ? value.length : jsonLength(value);
      bytes += name.length + (JSON_FIELDS.has(name) ? PARSED_JSON_FACTOR * length : length);
    }
    for (const header of rawEvent.context.headers) bytes += header.length;
  }
  return bytes;
}

function jsonLength(value: unknown): number {
  // Only bad events keep non-string values; their depth is bounded by the parser (MAX_JSON_DEPTH).
  return JSON.stringify(value)?.length ?? 4;
}
