import { base64UrlEncode } from './base64.js';
import type { Payload } from './types.js';

/** A value the payload builder accepts; empty values are left out, as the protocol asks. */
export type FieldValue = string | number | boolean | null | undefined;

/**
 * Builds the flat, all-string field map of one event. Empty values (`undefined`,
 * `null`, `''`) are skipped rather than sent, as the Snowplow payload builders do.
 */
export class PayloadBuilder {
  readonly payload: Payload = {};

  constructor(private readonly encodeBase64: boolean) {}

  add(key: string, value: FieldValue): this {
    if (value !== undefined && value !== null && value !== '') this.payload[key] = String(value);
    return this;
  }

  /** Adds every field; values were checked by the event's rules, so only empties are filtered. */
  addAll(fields: Record<string, unknown>): this {
    for (const key in fields) this.add(key, fields[key] as FieldValue);
    return this;
  }

  /**
   * Adds JSON text under `encodedKey` (URL-safe base64) or `plainKey` (as is),
   * e.g. `ue_px`/`ue_pr`, as the tracker's `encodeBase64` option says.
   */
  addJson(encodedKey: string, plainKey: string, json: string): this {
    return this.encodeBase64 ? this.add(encodedKey, base64UrlEncode(json)) : this.add(plainKey, json);
  }
}
