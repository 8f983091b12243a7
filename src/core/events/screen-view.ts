import type { BuiltEvent } from './built-event.js';
import { readFields, requireArgs, UUID, type FieldRule } from './field-rules.js';
import { REQUIRED, STRING } from './rule-kinds.js';
import { selfDescribing } from './self-describing.js';
import { SCREEN_VIEW_SCHEMA } from '../add-on-schemas.js';
import { uuidv4 } from '../uuid.js';

/** A screen view, sent as `iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0`. */
export interface ScreenViewEvent {
  name: string;
  /** Screen view id, a UUID (anything else throws a TypeError); generated when absent. */
  id?: string | undefined;
  type?: string | undefined;
  previousName?: string | undefined;
  /** The previous screen view's id, a UUID. */
  previousId?: string | undefined;
  previousType?: string | undefined;
  transitionType?: string | undefined;
}

const SCREEN_VIEW: FieldRule[] = [
  ['name', STRING + REQUIRED],
  ['id', STRING, UUID],
  ['type', STRING],
  ['previousName', STRING],
  ['previousId', STRING, UUID],
  ['previousType', STRING],
  ['transitionType', STRING],
];

export function buildScreenView(args: ScreenViewEvent): BuiltEvent {
  // The schema requires an id; a generated one keeps the event valid.
  requireArgs(args, 'trackScreenView');
  return selfDescribing(SCREEN_VIEW_SCHEMA, readFields({ ...args, id: args.id ?? uuidv4() }, SCREEN_VIEW));
}
