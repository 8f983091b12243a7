import type { BuiltEvent } from './built-event.js';
import { requireArgs } from './field-rules.js';
import type { SelfDescribingJson } from '../types.js';
import { requireSelfDescribing } from '../validation.js';

/** A self-describing event (`e=ue`): your own event, described by an Iglu schema. */
export interface SelfDescribingEvent<T extends object = Record<string, unknown>> {
  event: SelfDescribingJson<T>;
}

export function buildSelfDescribingEvent(args: SelfDescribingEvent<object>): BuiltEvent {
  return { e: 'ue', ue: requireSelfDescribing(requireArgs(args, 'trackSelfDescribingEvent').event, 'event') };
}

/** The `ue` event for a schema this library sends itself. */
export function selfDescribing(schema: string, data: Record<string, unknown>): BuiltEvent {
  return { e: 'ue', ue: { schema, data } };
}
