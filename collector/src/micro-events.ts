/**
 * `GET /micro/events`, Micro 3's list of every event as the pipeline would load it: good
 * events, and the failed ones as "incomplete" events (Enrich 5's name). An incomplete
 * event keeps the fields that were valid and carries why it failed in the failure entity
 * (`iglu:com.snowplowanalytics.snowplow/failure/jsonschema/1-0-0`) among its derived
 * contexts, which the lossy JSON names `contexts_com_snowplowanalytics_snowplow_failure_1`.
 * A request that failed as a whole (not JSON, too big) holds no event, as in Enrich, so it
 * has no incomplete event; it is on `/micro/bad` only.
 */
import { randomUUID } from 'node:crypto';
import { toEnrichedEvent } from './atomic.js';
import { toLossyJson } from './micro-output.js';
import { eventNameOf } from './protocol.js';
import type { EventStore } from './store.js';
import type { BadEvent, EnrichedEvent, GoodEvent } from './types.js';
import { COLLECTOR_VERSION } from './version.js';

const FAILURE = 'iglu:com.snowplowanalytics.snowplow/failure/jsonschema/1-0-0';
const CONTEXTS = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0';
const FIELD_NAME = /^([a-z][a-z0-9_]*)\b/;

/** Good events and the incomplete events of failed ones, newest first: what `/micro/events` lists. */
export function* eventsForMicro(store: EventStore): Generator<GoodEvent | BadEvent> {
  for (const record of store.newestFirst()) {
    if ('good' in record) yield record.good;
    else if (record.bad.rawEvent) yield record.bad;
  }
}

/** One `/micro/events` item: the lossy JSON of a good event, or of a failed event's incomplete event. */
export function microEventJson(item: GoodEvent | BadEvent): Record<string, unknown> {
  return toLossyJson('errors' in item ? incompleteEvent(item) : item.event);
}

/**
 * The enriched event of a failed event: its string fields mapped as for a good event, the
 * self-describing event and entities left out (Enrich drops the invalid ones; which one
 * failed is not tracked here), and the failure entity in `derived_contexts`.
 */
export function incompleteEvent(bad: BadEvent): EnrichedEvent {
  const { collectorPayload } = bad;
  const raw = bad.rawEvent ?? { ...collectorPayload, parameters: {} };
  const parameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.parameters)) if (typeof value === 'string') parameters[name] = value;
  const code = parameters.e ?? '';
  const event = toEnrichedEvent({
    rawEvent: raw,
    generatedEventId: randomUUID(),
    eventType: eventNameOf(code) ?? code,
    decoded: { parameters, unstructEvent: null, contexts: [] },
    receivedAt: bad.receivedAt,
  });
  event.derived_contexts = {
    schema: CONTEXTS,
    data: [
      {
        schema: FAILURE,
        data: {
          failureType: 'ValidationError',
          errors: bad.errors.map((message) => ({ message, source: FIELD_NAME.exec(message)?.[1] ?? 'event' })),
          schema: null,
          data: null,
          timestamp: bad.receivedAt,
          componentName: 'isotrack-collector',
          componentVersion: COLLECTOR_VERSION,
        },
      },
    ],
  };
  return event;
}
