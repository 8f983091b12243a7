/**
 * The tracker-protocol facts the validator checks, as Snowplow Enrich applies
 * them (see /work/shared/iglu/tracker-protocol.md, sections 2 and 3).
 */

/** `e` codes Enrich recognises, and the canonical `event` name each becomes. */
export const EVENT_NAMES: Readonly<Record<string, string>> = {
  pv: 'page_view',
  pp: 'page_ping',
  ue: 'unstruct',
  se: 'struct',
  ev: 'struct',
  tr: 'transaction',
  ti: 'transaction_item',
  ad: 'ad_impression',
};

/** The canonical name of an `e` code, or `undefined`; only the table's own entries count (`constructor` is not an event). */
export function eventNameOf(code: string): string | undefined {
  return Object.hasOwn(EVENT_NAMES, code) ? EVENT_NAMES[code] : undefined;
}

/** Platform codes (`p`): the tracker checks the same list. */
export { PLATFORMS } from '../../src/core/platforms.js';

/** Fields every event needs; payload_data requires them for POST and Enrich for GET. */
export const REQUIRED_FIELDS: readonly string[] = ['e', 'p', 'tv'];

/** How Enrich converts a field; a value that does not convert fails the event. */
export type FieldKind = 'timestamp' | 'uuid' | 'integer' | 'decimal' | 'flag' | 'dimensions';

export const FIELD_KINDS: Readonly<Record<string, FieldKind>> = {
  dtm: 'timestamp',
  stm: 'timestamp',
  ttm: 'timestamp',
  eid: 'uuid',
  sid: 'uuid',
  vid: 'integer',
  tid: 'integer',
  pp_mix: 'integer',
  pp_max: 'integer',
  pp_miy: 'integer',
  pp_may: 'integer',
  ti_qu: 'integer',
  se_va: 'decimal',
  tr_tt: 'decimal',
  tr_tx: 'decimal',
  tr_sh: 'decimal',
  ti_pr: 'decimal',
  cookie: 'flag',
  f_pdf: 'flag',
  f_fla: 'flag',
  f_java: 'flag',
  f_dir: 'flag',
  f_qt: 'flag',
  f_realp: 'flag',
  f_wma: 'flag',
  f_gears: 'flag',
  f_ag: 'flag',
  res: 'dimensions',
  vp: 'dimensions',
  ds: 'dimensions',
};

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const INTEGER = /^-?\d+$/;
const DIMENSIONS = /^\d+x\d+$/;
// Enrich parses timestamps as a long and refuses years outside 0-9999.
const YEAR_0 = -62167219200000; // 0000-01-01T00:00:00Z
const YEAR_10000 = 253402300800000; // 10000-01-01T00:00:00Z

/** Checks one field's format; returns why it fails, or `null` when it converts. */
export function checkFieldFormat(field: string, value: string): string | null {
  const kind = FIELD_KINDS[field];
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  switch (kind) {
    case 'timestamp': {
      if (!INTEGER.test(value)) return `${field} ${shown} is not a whole number of milliseconds since the epoch`;
      const ms = Number(value);
      if (ms < YEAR_0 || ms >= YEAR_10000) return `${field} ${shown} is outside the years 0 to 9999`;
      return null;
    }
    case 'uuid':
      return UUID.test(value) ? null : `${field} ${shown} is not a UUID`;
    case 'integer':
      if (!INTEGER.test(value) || Math.abs(Number(value)) > 2 ** 31 - 1) {
        return `${field} ${shown} is not an integer`;
      }
      return null;
    case 'decimal':
      // Enrich reads the string "null" in se_va as no value.
      if (field === 'se_va' && value === 'null') return null;
      return isDecimal(value) ? null : `${field} ${shown} is not a number`;
    case 'flag':
      return value === '0' || value === '1' ? null : `${field} ${shown} must be "1" or "0"`;
    case 'dimensions':
      return DIMENSIONS.test(value) ? null : `${field} ${shown} must be "<width>x<height>", e.g. "1920x1080"`;
    default:
      return null;
  }
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * `-?(digits[.digits?] | .digits)([eE][+-]?digits)?`, scanned once from left to right.
 * A regular expression for this backtracks: the split between the digits before and
 * after an optional dot is ambiguous, so a long run of digits followed by a wrong
 * character took quadratic time (200,000 digits froze the collector for 28 s).
 */
export function isDecimal(value: string): boolean {
  let i = value.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let digits = 0;
  while (i < value.length && isDigit(value.charCodeAt(i))) (i++, digits++);
  if (value.charCodeAt(i) === 46 /* . */) {
    i++;
    while (i < value.length && isDigit(value.charCodeAt(i))) (i++, digits++);
  }
  if (digits === 0) return false;
  const e = value.charCodeAt(i);
  if (e === 101 || e === 69 /* e E */) {
    i++;
    const sign = value.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    const start = i;
    while (i < value.length && isDigit(value.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  return i === value.length;
}
