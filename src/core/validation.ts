import { describe, fail, isObject, readFields, INTEGER, OBJECT, STRING, REQUIRED } from './events/field-rules.js';
import type { SelfDescribingJson } from './types.js';

// The pattern Enrich applies to schema URIs (tracker-protocol notes, section 4).
const IGLU_URI = /^iglu:[a-zA-Z0-9\-_.]+\/[a-zA-Z0-9\-_]+\/[a-zA-Z0-9\-_]+\/[0-9]+-[0-9]+-[0-9]+$/;

/** An optional string option or argument, checked. */
export function optionalString(value: unknown, argument: string): string | undefined {
  if (value == null) return undefined; // the common case, on every track call
  return readFields({ [argument]: value }, [[argument, STRING]])[argument] as string | undefined;
}

/** An optional whole-number option or argument (e.g. a timestamp in ms), checked. */
export function optionalInteger(value: unknown, argument: string): number | undefined {
  if (value == null) return undefined; // the common case, on every track call
  return readFields({ [argument]: value }, [[argument, INTEGER]])[argument] as number | undefined;
}

/** Checks a self-describing JSON: a valid Iglu URI and an object `data`. */
export function requireSelfDescribing(value: unknown, argument: string): SelfDescribingJson {
  return isSelfDescribing(value) ? value : badSelfDescribing(value, argument);
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

/** Checks the optional `context` array of a track call. */
export function optionalContexts(value: unknown): SelfDescribingJson[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail('context', `must be an array of self-describing JSON, got ${describe(value)}`);
  for (let i = 0; i < value.length; i++) if (!isSelfDescribing(value[i])) badSelfDescribing(value[i], `context[${i}]`);
  return value as SelfDescribingJson[];
}

/**
 * JSON text of `value`, or a TypeError naming the argument when it cannot be
 * serialised (a cycle, a BigInt): found now rather than in the background.
 */
export function toJson(value: unknown, argument: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    return fail(argument, `cannot be serialised to JSON (${(error as Error).message})`);
  }
}
