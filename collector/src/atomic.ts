/**
 * Micro's `event`: the enriched event with the field names of Snowplow's canonical
 * atomic event (iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0), built from
 * what the tracker sent the way Enrich maps tracker-protocol fields. Enrichments that
 * need outside data (geo-IP, user-agent parsing, IAB) are not run: their fields stay null.
 */
import { ATOMIC_FIELDS, BOOLEAN_FIELDS, DIMENSION_FIELDS, NUMBER_FIELDS, TEXT_FIELDS } from './atomic-fields.js';
import { COLLECTOR_VERSION } from './version.js';
import type { DecodedEvent, EnrichedEvent, RawEvent, SelfDescribing } from './types.js';

const CONTEXTS = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0';
const UNSTRUCT = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';
const IGLU_URI = /^iglu:([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/;
const SNOWPLOW = 'com.snowplowanalytics.snowplow';

// The schema Enrich gives each built-in event (event_vendor/name/format/version); Micro 3
// reports it as the event's `schema`. Structured events keep their Google Analytics origin.
const BUILT_IN_SCHEMAS: Readonly<Record<string, string>> = {
  page_view: `iglu:${SNOWPLOW}/page_view/jsonschema/1-0-0`,
  page_ping: `iglu:${SNOWPLOW}/page_ping/jsonschema/1-0-0`,
  struct: 'iglu:com.google.analytics/event/jsonschema/1-0-0',
  transaction: `iglu:${SNOWPLOW}/transaction/jsonschema/1-0-0`,
  transaction_item: `iglu:${SNOWPLOW}/transaction_item/jsonschema/1-0-0`,
  ad_impression: `iglu:${SNOWPLOW}/ad_impression/jsonschema/1-0-0`,
};

/** The Iglu URI of an event: the self-describing event's, or the built-in event type's; `null` when neither. */
export function eventSchema(eventType: string, unstructEvent: SelfDescribing | null): string | null {
  if (unstructEvent) return unstructEvent.schema;
  return Object.hasOwn(BUILT_IN_SCHEMAS, eventType) ? (BUILT_IN_SCHEMAS[eventType] ?? null) : null;
}

const CAMPAIGN: Readonly<Record<string, string>> = {
  utm_medium: 'mkt_medium',
  utm_source: 'mkt_source',
  utm_term: 'mkt_term',
  utm_content: 'mkt_content',
  utm_campaign: 'mkt_campaign',
};

export interface EnrichSource {
  rawEvent: RawEvent;
  /** The id Enrich would generate for an event sent without `eid`. */
  generatedEventId?: string | undefined;
  eventType: string;
  decoded: DecodedEvent;
  receivedAt: string;
}

export function toEnrichedEvent(source: EnrichSource): EnrichedEvent {
  const params = source.decoded.parameters;
  const event: EnrichedEvent = {};
  for (const field of ATOMIC_FIELDS) event[field] = null;

  for (const [param, field] of TEXT_FIELDS) if (params[param] !== undefined) event[field] = params[param];
  for (const [param, field] of NUMBER_FIELDS) if (params[param] !== undefined) event[field] = toNumber(params[param]);
  for (const [param, field] of BOOLEAN_FIELDS) if (params[param] !== undefined) event[field] = params[param] === '1';
  for (const [param, width, height] of DIMENSION_FIELDS) {
    const [w, h] = (params[param] ?? '').split('x');
    if (w && h) [event[width], event[height]] = [Number(w), Number(h)];
  }

  event.event = source.eventType;
  // Enrich gives an event sent without an id a fresh one; Micro's event_id is never null.
  if (event.event_id === null && source.generatedEventId !== undefined) event.event_id = source.generatedEventId;
  event.collector_tstamp = source.receivedAt;
  event.etl_tstamp = source.receivedAt;
  event.v_collector = `isotrack-collector-${COLLECTOR_VERSION}`;
  event.v_etl = `isotrack-collector-${COLLECTOR_VERSION}`;
  event.dvce_created_tstamp = isoTime(params.dtm);
  event.dvce_sent_tstamp = isoTime(params.stm);
  event.true_tstamp = isoTime(params.ttm);
  event.derived_tstamp = derivedTime(params, source.receivedAt);
  event.user_ipaddress = params.ip ?? source.rawEvent.context.ipAddress;
  event.useragent = params.ua ?? source.rawEvent.context.useragent;
  event.network_userid = params.tnuid ?? params.nuid ?? null;
  Object.assign(event, urlParts('page', params.url), urlParts('refr', params.refr));
  Object.assign(event, campaign(params.url));

  const { unstructEvent, contexts } = source.decoded;
  const uri = eventSchema(source.eventType, unstructEvent);
  const schema = uri === null ? null : IGLU_URI.exec(uri);
  if (schema) {
    [, event.event_vendor = null, event.event_name = null, event.event_format = null, event.event_version = null] = schema;
  }
  event.unstruct_event = unstructEvent ? wrap(UNSTRUCT, unstructEvent) : null;
  event.contexts = contexts.length > 0 ? wrap(CONTEXTS, contexts) : null;
  event.derived_contexts = null;
  return event;
}

function wrap(schema: string, data: SelfDescribing | SelfDescribing[]): SelfDescribing {
  return { schema, data };
}

function toNumber(value: string | undefined): number | null {
  if (value === undefined || value === 'null' || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function isoTime(ms: string | undefined): string | null {
  const value = toNumber(ms);
  return value === null ? null : new Date(value).toISOString();
}

/** Enrich's rule: the true timestamp if sent, else collector time corrected by the device clock's skew. */
function derivedTime(params: Record<string, string>, collected: string): string {
  const truth = isoTime(params.ttm);
  if (truth) return truth;
  const created = toNumber(params.dtm);
  const sent = toNumber(params.stm);
  if (created === null || sent === null) return collected;
  return new Date(Date.parse(collected) - (sent - created)).toISOString();
}

function urlParts(prefix: 'page' | 'refr', text: string | undefined): EnrichedEvent {
  let url: URL;
  try {
    url = new URL(text ?? '');
  } catch {
    return {};
  }
  const scheme = url.protocol.replace(/:$/, '');
  const defaultPort = scheme === 'https' ? 443 : scheme === 'http' ? 80 : null;
  return {
    [`${prefix}_urlscheme`]: scheme,
    [`${prefix}_urlhost`]: url.hostname,
    [`${prefix}_urlport`]: url.port === '' ? defaultPort : Number(url.port),
    [`${prefix}_urlpath`]: url.pathname,
    [`${prefix}_urlquery`]: url.search === '' ? null : url.search.slice(1),
    [`${prefix}_urlfragment`]: url.hash === '' ? null : url.hash.slice(1),
  };
}

/** The campaign attribution enrichment with its default parameters (utm_*). */
function campaign(text: string | undefined): EnrichedEvent {
  const out: EnrichedEvent = {};
  try {
    const query = new URL(text ?? '').searchParams;
    for (const [param, field] of Object.entries(CAMPAIGN)) {
      const value = query.get(param);
      if (value !== null) out[field] = value;
    }
  } catch {
    // Not a URL: no campaign fields, as in Enrich.
  }
  return out;
}
