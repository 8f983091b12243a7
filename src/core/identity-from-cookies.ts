import { parseIdCookie } from './id-cookie.js';
import { cookieNameHash } from './sha1.js';

/** Options of {@link identityFromCookies}: the browser tracker's cookie options, where the site changed them. */
export interface IdentityFromCookiesOptions {
  /** Prefix of the cookie names, as the browser tracker's `cookieName`. @defaultValue '_sp_' */
  cookieName?: string | undefined;
  /**
   * The cookie domain the browser tracker uses (its `cookieDomain`, or the root domain it
   * discovered, e.g. `shop.test` for `www.shop.test`). It picks the cookie by its name's
   * hash; without it, the first valid `<cookieName>id.<4 hex digits>` cookie is used.
   * @defaultValue undefined
   */
  cookieDomain?: string | undefined;
  /** The browser tracker's `cookiePath`, used with `cookieDomain` for the name's hash. @defaultValue '/' */
  cookiePath?: string | undefined;
}

/** The browser's identity as a server reads it from the request's cookies. */
export interface CookieIdentity {
  /** The `duid` the browser sends. */
  domainUserId: string;
  /** The `sid` of the browser's current (or, when `sessionActive` is false, last) session. */
  sessionId: string;
  /** The `vid` (session index) of that session. */
  sessionIndex: number;
  /**
   * Whether the session cookie (`_sp_ses.<hash>`) is present. When false the session has
   * timed out: the browser's next event starts session `sessionIndex + 1` with a new id.
   */
  sessionActive: boolean;
}

/**
 * Reads the first-party identity the browser tracker (isotrack or Snowplow's) keeps in
 * cookies from a `Cookie` request header, so that an event tracked on the server carries
 * the same `duid`, `sid` and `vid` as the browser's events:
 *
 * ```ts
 * const id = identityFromCookies(req.headers.cookie);
 * if (id) subject.setDomainUserId(id.domainUserId).setDomainSessionId(id.sessionId).setDomainSessionIndex(id.sessionIndex);
 * ```
 *
 * Returns undefined when there is no such cookie, or its value is not valid, or it holds
 * no user id (anonymous tracking). Plain string code: runs in Node, edge runtimes and workers.
 */
export function identityFromCookies(header: string | null | undefined, options: IdentityFromCookiesOptions = {}): CookieIdentity | undefined {
  if (header != null && typeof header != 'string') throw new TypeError('isotrack: identityFromCookies header must be a string');
  const prefix = options.cookieName ?? '_sp_';
  const hash = options.cookieDomain ? cookieNameHash(options.cookieDomain, options.cookiePath ?? '/') : '[\\da-f]{4}';
  const idName = new RegExp(`^${prefix.replace(/[^\w]/g, '\\$&')}id\\.(${hash})$`);
  const cookies = (header ?? '').split(';').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const;
  });
  for (const [name, value] of cookies) {
    const match = idName.exec(name);
    const state = match && parseIdCookie(value);
    if (!state || !state[0] || !state[5]) continue;
    return {
      domainUserId: state[0],
      sessionId: state[5],
      sessionIndex: state[2],
      sessionActive: cookies.some(([other]) => other == `${prefix}ses.${match[1]}`),
    };
  }
  return undefined;
}
