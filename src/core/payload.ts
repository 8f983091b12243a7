import { base64UrlEncode } from './base64.js';
import type { Payload } from './types.js';

/** A value the payload builder accepts; empty values are left out, as the protocol asks. */
export type FieldValue = string | number | boolean | null | undefined;

/** Sets one field as text; empty values (`undefined`, `null`, `''`) are left out, as the protocol asks. */
export function addField(payload: Payload, key: string, value: FieldValue): void {
  if (value !== undefined && value !== null && value !== '') payload[key] = String(value);
}

/** Adds every field; values were checked by the event's rules, so only empties are filtered. */
export function addFields(payload: Payload, fields: Record<string, unknown>): void {
  for (const key in fields) addField(payload, key, fields[key] as FieldValue);
}

/**
 * Adds JSON text under `encodedKey` (URL-safe base64) or `plainKey` (as is), e.g.
 * `ue_px`/`ue_pr`, as `encodeBase64` says.
 */
export function addJsonField(payload: Payload, encodeBase64: boolean, encodedKey: string, plainKey: string, json: string): void {
  if (encodeBase64) payload[encodedKey] = base64UrlEncode(json);
  else payload[plainKey] = json;
}

/**
 * Builds the flat, all-string field map of one event. Empty values (`undefined`,
 * `null`, `''`) are skipped rather than sent, as the Snowplow payload builders do.
 * (The tracker writes its payloads with the functions above, without this wrapper.)
 */
export class PayloadBuilder {
  /**
   * @param encodeBase64 - whether {@link PayloadBuilder.addJson} writes base64.
   * @param payload - the object to fill. @defaultValue a new empty object
   */
  constructor(
    private readonly encodeBase64: boolean,
    readonly payload: Payload = {},
  ) {}

  add(key: string, value: FieldValue): this {
    addField(this.payload, key, value);
    return this;
  }

  addAll(fields: Record<string, unknown>): this {
    addFields(this.payload, fields);
    return this;
  }

  /**
   * Adds JSON text under `encodedKey` (URL-safe base64) or `plainKey` (as is),
   * e.g. `ue_px`/`ue_pr`, as the tracker's `encodeBase64` option says.
   */
  addJson(encodedKey: string, plainKey: string, json: string): this {
    addJsonField(this.payload, this.encodeBase64, encodedKey, plainKey, json);
    return this;
  }
}

/**
 * The value of a payload field that is not set: `undefined`, typed as the string a
 * `Payload` holds. Writing it, rather than deleting the key, keeps the payload's shape.
 */
export const UNSET = undefined as unknown as string;

// An instance of an empty class, not `{}`: V8 gives it 8 in-object property slots (an
// empty literal gets 4), and a payload whose later fields overflow into the property
// store is turned into a slow dictionary object by a keyed store (`payload[key] = …`, as
// `addField` and `addJsonField` write) once more than 12 fields live there. A browser
// self-describing event has 21 fields: its `ue_pr`, the 20th, did that, and every later
// read and the JSON.stringify of the whole payload paid for it (Chromium 156, 1,000 events
// in one task: about 6 ms less CPU cold and 3 ms warm with the class; docs/benchmarks.md).
class Fields {}

/**
 * A new, empty payload. The tracker writes its fields in the same order for every event
 * of a kind, so V8 gives the payloads of a kind one shape as they grow. (A payload made
 * with all 29 common fields unset, to fix the shape up front, measured slower once the
 * engines' fast JSON.stringify paths landed: Node 20, 1.15x against 1.05x the bare work's
 * CPU per event; Chromium 156, warm loop 25 against 19 ms per 1,000 events, cold loop
 * the same within noise; docs/benchmarks.md.)
 */
export function newPayload(): Payload {
  return new Fields() as Payload;
}
