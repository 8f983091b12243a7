import type { BuiltEvent } from './built-event.js';
import type { SelfDescribingJson } from '../types.js';
import { requireArgs, requireSelfDescribing } from '../validation.js';

/** A self-describing event (`e=ue`): your own event, described by an Iglu schema. */
export interface SelfDescribingEvent {
  event: SelfDescribingJson;
}

export function buildSelfDescribingEvent(args: SelfDescribingEvent): BuiltEvent {
  requireArgs(args, 'trackSelfDescribingEvent');
  return selfDescribing(requireSelfDescribing(args.event, 'event'));
}

/** The `ue` event for a schema this library sends itself. */
export function selfDescribing(event: SelfDescribingJson): BuiltEvent {
  return { e: 'ue', ue: event };
}
