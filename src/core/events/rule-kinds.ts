// The kinds of argument of the rule tables (field-rules.ts), and the flags added to them.

/** Kinds of argument. */
export const BOOLEAN = 0;
export const STRING = 1;
export const NUMBER = 2;
export const STRINGS = 3;
export const ARRAY = 4;
export const OBJECT = 5;
/** A whole number the pipeline stores as a 32-bit integer (`|n| ≤ 2^31 - 1`): it refuses `1.5` and `2^31`. */
export const INTEGER = 6;
/** A whole number from 0 to 2^31 - 1 (sizes, counts, indexes). */
export const COUNT = 7;
/** Added to a kind: the argument must be present (a string or an array, non-empty). */
export const REQUIRED = 8;
/** Added to a kind: `null` is a value to send, not an absence. */
export const NULLABLE = 16;
/** Added to `STRING + REQUIRED`: the empty string is a value (the schema has no minLength). */
export const EMPTY = 32;
