import { base64UrlEncode } from './base64.js';
import type { Payload } from './types.js';
import { toJson } from './validation.js';

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
   * Adds a JSON value under `encodedKey` (base64url) or `plainKey` (JSON text),
   * e.g. `ue_px`/`ue_pr`. `argument` names the caller's argument if serialisation fails.
   */
  addJson(encodedKey: string, plainKey: string, value: unknown, argument: string): this {
    const text = toJson(value, argument);
    return this.encodeBase64 ? this.add(encodedKey, base64UrlEncode(text)) : this.add(plainKey, text);
  }
}
