import type { SerializedEvent } from '../core/types.js';
import { PAYLOAD_DATA_SCHEMA } from '../core/schemas.js';
import type { TransportRequest } from '../transports/types.js';
import type { ResolvedEmitterOptions } from './options.js';

const ENVELOPE_HEAD = `{"schema":"${PAYLOAD_DATA_SCHEMA}","data":[`;
const ENVELOPE_TAIL = ']}';

/** Bytes of the `payload_data` envelope around the events of a POST body. */
export const ENVELOPE_BYTES = (ENVELOPE_HEAD + ENVELOPE_TAIL).length; // ASCII: one byte per char

/**
 * Bytes a POST adds to each event: `"stm":"<13 digits>",` plus the comma between
 * events. Millisecond timestamps keep 13 digits until the year 2286.
 */
export const PER_EVENT_OVERHEAD = '"stm":"",'.length + 13 + 1;

/** The byte budget a POST batch must fit in, per the store's `take` accounting. */
export function batchBudget(maxPostBytes: number): number {
  // The last event has no trailing comma, hence the + 1.
  return maxPostBytes - (ENVELOPE_BYTES - 1);
}

/** UTF-8 size of the POST body that {@link postBody} builds for these events. */
export function postBodyBytes(events: readonly SerializedEvent[]): number {
  let bytes = ENVELOPE_BYTES - 1;
  for (const event of events) bytes += event.bytes + PER_EVENT_OVERHEAD;
  return bytes;
}

/**
 * A `payload_data` body joined from the pre-serialised events, with one `stm` stamped
 * into each: the send time of this attempt, never stored with the event.
 */
export function postBody(events: readonly SerializedEvent[], stm: string): string {
  const stamp = `{"stm":"${stm}"`;
  // An empty object has no field to put a comma before.
  return ENVELOPE_HEAD + events.map(({ json }) => (json.length > 2 ? `${stamp},${json.slice(1)}` : `${stamp}}`)).join(',') + ENVELOPE_TAIL;
}

/** The `/i` query string of one event, `stm` first as the protocol asks. */
export function getQuery(event: SerializedEvent, stm: string): string {
  const fields = JSON.parse(event.json) as Record<string, string>;
  let query = `stm=${stm}`;
  for (const key of Object.keys(fields)) {
    if (key == 'stm') continue;
    query += `&${encodeURIComponent(key)}=${encodeURIComponent(fields[key]!)}`;
  }
  return query;
}

/** Builds the request for one batch (POST) or one event (GET). */
export function buildRequest(
  base: string,
  o: Pick<ResolvedEmitterOptions, 'method' | 'postPath' | 'customHeaders' | 'requestTimeout'>,
  events: readonly SerializedEvent[],
  unloading: boolean,
): TransportRequest {
  const stm = String(Date.now());
  const timeout = o.requestTimeout;
  if (o.method == 'get') return { url: `${base}/i?${getQuery(events[0]!, stm)}`, method: 'GET', headers: { ...o.customHeaders }, timeout, unloading };
  return {
    url: base + o.postPath,
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...o.customHeaders },
    body: postBody(events, stm),
    bytes: postBodyBytes(events),
    timeout,
    unloading,
  };
}
