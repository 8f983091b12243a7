// Global contexts: entities that a tracker attaches to every event, or to the events
// a ruleset or filter selects, as Snowplow's addGlobalContexts does. Separate functions
// rather than tracker methods, so that a bundle that does not use them leaves them out.
import { compileRuleSet, type RuleSet } from './global-contexts-rules.js';
import { warn, type TrackedEvent } from './plugins.js';
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from './tracker.js';
import type { Payload, SelfDescribingJson } from './types.js';
import { fail } from './events/field-rules.js';
import { isSelfDescribing } from './validation.js';

export type { RuleSet } from './global-contexts-rules.js';

/** What a context generator or filter is told about the event (Snowplow's `ContextEvent`). */
export interface ContextEvent {
  /** The event's flat fields so far (page fields included in a browser). */
  event: Payload;
  /** Event type code (`e`): `pv`, `ue`, `se`… */
  eventType: string;
  /** Iglu URI of a self-describing event; `''` for other event types. */
  eventSchema: string;
}

/**
 * Returns the entity or entities to attach, or undefined for none. One that throws or
 * returns something else is skipped with a `console.warn`; the event is sent without it.
 */
export type ContextGenerator = (event: ContextEvent) => SelfDescribingJson | SelfDescribingJson[] | null | undefined;
/** Decides whether a conditional global context applies to an event. */
export type ContextFilter = (event: ContextEvent) => boolean;
/** An entity, or a generator of entities. */
export type ContextPrimitive = SelfDescribingJson | ContextGenerator;
/** `[ruleset or filter, entity | generator | list of them]`: attached only to the events the condition selects. */
export type ConditionalContextProvider = readonly [RuleSet | ContextFilter, ContextPrimitive | readonly ContextPrimitive[]];
/** One global context: an entity, a generator, or a conditional provider. */
export type GlobalContext = ContextPrimitive | ConditionalContextProvider;

interface Entry {
  readonly item: GlobalContext;
  /** The name it was added under (the object form of addGlobalContexts). */
  readonly name: string | undefined;
  /** The condition of a conditional provider, compiled once. */
  readonly test?: ((event: ContextEvent) => boolean) | undefined;
}

const registry = new WeakMap<Tracker, Entry[]>();

const isPrimitive = (value: unknown): value is ContextPrimitive => typeof value == 'function' || isSelfDescribing(value);

/** Checks one item at the call; the TypeError names it. */
function toEntry(item: GlobalContext, argument: string, name?: string): Entry {
  if (isPrimitive(item)) return { item, name };
  if (Array.isArray(item) && item.length == 2) {
    const [condition, primitives] = item as ConditionalContextProvider;
    const ok = Array.isArray(primitives) ? primitives.every(isPrimitive) : isPrimitive(primitives);
    const rules = typeof condition == 'function' ? undefined : compileRuleSet(condition);
    const test = typeof condition == 'function' ? condition : rules && ((event: ContextEvent) => rules(event.eventSchema));
    if (ok && test) return { item, name, test };
  }
  return fail(argument, 'must be an entity, a generator, or [ruleset or filter, entities or generators] (see docs/automatic-tracking.md)');
}

/** Adds what a generator returned: entities pass, anything else is warned about and skipped. */
function generate(primitive: ContextPrimitive, event: ContextEvent, out: SelfDescribingJson<object>[]): void {
  let result: unknown = primitive;
  if (typeof primitive == 'function') {
    try {
      result = primitive(event);
    } catch (error) {
      return warn(error);
    }
  }
  if (result == null) return;
  const list = Array.isArray(result) ? result : [result];
  if (list.every(isSelfDescribing)) out.push(...(list as SelfDescribingJson[]));
  else warn('not an entity', result);
}

/** The plugin that attaches a tracker's global contexts, added on first use. */
function entriesOf(tracker: Tracker): Entry[] {
  let entries = registry.get(tracker);
  if (!entries) {
    const list: Entry[] = (entries = []);
    registry.set(tracker, list);
    tracker.addPlugin({
      beforeTrack({ e, schema, payload, contexts }: TrackedEvent) {
        if (list.length == 0) return;
        const event: ContextEvent = { event: payload, eventType: e, eventSchema: schema };
        for (const { item, test } of list) {
          if (!test) generate(item as ContextPrimitive, event, contexts);
          else {
            let applies = false;
            try {
              applies = test(event) === true;
            } catch (error) {
              warn(error);
            }
            const primitives = (item as ConditionalContextProvider)[1];
            if (applies) for (const primitive of Array.isArray(primitives) ? primitives : [primitives]) generate(primitive, event, contexts);
          }
        }
      },
    });
  }
  return entries;
}

/**
 * Attaches entities to every later event of `tracker`, or to the events a condition
 * selects. `contexts` is a list, or an object whose keys name the items (a name added
 * again replaces its item) so that `removeGlobalContexts` can remove them by name.
 * An item that is none of the accepted forms throws a TypeError naming it.
 */
export function addGlobalContexts(tracker: Tracker, contexts: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>): void {
  if (typeof contexts != 'object' || contexts === null) fail('contexts', 'must be a list or an object of global contexts');
  const added = Array.isArray(contexts)
    ? contexts.map((item: GlobalContext, i) => toEntry(item, `contexts[${i}]`))
    : Object.entries(contexts).map(([name, item]) => toEntry(item, `contexts.${name}`, name));
  const entries = entriesOf(tracker);
  for (const entry of added) {
    if (entry.name !== undefined) removeGlobalContexts(tracker, [entry.name]);
    entries.push(entry);
  }
}

/**
 * Removes global contexts: by name (a string), or by an item equal to one added
 * (the same functions, and entities and rulesets with the same JSON).
 */
export function removeGlobalContexts(tracker: Tracker, contexts: readonly (GlobalContext | string)[]): void {
  const entries = registry.get(tracker);
  if (!entries) return;
  for (const context of contexts) {
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      if (typeof context == 'string' ? entry.name === context : same(entry.item, context)) entries.splice(i, 1);
    }
  }
}

/** Removes every global context of `tracker`. */
export function clearGlobalContexts(tracker: Tracker): void {
  registry.get(tracker)?.splice(0);
}

/** Functions by identity, lists part by part, anything else by its JSON. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length == b.length && a.every((x, i) => same(x, b[i]));
  return typeof a == 'function' || typeof b == 'function' ? a === b : JSON.stringify(a) === JSON.stringify(b);
}
