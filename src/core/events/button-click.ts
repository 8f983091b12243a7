// The `button_click` event (Snowplow's button click plugin), as a function of a tracker.
import type { BaseTracker } from '../tracker.js';
import type { CommonEventProperties } from '../types.js';
import { selfDescribing } from './self-describing.js';

const BUTTON_CLICK = 'iglu:com.snowplowanalytics.snowplow/button_click/jsonschema/1-0-0';

/** A `button_click` 1-0-0 event. */
export interface ButtonClickEvent {
  /** The button's text, or a label you choose (required, not empty). */
  label: string;
  /** The button's `id`. @defaultValue none */
  id?: string | undefined;
  /** The button's classes. @defaultValue none */
  classes?: string[] | undefined;
  /** The button's `name`. @defaultValue none */
  name?: string | undefined;
}

/** Sends a `button_click` event; returns the event id. A label that is not a non-empty string throws a TypeError. */
export function trackButtonClick(tracker: BaseTracker, event: ButtonClickEvent & CommonEventProperties): string {
  const { label, id, classes, name } = event ?? {};
  if (typeof label != 'string' || !label) throw new TypeError('isotrack: trackButtonClick: label must be a non-empty string');
  // Empty values are left out, as the schema's nullable fields allow.
  const data: Record<string, unknown> = { label };
  if (id) data.id = id;
  if (classes?.length) data.classes = classes;
  if (name) data.name = name;
  return tracker.track([selfDescribing(BUTTON_CLICK, data)], event);
}
