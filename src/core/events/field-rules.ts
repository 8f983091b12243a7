// Event arguments are checked and mapped by small tables rather than by code per
// field: the rules read like the protocol's and the schemas' tables, and they keep the
// browser bundle small (no JSON-schema engine ships in the script tag). Each rule
// states what the pipeline checks for that field (type, integer bounds, enum, format,
// maxLength), so that every event accepted at the call is one the pipeline accepts.

// The kinds and flags live in their own module (every rule table imports them from
// there): an add-on of the script tag bundles these few numbers (the minifier inlines
// them) instead of reading each from the loaded core.
import { ARRAY, BOOLEAN, COUNT, EMPTY, INTEGER, NULLABLE, NUMBER, OBJECT, REQUIRED, STRING, STRINGS } from './rule-kinds.js';

/** The largest integer the pipeline stores in an integer column. */
const INT_MAX = 2 ** 31 - 1;

/**
 * One argument: its name, its kind (plus flags), and either the protocol key it is sent
 * as (default: its name) or what the schema adds: for strings (and the items of
 * `STRINGS`) a maxLength (number), an enum (array) or a format (RegExp); for `ARRAY` the
 * rules of each item; for `OBJECT` the `typeof` of its values.
 */
export type FieldRule = readonly [argument: string, kind: number, sentAsOrExtra?: string | RuleExtra];

/** What a schema adds to a rule (no rule needs both this and a protocol key). */
export type RuleExtra = number | readonly string[] | RegExp | readonly FieldRule[];

const KIND_NAMES = ['a boolean', 'a string', 'a finite number', 'an array of strings', 'an array', 'an object', 'a whole number (32-bit)', 'a whole number ≥ 0 (32-bit)'];

/** The schemas' `format: uuid`. */
export const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** A plain object: not null, not an array. */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a string meets a rule's maxLength, enum or format. */
const allowed = (text: unknown, extra: RuleExtra | undefined): boolean =>
  typeof text == 'string' &&
  (extra === undefined || (typeof extra == 'number' ? text.length <= extra : extra instanceof RegExp ? extra.test(text) : (extra as readonly unknown[]).includes(text)));

function fits(kind: number, value: unknown, extra: RuleExtra | undefined): boolean {
  switch (kind) {
    case STRING: return allowed(value, extra);
    case NUMBER: return typeof value === 'number' && Number.isFinite(value);
    case STRINGS: return Array.isArray(value) && value.every((v) => allowed(v, extra));
    case ARRAY: return Array.isArray(value);
    case INTEGER: return Number.isInteger(value) && Math.abs(value as number) <= INT_MAX;
    case COUNT: return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= INT_MAX;
    case BOOLEAN: return typeof value == 'boolean';
    default: return isObject(value) && (!extra || Object.values(value).every((v) => (extra as readonly unknown[]).includes(typeof v)));
  }
}

/** What a rule asks for, in an error message. */
function wanted(kind: number, flags: number, extra: RuleExtra | undefined): string {
  if (kind == OBJECT && extra) return `an object of ${(extra as string[]).join(' or ')} values`;
  if (kind == STRING && Array.isArray(extra)) return `one of ${extra.join(', ')}`;
  if (extra instanceof RegExp) return 'a UUID';
  const name = KIND_NAMES[kind]! + (typeof extra == 'number' ? ` of at most ${extra} characters` : '');
  return flags & REQUIRED && !(flags & EMPTY) && (kind == STRING || kind == STRINGS) ? name.replace(/^an? /, 'a non-empty ') : name;
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
  if (!isObject(args)) fail(method, 'expects an object argument');
  return args;
}

/**
 * Reads `args` by `rules` into the fields to send, in rule order. Absent optional
 * arguments are left out; a missing required one or a value that breaks its rule
 * throws a TypeError naming the argument (prefixed, e.g. `items[1].`).
 *
 * Every argument is read once, and arrays and objects are copied as they are checked
 * (a hole reads as `undefined`): a getter, a Proxy or a later change by the caller
 * cannot make the event sent differ from the event checked.
 */
export function readFields(args: object, rules: readonly FieldRule[], prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [argument, flags, third] of rules) {
    const [sentAs, extra] = typeof third == 'string' ? [third] : [argument, third];
    let value = (args as Record<string, unknown>)[argument];
    const kind = flags & 7;
    if (value === undefined || (value === null && !(flags & NULLABLE))) {
      if (flags & REQUIRED) fail(prefix + argument, `is required (${wanted(kind, flags, extra)})`);
      if (flags & NULLABLE) out[sentAs] = null;
      continue;
    }
    if (Array.isArray(value)) value = Array.from(value);
    else if (kind == OBJECT && isObject(value)) value = { ...value };
    if (value !== null && !(fits(kind, value, extra) && !(flags & REQUIRED && !(flags & EMPTY) && (value as string | unknown[]).length === 0))) {
      fail(prefix + argument, `must be ${wanted(kind, flags, extra)}, got ${describe(value)}`);
    }
    // The items of an array of objects are read by their own rules.
    if (kind == ARRAY && extra) value = (value as unknown[]).map((item, i) => readFields(requireArgs(item as object, `${prefix}${argument}[${i}]`), extra as FieldRule[], `${prefix}${argument}[${i}].`));
    out[sentAs] = value;
  }
  return out;
}
