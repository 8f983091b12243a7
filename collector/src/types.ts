/**
 * Shapes of what the collector stores and serves on `/micro/*`. They follow
 * Snowplow Micro's JSON so that scripts written against Micro keep working.
 */

/** A self-describing JSON as found inside `ue_pr`/`co` (data left untyped: it is user data). */
export interface SelfDescribing {
  schema: string;
  data: unknown;
}

/** Which collector API an event came in through, as Micro names it. */
export interface ApiName {
  vendor: string;
  /** `tp1` for `GET /i`, `tp2` for the POST paths (and GET on them). */
  version: string;
}

/** The HTTP request an event arrived in, kept for both good and bad events. */
export interface CollectorPayload {
  api: ApiName;
  method: string;
  path: string;
  /** The query string's `name=value` pairs, percent-decoded, as Micro lists them (`[]` without one). */
  querystring: string[];
  /** The raw query string without `?`, or `null` when there was none. */
  rawQuerystring: string | null;
  /**
   * The raw body as text, cut at {@link MAX_STORED_BODY_CHARS}, or `null` when
   * there was no body or it was refused unread (too large).
   */
  body: string | null;
  /** Size of the whole body in bytes as received (also when `body` was cut or refused), `0` without one. */
  bodyBytes: number;
  contentType: string | null;
  headers: Record<string, string>;
  /** ISO time the collector received the request. */
  timestamp: string;
  /** Which collector received it (Micro's field). */
  source: RawEvent['source'];
  /** Where it came from: the same object as each of its events' `rawEvent.context`. */
  context: RawEvent['context'];
}

/** The event as it was sent, before any decoding. */
export interface RawEvent {
  api: ApiName;
  /** Every parameter exactly as sent (POST values may be non-strings when the event is bad). */
  parameters: Record<string, unknown>;
  contentType: string | null;
  source: { name: string; encoding: string; hostname: string };
  context: {
    timestamp: string;
    /** Client address; `null` when the request carried `SP-Anonymous`. */
    ipAddress: string | null;
    useragent: string | null;
    refererUri: string | null;
    /** Every request header as a `name: value` line (credentials redacted). */
    headers: string[];
    /** The network user id from the collector's cookie; always `null` here (no cookie is set). */
    userId: string | null;
  };
}

/** What the collector decoded out of a valid event. */
export interface DecodedEvent {
  /** The tracker-protocol fields, as strings. */
  parameters: Record<string, string>;
  /** The self-describing event (inner `{schema, data}` of `ue_pr`/`ue_px`), when there is one. */
  unstructEvent: SelfDescribing | null;
  /** The entities from `co`/`cx`, in order. */
  contexts: SelfDescribing[];
}

/**
 * The event as Snowplow Enrich writes it, the shape Snowplow Micro returns in `event`:
 * every field of the canonical atomic event
 * (`iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0`), `null` when not set,
 * plus `contexts`, `derived_contexts` and `unstruct_event` as self-describing wrappers.
 * Timestamps are ISO 8601 strings; integers, decimals and flags are numbers and booleans.
 */
export type EnrichedEvent = Record<string, string | number | boolean | SelfDescribing | null>;

/** One valid event, as listed by `/micro/good`. */
export interface GoodEvent {
  /** Collector-side sequence number, increasing; handy for the UI and for paging. */
  id: number;
  rawEvent: RawEvent;
  /** Canonical event name as Enrich sets it: `page_view`, `unstruct`, `struct`, ... */
  eventType: string;
  /**
   * The event's Iglu URI, as Micro 3 gives it: the self-describing event's for `ue` events,
   * the built-in event's otherwise (`iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0`;
   * structured events: `iglu:com.google.analytics/event/jsonschema/1-0-0`).
   */
  schema: string | null;
  /** Iglu URIs of the attached entities. */
  contexts: string[];
  /** The enriched event with atomic field names, as Snowplow Micro returns it. */
  event: EnrichedEvent;
  /** isotrack's decoded view: the fields as sent, the self-describing event and the entities. */
  decoded: DecodedEvent;
  /** ISO time the collector received the event. */
  receivedAt: string;
  /**
   * Micro 3's flag for an event that failed validation but is kept, enriched, beside the
   * good ones; such events are listed by `/micro/events` only, so here it is always `false`.
   */
  incomplete: boolean;
}

/** One failed event (or failed request), as listed by `/micro/bad`. */
export interface BadEvent {
  id: number;
  collectorPayload: CollectorPayload;
  /** The single event of a batch that failed, when the request got that far. */
  rawEvent: RawEvent | null;
  /** Every problem found, each a readable sentence. */
  errors: string[];
  receivedAt: string;
}

/** Counts returned by `/micro/all` and `/micro/reset`. */
export interface Counts {
  total: number;
  good: number;
  bad: number;
}

/** The body of `POST /micro/good`; every field optional, all must match. */
export interface GoodFilter {
  /** Event type: the canonical name (`page_view`, `unstruct`) or the `e` code (`pv`, `ue`). */
  event_type?: string;
  /** Iglu URI of the event (the self-describing event's, or a built-in event's, see {@link GoodEvent.schema}). */
  schema?: string;
  /** Entity schema URIs that the event must all carry. */
  contexts?: string[];
  /** Return at most this many matches, newest first. @defaultValue {@link DEFAULT_PAGE_SIZE} */
  limit?: number;
  /** Skip this many of the newest matches first (the next page starts at `offset + limit`). @defaultValue `0` */
  offset?: number;
}

/** The body of `POST /micro/bad`. */
export interface BadFilter {
  /** Collector API vendor, e.g. `com.snowplowanalytics.snowplow` (or a custom path's first segment). */
  vendor?: string;
  /** Collector API version: `tp1` for `GET /i`, `tp2`, or a custom path's second segment. */
  version?: string;
  /** Return at most this many matches, newest first. @defaultValue {@link DEFAULT_PAGE_SIZE} */
  limit?: number;
  /** Skip this many of the newest matches first. @defaultValue `0` */
  offset?: number;
}

/**
 * How many events `/micro/good` and `/micro/bad` return when no `limit` is given: all that
 * match, as Micro returns them (a page still stops after 32 MiB of JSON, see the README).
 */
export const DEFAULT_PAGE_SIZE = Number.POSITIVE_INFINITY;

/** The largest `limit` accepted: any (the list holds references; each item is serialised as it is sent). */
export const MAX_PAGE_SIZE = Number.MAX_SAFE_INTEGER;

/** Longest request body text kept in a bad event, so that memory stays bounded. */
export const MAX_STORED_BODY_CHARS = 64 * 1024;
