// identityFromCookies: the browser's identity read from a Cookie header on the server.
import { describe, expect, it } from 'vitest';
import { identityFromCookies } from '../../src/index.node.js';

const DUID = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SID = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const ID = `${DUID}.1700000000.3.1700001000.1699990000.${SID}...1700000500123.7`;

describe('identityFromCookies', () => {
  it('reads duid, sid and session index from the _sp_id cookie, and whether the session is alive', () => {
    const header = `theme=dark; _sp_id.c169=${ID}; _sp_ses.c169=*`;
    expect(identityFromCookies(header)).toEqual({ domainUserId: DUID, sessionId: SID, sessionIndex: 3, sessionActive: true });
    expect(identityFromCookies(`_sp_id.c169=${ID}`)?.sessionActive).toBe(false);
  });

  it('picks the cookie of the given domain (and path) by its name hash', () => {
    const other = ID.replace(DUID, '9f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    const header = `_sp_id.14d5=${other}; _sp_id.c169=${ID}`;
    expect(identityFromCookies(header, { cookieDomain: 'shop.test' })?.domainUserId).toBe(DUID);
    expect(identityFromCookies(header, { cookieDomain: 'www.shop.test' })?.domainUserId).toBe(other.split('.')[0]);
    expect(identityFromCookies(header, { cookieDomain: 'shop.test', cookiePath: '/app' })).toBeUndefined();
  });

  it('honours a custom cookie name prefix', () => {
    expect(identityFromCookies(`_sp_id.c169=${ID}`, { cookieName: '_shop_' })).toBeUndefined();
    expect(identityFromCookies(`_shop_id.c169=${ID}`, { cookieName: '_shop_' })?.sessionId).toBe(SID);
  });

  it('skips an invalid cookie and an anonymous one (no user id); undefined when nothing is usable', () => {
    expect(identityFromCookies(`_sp_id.aaaa=a.b.c.d.e.f.g; _sp_id.c169=${ID}`)?.domainUserId).toBe(DUID);
    expect(identityFromCookies(`_sp_id.c169=.1.1.1..${SID}`)).toBeUndefined();
    expect(identityFromCookies('a=b')).toBeUndefined();
    expect(identityFromCookies('')).toBeUndefined();
    expect(identityFromCookies(undefined)).toBeUndefined();
  });

  it('throws a TypeError for a header that is not a string', () => {
    expect(() => identityFromCookies(['a=b'] as unknown as string)).toThrow(TypeError);
  });
});
