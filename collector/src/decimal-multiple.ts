/**
 * `multipleOf` as the Snowplow pipeline checks it: on the numbers' decimal values, not
 * by a binary floating-point division. In floats 19.99 / 0.01 is 1998.9999999999998, so
 * a plain check refuses a price the pipeline accepts; a tolerance instead (ajv's
 * `multipleOfPrecision`) would accept 1.00000000001, which the pipeline refuses. Here
 * both numbers are read as the shortest decimal that round-trips (what `String(n)`
 * prints, which is the JSON text of any number a tracker sends) and divided exactly.
 */
import type Ajv from 'ajv';
import type { SchemaValidateFunction } from 'ajv';

/** A number's decimal value as an integer of digits and a power of ten: 19.99 → [1999n, 2]. */
function decimal(value: number): [bigint, number] {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e') as [string, string?];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?];
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale < 0 ? [digits * 10n ** BigInt(-scale), 0] : [digits, scale];
}

/** True when `value` is a whole multiple of `divisor` (a positive number, by JSON Schema). */
export function isDecimalMultiple(value: number, divisor: number): boolean {
  if (!Number.isFinite(value) || !(divisor > 0)) return false;
  const [a, scaleA] = decimal(value);
  const [b, scaleB] = decimal(divisor);
  const scale = Math.max(scaleA, scaleB);
  return (a * 10n ** BigInt(scale - scaleA)) % (b * 10n ** BigInt(scale - scaleB)) === 0n;
}

/** Replaces ajv's `multipleOf` by the exact decimal check, with ajv's own error message. */
export function useDecimalMultipleOf(ajv: Ajv): void {
  const check: SchemaValidateFunction = (divisor: number, value: number) => {
    check.errors = isDecimalMultiple(value, divisor) ? [] : [{ keyword: 'multipleOf', message: `must be multiple of ${divisor}`, params: { multipleOf: divisor } }];
    return !check.errors.length;
  };
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword({
    keyword: 'multipleOf',
    type: 'number',
    schemaType: 'number',
    errors: true,
    validate: check,
  });
}
