import type { SelfDescribingJson } from './types.js';

// The pattern Enrich applies to schema URIs (tracker-protocol notes, section 4).
const IGLU_URI = /^iglu:[a-zA-Z0-9\-_.]+\/[a-zA-Z0-9\-_]+\/[a-zA-Z0-9\-_]+\/[0-9]+-[0-9]+-[0-9]+$/;

/** The caller's mistake, reported at the call and naming the argument. */
function fail(argument: string, problem: string): never {
  throw new TypeError(`isotrack: ${argument} ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that `args` is an object, so field checks can name the field. */
export function requireArgs<T>(args: T, method: string): T {
  if (!isPlainObject(args)) fail(method, 'expects an object argument');
  return args;
}

export function requireString(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value === '') fail(argument, `must be a non-empty string, got ${describe(value)}`);
  return value;
}

export function optionalString(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(argument, `must be a string, got ${describe(value)}`);
  return value;
}

export function requireNumber(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(argument, `must be a finite number, got ${describe(value)}`);
  return value;
}

export function optionalNumber(value: unknown, argument: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  return requireNumber(value, argument);
}

/** Checks a self-describing JSON: a valid Iglu URI and an object `data`. */
export function requireSelfDescribing(value: unknown, argument: string): SelfDescribingJson {
  if (!isPlainObject(value)) fail(argument, `must be a self-describing JSON {schema, data}, got ${describe(value)}`);
  const { schema, data } = value;
  if (typeof schema !== 'string' || !IGLU_URI.test(schema)) {
    fail(`${argument}.schema`, `must be an Iglu URI like iglu:com.acme/event/jsonschema/1-0-0, got ${describe(schema)}`);
  }
  if (!isPlainObject(data)) fail(`${argument}.data`, `must be an object, got ${describe(data)}`);
  return value as unknown as SelfDescribingJson;
}

/** Checks the optional `context` array of a track call. */
export function optionalContexts(value: unknown, argument = 'context'): SelfDescribingJson[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail(argument, `must be an array of self-describing JSON, got ${describe(value)}`);
  for (let i = 0; i < value.length; i++) requireSelfDescribing(value[i], `${argument}[${i}]`);
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
    const reason = error instanceof Error ? error.message : String(error);
    return fail(argument, `cannot be serialised to JSON (${reason})`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return typeof value;
}
