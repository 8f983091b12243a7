import { describe, fail, isObject, readFields, OBJECT, STRING, REQUIRED } from './events/field-rules.js';
import type { SelfDescribingJson } from './types.js';

// The pattern Enrich applies to schema URIs (tracker-protocol notes, section 4).
const IGLU_URI = /^iglu:[a-zA-Z0-9\-_.]+\/[a-zA-Z0-9\-_]+\/[a-zA-Z0-9\-_]+\/[0-9]+-[0-9]+-[0-9]+$/;

// Enrich reads timestamps as milliseconds within the years 0 to 9999.
const YEAR_0 = -62167219200000;
const YEAR_10000 = 253402300800000;

/** The JSON text of each checked self-describing JSON, made once at the call. */
const texts = new WeakMap<object, string>();

/** An optional string option or argument, checked. */
export function optionalString(value: unknown, argument: string): string | undefined {
  if (value == null) return undefined; // the common case, on every track call
  return readFields({ [argument]: value }, [[argument, STRING]])[argument] as string | undefined;
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
export function requireSelfDescribing(value: unknown, argument: string): SelfDescribingJson {
  if (isObject(value)) {
    const { schema, data } = value as Partial<SelfDescribingJson>;
    if (typeof schema == 'string' && IGLU_URI.test(schema) && isObject(data)) {
      const text = toJson(data, `${argument}.data`);
      if (text?.[0] == '{') {
        const copy = { schema, data };
        texts.set(copy, `{"schema":"${schema}","data":${text}}`);
        return copy;
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
  return typeof schema === 'string' && IGLU_URI.test(schema) && isObject(data) && isObject(value);
}

/** Throws the TypeError that says what is wrong with a self-describing JSON. */
function badSelfDescribing(value: unknown, argument: string): never {
  if (!isObject(value)) fail(argument, `must be a self-describing JSON {schema, data}, got ${describe(value)}`);
  readFields(value, [['schema', STRING + REQUIRED], ['data', OBJECT + REQUIRED]], `${argument}.`);
  return fail(`${argument}.schema`, `must be an Iglu URI like iglu:com.acme/event/jsonschema/1-0-0, got ${describe((value as { schema?: unknown }).schema)}`);
}

/** Checks the optional `context` array of a track call; returns checked copies. */
export function optionalContexts(value: unknown): SelfDescribingJson[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail('context', `must be an array of self-describing JSON, got ${describe(value)}`);
  // A copy: holes read as undefined, and a Proxy's items are read once.
  return Array.from(value as unknown[], (entity, i) => requireSelfDescribing(entity, `context[${i}]`));
}

/** JSON text of a self-describing JSON: the text made at the check, else serialised now. */
export function selfDescribingJson(value: SelfDescribingJson<object>, argument: string): string {
  return texts.get(value) ?? toJson(value, argument);
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
