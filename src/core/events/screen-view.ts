import { withoutEmpty, type BuiltEvent } from './built-event.js';
import { selfDescribing } from './self-describing.js';
import { SCHEMAS } from '../schemas.js';
import { uuidv4 } from '../uuid.js';
import { optionalString, requireArgs, requireString } from '../validation.js';

/** A screen view, sent as `iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0`. */
export interface ScreenViewEvent {
  name: string;
  /** Screen view id, a UUID; generated when absent. */
  id?: string;
  type?: string;
  previousName?: string;
  previousId?: string;
  previousType?: string;
  transitionType?: string;
}

export function buildScreenView(args: ScreenViewEvent): BuiltEvent {
  requireArgs(args, 'trackScreenView');
  return selfDescribing({
    schema: SCHEMAS.screenView,
    data: withoutEmpty({
      name: requireString(args.name, 'name'),
      id: optionalString(args.id, 'id') ?? uuidv4(),
      type: optionalString(args.type, 'type'),
      previousName: optionalString(args.previousName, 'previousName'),
      previousId: optionalString(args.previousId, 'previousId'),
      previousType: optionalString(args.previousType, 'previousType'),
      transitionType: optionalString(args.transitionType, 'transitionType'),
    }),
  });
}
