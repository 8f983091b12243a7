// The `_sp_id` format and Snowplow's session rules, as pure functions.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { advanceSession, parseIdCookie, serializeIdCookie, type IdState } from '../../src/core/id-cookie.js';
import { cookieNameHash, sha1Hex } from '../../src/core/sha1.js';

const DUID = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SID = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const PREV = 'b1b2c3d4-e5f6-4789-8abc-def012345678';
const EID = 'c1b2c3d4-e5f6-4789-8abc-def012345678';

describe('sha1Hex / cookieNameHash', () => {
  it('agrees with node:crypto on short, long and non-ASCII inputs', () => {
    for (const text of ['', 'abc', 'shop.test/', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'ü→🙂'.repeat(40)]) {
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }
  });

  it('names the cookies of shop.test as Snowplow did in the measured site (c169)', () => {
    expect(cookieNameHash('shop.test', '/')).toBe('c169');
    expect(cookieNameHash('www.shop.test', '/')).toBe('14d5');
  });
});

describe('parseIdCookie / serializeIdCookie', () => {
  const full = `${DUID}.1700000000.3.1700001000.1699990000.${SID}.${PREV}.${EID}.1700000500123.7`;

  it('reads the ten fields of a Snowplow v3+ cookie and writes them back unchanged', () => {
    const state = parseIdCookie(full)!;
    expect(state).toEqual([DUID, 1700000000, 3, 1700001000, 1699990000, SID, PREV, EID, 1700000500123, 7]);
    expect(serializeIdCookie(state)).toBe(full);
  });

  it('reads an older 6-field cookie (16-hex user id, no session extras) and a first visit (empty last visit)', () => {
    expect(parseIdCookie(`0123456789abcdef.1500000000.2.1500000100..${SID}`)).toEqual([
      '0123456789abcdef', 1500000000, 2, 1500000100, '', SID, '', '', '', 0,
    ]);
  });

  it('reads an anonymous-session cookie (empty user id) and a URI-encoded value', () => {
    expect(parseIdCookie(`.1.1.1..${SID}...${''}.1`)?.[0]).toBe('');
    expect(parseIdCookie(encodeURIComponent(full))).toEqual(parseIdCookie(full));
  });

  it.each([
    ['isotrack\'s corrupted case', 'a.b.c.d.e.f.g'],
    ['NaN written back', `${DUID}.NaN.1.1..${SID}`],
    ['session id not a UUID', `${DUID}.1.1.1..c`],
    ['previous session id not a UUID', `${DUID}.1.1.1..${SID}.prev`],
    ['user id not a UUID', `user.1.1.1..${SID}`],
    ['upper-case user id (client_session refuses it)', `${DUID.toUpperCase()}.1.1.1..${SID}`],
    ['session index past int32', `${DUID}.1.2147483648.1..${SID}`],
    ['negative number', `${DUID}.-1.1.1..${SID}`],
    ['too few fields', `${DUID}.1.1.1.`],
    ['too many fields', `${full}.1`],
    ['broken escape', '%E0%A4%A'],
  ])('refuses %s', (_, value) => {
    expect(parseIdCookie(value)).toBeUndefined();
  });

  it('treats no value as no state', () => {
    expect(parseIdCookie('')).toBeUndefined();
    expect(parseIdCookie(null)).toBeUndefined();
  });
});

describe('advanceSession (Snowplow session rules)', () => {
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const blank = (): IdState => [DUID, 1, 0, 1, '', '', '', '', '', 0];

  it('a first session: index 1, no previous session, the first event remembered with its ms time', () => {
    const s = advanceSession(blank(), true, newId, EID, '1700000500123');
    expect(s[2]).toBe(1);
    expect(s[5]).toMatch(/^00000000-/);
    expect(s[4]).toBe('');
    expect(s[6]).toBe('');
    expect([s[7], s[8], s[9]]).toEqual([EID, 1700000500123, 1]);
    expect(Math.abs(s[3] - Date.now() / 1000)).toBeLessThan(5);
  });

  it('later events of a session count up and keep the first event', () => {
    const s = advanceSession(blank(), true, newId, EID, '5');
    advanceSession(s, false, newId, 'other', '9');
    advanceSession(s, false, newId, 'third', '10');
    expect([s[7], s[8], s[9]]).toEqual([EID, 5, 3]);
  });

  it('a new session links the previous one (id and last event time) and resets the event index', () => {
    const s: IdState = [DUID, 1, 4, 1700001000, '', SID, '', EID, 5, 9];
    advanceSession(s, true, newId);
    expect(s[2]).toBe(5);
    expect(s[6]).toBe(SID);
    expect(s[4]).toBe(1700001000);
    expect(s[5]).not.toBe(SID);
    expect([s[7], s[8], s[9]]).toEqual(['', '', 0]);
  });

  it('without an event (tracker start, newSession) nothing is counted', () => {
    const s = advanceSession(blank(), true, newId);
    expect(s[9]).toBe(0);
    expect(s[7]).toBe('');
  });
});
