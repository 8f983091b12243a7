/** Cookie attributes, as the browser tracker's options name them. */
export interface CookieAttributes {
  path: string;
  domain: string | undefined;
  sameSite: string;
  secure: boolean;
}

/**
 * `document.cookie` as read in the current task. Each read of it is a round trip to the
 * browser's cookie store (a synchronous IPC in Chromium), and an event reads two cookies:
 * the text is read once per task and forgotten at the task's end (the first microtask
 * checkpoint) and at every write of ours. Between tasks another tab, another frame or
 * Snowplow's tracker on the page may have written, so every task reads afresh; within a
 * task only scripts running in it could, and identity's own deferred write already
 * trusts its memory for longer than that (docs/identity.md, "Reading the cookies").
 */
let jar: string | undefined;
const cookieText = (): string => {
  if (jar === undefined) {
    jar = document.cookie;
    queueMicrotask(() => (jar = undefined));
  }
  return jar;
};

/** The value of cookie `name` ('' when absent or unreadable, as a sandboxed document throws). */
export function getCookie(name: string): string {
  try {
    for (const pair of cookieText().split('; ')) {
      if (pair.startsWith(name + '=')) return decodeURIComponent(pair.slice(name.length + 1));
    }
  } catch {
    // Cookies blocked or a malformed escape: as absent.
  }
  return '';
}

/**
 * Writes cookie `name` for `seconds`, rounded (0 or less deletes it). Returns whether it can
 * be read back: a browser refuses a cookie silently (blocked cookies, a `Secure` one on
 * http, a public-suffix domain), and the identity then lives in memory.
 */
export function setCookie(name: string, value: string, seconds: number, a: CookieAttributes): boolean {
  jar = undefined;
  try {
    document.cookie =
      // Max-Age, not Expires (Snowplow's): an Expires date is cut to the second, so a
      // short session cookie could expire at once.
      `${name}=${encodeURIComponent(value)}; Max-Age=${Math.round(seconds)}; Path=${a.path}` +
      `${a.domain ? '; Domain=' + a.domain : ''}; SameSite=${a.sameSite}${a.secure ? '; Secure' : ''}`;
  } catch {
    return false;
  }
  return getCookie(name) == value;
}

/**
 * The widest domain this page may set cookies on, found as Snowplow finds it: from the
 * two last labels of the host name upwards, the first where a test cookie sticks
 * (`www.shop.test` gives `shop.test`; `a.co.uk` gives `a.co.uk`, since the browser refuses
 * `co.uk`). The host name itself when cookies cannot be written, and for an IP address.
 */
export function findRootDomain(sameSite: string, secure: boolean): string {
  const host = location.hostname;
  // An IP address (v4, or v6 in brackets) has no parent domain to share cookies with.
  // Probing its parts is harmful: WebKitGTK (libsoup) accepts `Domain=0.1` on 127.0.0.1,
  // which would share the id with every host whose address ends in .0.1, and Firefox
  // logs each rejected probe in the page's console.
  if (/^[\d.]+$|:/.test(host)) return host;
  const labels = host.split('.');
  const name = '_sp_root_domain_test_' + Date.now();
  for (let i = labels.length - 2; i >= 0; i--) {
    const domain = labels.slice(i).join('.');
    const attributes = { path: '/', domain, sameSite, secure };
    if (setCookie(name, name, 60, attributes)) {
      setCookie(name, '', -1, attributes);
      return domain;
    }
  }
  return host;
}
