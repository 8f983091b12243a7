import type { SelfDescribingJson } from '../types.js';

/** What an event builder hands the tracker: its code, its own fields and, for `ue`, the event. */
export interface BuiltEvent {
  /** Event type code (`e`): pv, pp, se, ue, tr, ti. */
  e: string;
  /** Protocol fields of this event type, e.g. `{ url, page, refr }`; empty values are left out when sent. */
  fields?: Record<string, unknown> | undefined;
  /** The self-describing event of an `ue` event (already validated). */
  ue?: SelfDescribingJson | undefined;
  /**
   * Fields that must be present once plugins have run, with the argument that
   * supplies them: in a browser the page URL may come from the page itself.
   */
  required?: ReadonlyArray<readonly [field: string, argument: string]> | undefined;
}
