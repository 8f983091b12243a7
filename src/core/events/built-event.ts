import type { FieldValue } from '../payload.js';
import type { SelfDescribingJson } from '../types.js';

/** What an event builder hands the tracker: its code, its own fields and, for `ue`, the event. */
export interface BuiltEvent {
  /** Event type code (`e`): pv, pp, se, ue, tr, ti. */
  e: string;
  /** Protocol fields of this event type, e.g. `{ url, page, refr }`. */
  fields?: Record<string, FieldValue>;
  /** The self-describing event of an `ue` event (already validated). */
  ue?: SelfDescribingJson;
  /**
   * Fields that must be present once plugins have run, with the argument that
   * supplies them: in a browser the page URL may come from the document.
   */
  required?: ReadonlyArray<readonly [field: string, argument: string]>;
}

/** Drops `undefined` and `null` members, as the Snowplow builders do for event data. */
export function withoutEmpty<T extends Record<string, unknown>>(data: T, keep: Partial<Record<keyof T, true>> = {}): T {
  const out: Record<string, unknown> = {};
  for (const key in data) {
    const value = data[key];
    if (keep[key] || (value !== undefined && value !== null)) out[key] = value;
  }
  return out as T;
}
