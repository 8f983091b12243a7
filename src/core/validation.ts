import { describe, fail, isObject, readFields } from './events/field-rules.js';
import { OBJECT, STRING, REQUIRED } from './events/rule-kinds.js';
import type { SelfDescribingJson } from './types.js';

// The pattern Enrich applies to schema URIs (tracker-protocol notes, section 4), less a
// vendor made only of dots (`iglu:./x/jsonschema/1-0-0`), which the collector refuses:
// as a path it would walk out of the schema repository. (`\w` is `[a-zA-Z0-9_]`.)
const IGLU_URI = /^iglu:(?!\.+\/)[\w.-]+\/[\w-]+\/[\w-]+\/\d+-\d+-\d+$/;
const isIgluUri = (schema: unknown): schema is string => typeof schema == 'string' && IGLU_URI.test(schema);

/**
 * The collector parses `ue_pr`/`ue_px` and `co`/`cx` refusing JSON nested deeper than 64
 * levels. The event's self-describing JSON sits inside the unstruct_event wrapper (one
 * level), an entity inside the contexts wrapper and its array (two levels).
 */
export const MAX_EVENT_DEPTH = 63;
export const MAX_ENTITY_DEPTH = 62;

// Enrich reads timestamps as milliseconds within the years 0 to 9999.
const YEAR_0 = -62167219200000;
const YEAR_10000 = 253402300800000;

/**
 * The JSON text of a checked self-describing JSON, made once at the call and kept on the
 * checked copy under a symbol (JSON.stringify and `for…in` skip it); a WeakMap did the
 * same at about 40x the cost per call, and more work in every garbage collection. The
 * copy is an instance of this class, built in its constructor, so that every copy has
 * one shape from its first call on (an object literal with a symbol key is built by a
 * slower path in V8). A spread copy (`{ ...entity, data }`, as a plugin may make)
 * carries the symbol along but is not an instance: its text is made afresh.
 */
const TEXT = Symbol();
class Checked<T extends object = object> {
  [TEXT]: string;
  constructor(public schema: string, public data: T, text: string) {
    this[TEXT] = text;
  }
}

/** An optional timestamp (whole ms since the epoch, years 0 to 9999, as Enrich reads them), checked. */
export function optionalTimestamp(value: unknown, argument: string): number | undefined {
  if (value == null) return undefined; // the common case, on every track call
  if (!(Number.isInteger(value) && (value as number) >= YEAR_0 && (value as number) < YEAR_10000)) {
    fail(argument, `must be whole milliseconds since the epoch within the years 0 to 9999, got ${describe(value)}`);
  }
  return value as number;
}

/**
 * Checks a self-describing JSON (a valid Iglu URI, data that serialises to a JSON
 * object) and returns a copy of it. `schema` and `data` are read once and `data` is
 * serialised here, once: the text sent is the text checked, whatever getters, Proxies
 * or `toJSON` methods do afterwards. A value that cannot be serialised (a cycle, a
 * BigInt) throws a TypeError naming the argument now rather than in the background.
 */
export function requireSelfDescribing(value: unknown, argument: string, maxDepth = MAX_ENTITY_DEPTH): SelfDescribingJson {
  if (isObject(value)) {
    const { schema, data } = value as Partial<SelfDescribingJson>;
    if (isIgluUri(schema) && isObject(data)) {
      const text = toJson(data, `${argument}.data`);
      if (text?.[0] == '{') {
        // The data sits one level inside the self-describing JSON.
        return new Checked(schema, data, `{"schema":"${schema}","data":${checkDepth(text, maxDepth - 1, argument)}}`);
      }
      fail(`${argument}.data`, 'must serialise to a JSON object (see its toJSON)');
    }
  }
  return badSelfDescribing(value, argument);
}

/**
 * True for a self-describing JSON with a valid Iglu URI. Checked inline, without
 * building the argument's name: this runs for the event and every entity of every track call.
 */
export function isSelfDescribing(value: unknown): value is SelfDescribingJson {
  const { schema, data } = (value ?? {}) as Partial<SelfDescribingJson>;
  return isIgluUri(schema) && isObject(data) && isObject(value);
}

/** Throws the TypeError that says what is wrong with a self-describing JSON. */
function badSelfDescribing(value: unknown, argument: string): never {
  if (!isObject(value)) fail(argument, `must be a self-describing JSON {schema, data}, got ${describe(value)}`);
  readFields(value, [['schema', STRING + REQUIRED], ['data', OBJECT + REQUIRED]], `${argument}.`);
  return fail(`${argument}.schema`, `must be an Iglu URI like iglu:com.acme/event/jsonschema/1-0-0, got ${describe((value as { schema?: unknown }).schema)}`);
}

/** The optional `context` argument: `undefined`, or an array (a TypeError naming it otherwise). */
export function contextArray(value: unknown): readonly unknown[] | undefined {
  if (value == null) return undefined;
  return Array.isArray(value) ? value : fail('context', `must be an array of self-describing JSON, got ${describe(value)}`);
}

/** Checks the optional `context` array of a track call; returns checked copies. */
export function optionalContexts(value: unknown): SelfDescribingJson[] | undefined {
  const list = contextArray(value);
  if (!list) return undefined;
  // A copy: holes read as undefined, and a Proxy's items are read once.
  const copies: SelfDescribingJson[] = [];
  for (let i = 0; i < list.length; i++) copies.push(requireSelfDescribing(list[i], `context[${i}]`));
  return copies;
}

/**
 * JSON text of a self-describing JSON: the text made at the check, else (an entity a
 * plugin or a global context added) serialised and its depth checked now.
 */
export function selfDescribingJson(value: SelfDescribingJson<object>, argument: string, maxDepth = MAX_ENTITY_DEPTH): string {
  return value instanceof Checked ? value[TEXT] : checkDepth(toJson(value, argument), maxDepth, argument);
}

/**
 * `text`, when its arrays and objects nest at most `max` deep; else a TypeError naming
 * the argument (the collector would refuse the event). Text shorter than `2 * max + 2`
 * characters cannot nest deeper (each level takes two brackets), so the common small
 * event is not scanned.
 */
function checkDepth(text: string, max: number, argument: string): string {
  let depth = 0;
  // Strings (with their escapes) are skipped whole; only brackets outside them count.
  if (text.length > 2 * max + 1) {
    for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|[[{]|[\]}]/g)) {
      if ((depth += token == '{' || token == '[' ? 1 : token[0] == '"' ? 0 : -1) > max) fail(`${argument}.data`, 'is nested deeper than the collector takes (64 levels of JSON)');
    }
  }
  return text;
}

/**
 * JSON text of `value`, or a TypeError naming the argument when it cannot be
 * serialised (a cycle, a BigInt): found now rather than in the background.
 */
export function toJson(value: unknown, argument: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    const message = (error as { message?: unknown } | null)?.message;
    fail(argument, `cannot be serialised to JSON (${typeof message == 'string' ? message : 'it threw'})`);
  }
  // `undefined`, a function, or a `toJSON` that returns one of them, serialise to nothing.
  return text ?? fail(argument, 'serialises to nothing (see its toJSON)');
}
