// Event arguments are checked and mapped by small tables rather than by code per
// field: the rules read like the protocol's tables, and they keep the browser
// bundle small (a UMD budget of 8 KB gzipped covers every event type).

/** Kinds of argument. */
export const STRING = 1;
export const NUMBER = 2;
export const STRINGS = 3;
export const ARRAY = 4;
export const OBJECT = 5;
/** A whole number: the protocol field is an integer, which the pipeline refuses to read from `1.5`. */
export const INTEGER = 6;
/** Added to a kind: the argument must be present. */
export const REQUIRED = 8;
/** Added to a kind: `null` is a value to send, not an absence. */
export const NULLABLE = 16;

/** One argument: its name, its kind (plus flags), and the protocol key it is sent as (default: its name). */
export type FieldRule = readonly [argument: string, kind: number, sentAs?: string];

const KIND_NAMES = ['', 'a string', 'a finite number', 'an array of strings', 'an array', 'an object', 'a whole number'];

/** A plain object: not null, not an array. */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fits(kind: number, value: unknown): boolean {
  switch (kind) {
    case STRING: return typeof value === 'string';
    case NUMBER: return typeof value === 'number' && Number.isFinite(value);
    case STRINGS: return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case ARRAY: return Array.isArray(value);
    case INTEGER: return Number.isInteger(value);
    default: return isObject(value);
  }
}

/** What a wrong value looks like in a message: short, never the whole value. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  // A number is short, and shows what is wrong with it (a fraction, NaN).
  return typeof value === 'number' ? String(value) : typeof value;
}

/** The caller's mistake, reported at the call and naming the argument. */
export function fail(argument: string, problem: string): never {
  throw new TypeError(`isotrack: ${argument} ${problem}`);
}

/** Checks that `args` is an object, so that field checks can name the field. */
export function requireArgs<T>(args: T, method: string): T {
  if (!fits(OBJECT, args)) fail(method, 'expects an object argument');
  return args;
}

/**
 * Reads `args` by `rules` into the fields to send, in rule order. Absent optional
 * arguments are left out; a missing required one or a value of the wrong kind
 * throws a TypeError naming the argument (prefixed, e.g. `items[1].`).
 */
export function readFields(args: object, rules: readonly FieldRule[], prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [argument, flags, sentAs = argument] of rules) {
    const value = (args as Record<string, unknown>)[argument];
    const kind = flags & 7;
    if (value === undefined || (value === null && !(flags & NULLABLE))) {
      if (flags & REQUIRED) fail(prefix + argument, `is required (${KIND_NAMES[kind]})`);
      if (flags & NULLABLE) out[sentAs] = null;
      continue;
    }
    if (value !== null && !(fits(kind, value) && (kind !== STRING || !(flags & REQUIRED) || value !== ''))) {
      fail(prefix + argument, `must be ${flags & REQUIRED && kind === STRING ? 'a non-empty string' : KIND_NAMES[kind]}, got ${describe(value)}`);
    }
    out[sentAs] = value;
  }
  return out;
}
