// The value of Snowplow's `_sp_id.<hash>` cookie, read and written in the same format as
// the Snowplow browser tracker, so that a site can switch trackers (or run both) without
// a returning user getting a new id: ten dot-separated fields, times in seconds except
// the first event's time, which is in milliseconds.

import { UUID } from './events/field-rules.js';

/**
 * [0] domain user id, [1] created (s), [2] session index (visit count), [3] last event (s),
 * [4] previous session's last event (s) or '', [5] session id, [6] previous session id or '',
 * [7] first event id of the session or '', [8] first event time (ms) or '', [9] events in this session.
 */
export type IdState = [string, number, number, number, number | '', string, string, string, number | '', number];

const DIGITS = /^\d{1,15}$/;
// What Snowplow trackers write as the user id (a UUID, or 16 hex digits before v3), or
// nothing (anonymous tracking): the client_session entity accepts only these. Lower case
// only, unlike field-rules' UUID; spelled as UUID is, so that gzip finds the repeat.
const USER_ID = /^(?:[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}|[0-9a-f]{16})?$/;
const MAX_INDEX = 2 ** 31 - 1;

/** A whole number in `text` (at most 15 digits, so exact), or undefined when it is not one. */
const whole = (text: string | undefined): number | undefined => (text && DIGITS.test(text) ? +text : undefined);
/** '' or a whole number; undefined when the text is neither. */
const wholeOrEmpty = (text = ''): number | '' | undefined => (text ? whole(text) : '');
/** '' or a UUID; undefined when the text is neither. */
const uuidOrEmpty = (text = ''): string | undefined => (!text || UUID.test(text) ? text : undefined);

/**
 * Parses an `_sp_id` value. Older Snowplow trackers wrote 6 to 9 fields (the later ones
 * are then empty); an empty session id is allowed (a new one is made). Returns undefined
 * when any field is not what Snowplow writes there, so that a corrupted value is never
 * sent on (a `sid` that is not a UUID makes every event bad).
 */
export function parseIdCookie(value: string | null | undefined): IdState | undefined {
  if (!value) return undefined;
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  const f = text.split('.');
  if (f.length < 6 || f.length > 10) return undefined;
  const state: (string | number | '' | undefined)[] = [
    USER_ID.test(f[0]!) ? f[0] : undefined,
    whole(f[1]),
    whole(f[2]),
    whole(f[3]),
    wholeOrEmpty(f[4]),
    uuidOrEmpty(f[5]),
    uuidOrEmpty(f[6]),
    uuidOrEmpty(f[7]),
    wholeOrEmpty(f[8]),
    f[9] ? whole(f[9]) : 0,
  ];
  if (state.includes(undefined) || (state[2] as number) > MAX_INDEX || (state[9] as number) > MAX_INDEX) return undefined;
  return state as IdState;
}

/** The `_sp_id` value of a state (the cookie value needs no further encoding). */
export const serializeIdCookie = (state: IdState): string => state.join('.');

/**
 * Snowplow's session rules, applied to `s` in place at an event (`eid`, `dtm` in ms) or
 * without one: a new session (`fresh`) keeps the user, remembers the previous session's
 * id and last event time, counts the session index up, takes a new id and forgets the
 * first event; then the last event time is now, and an event is counted (the first of a
 * session is remembered as its first event). Returns `s`.
 */
export function advanceSession(s: IdState, fresh: boolean, newId: () => string, eid?: string, dtm?: string): IdState {
  if (fresh) {
    if (s[5]) {
      s[6] = s[5];
      s[4] = s[3];
    }
    s[2]++;
    s[5] = newId();
    s[7] = s[8] = '';
    s[9] = 0;
  }
  s[3] = Math.round(Date.now() / 1000);
  if (eid) {
    if (!s[9]) {
      s[7] = eid;
      s[8] = Number(dtm);
    }
    s[9]++;
  }
  return s;
}
