import { advanceSession, parseIdCookie, serializeIdCookie, type IdState } from '../core/id-cookie.js';
import { UNSET } from '../core/payload.js';
import { CLIENT_SESSION_SCHEMA } from '../core/schemas.js';
import { cookieNameHash } from '../core/sha1.js';
import { uuidv4 } from '../core/uuid.js';
import { findRootDomain } from './cookies.js';
import { inBrowser } from './env.js';
import { identityOnServer } from './identity-on-server.js';
import { stateStore, type StateStorageStrategy } from './state-store.js';
import { localStore } from './storage.js';
import type { AnonymousTrackingOptions, ClearUserDataOptions, ClientSession, Identity, IdentityOptions } from './identity-types.js';

export type { StateStorageStrategy } from './state-store.js';
export type { AnonymousTrackingOptions, ClearUserDataOptions, ClientSession, Identity, IdentityOptions } from './identity-types.js';

const IDENTIFIERS = ['uid', 'duid', 'tnuid', 'nuid', 'ip'];

/**
 * First-party identity in the Snowplow browser tracker's format: the `_sp_id.<hash>` and
 * `_sp_ses.<hash>` cookies (or localStorage keys), read at every event as Snowplow reads
 * them, so that both trackers, other tabs and other subdomains share one user and
 * session. Writes are deferred a few milliseconds (as Snowplow's are), so a burst of
 * events writes the cookies once; a new session is written at once.
 */
export function identity(options: IdentityOptions = {}): Identity {
  return inBrowser() ? browserIdentity(options) : identityOnServer();
}

/**
 * {@link identity} in a browser. `newTracker` calls it only there, so that the script
 * tag and an SPA bundle do not carry the server stand-in.
 */
export function browserIdentity(options: IdentityOptions): Identity {
  let strategy: StateStorageStrategy = options.stateStorageStrategy ?? options.stateStorage ?? 'cookieAndLocalStorage';
  const timeout = options.sessionCookieTimeout ?? options.sessionTimeout ?? 1800;
  const sameSite = options.cookieSameSite ?? 'Lax';
  const secure = options.cookieSecure ?? location.protocol == 'https:';
  const path = options.cookiePath ?? '/';
  let domain = options.cookieDomain;
  if (options.discoverRootDomain ?? !domain) domain = findRootDomain(sameSite, secure);
  const hash = cookieNameHash(domain || location.hostname, path);
  const prefix = options.cookieName ?? '_sp_';
  const idName = prefix + 'id.' + hash;
  const sesName = prefix + 'ses.' + hash;
  const legacy = options.storagePrefix ?? '_it_';
  const optKey = legacy + 'optout';
  const ls = localStore();
  const store = stateStore(() => strategy, { path, domain, sameSite, secure }, ls);
  const nav = navigator as Navigator & { doNotTrack?: string };
  const dnt = !!options.respectDoNotTrack && (nav.doNotTrack == '1' || (window as { doNotTrack?: string }).doNotTrack == '1');
  let optedOut = ls.get(optKey) == '1';
  let anon = false;
  let anonSession = false;
  let anonServer = false;
  const setAnon = (config: boolean | AnonymousTrackingOptions | undefined) => {
    anon = !!config;
    // `true` and `false` have neither property.
    anonSession = !!(config as AnonymousTrackingOptions | undefined)?.withSessionTracking;
    anonServer = !!(config as AnonymousTrackingOptions | undefined)?.withServerAnonymisation;
  };
  setAnon(options.anonymousTracking ?? (options.anonymous && { withServerAnonymisation: true }));
  const nowS = () => Math.round(Date.now() / 1000);
  const blank = (): IdState => ['', nowS(), 0, nowS(), '', '', '', '', '', 0];
  // The state as last read or changed here; the only copy when nothing can be stored.
  let mem = blank();
  let persisted = false;
  let lastEvent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const warned: Record<string, 1> = {};

  const allowed = () => !optedOut && !dnt;
  const tracksSession = () => !anon || anonSession;
  const active = () => allowed() && tracksSession();
  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const session = (s: IdState): ClientSession => ({
    userId: anon ? '00000000-0000-0000-0000-000000000000' : s[0],
    sessionId: s[5],
    sessionIndex: s[2],
    eventIndex: s[9],
    previousSessionId: (!anon && s[6]) || null,
    storageMechanism: strategy == 'localStorage' ? 'LOCAL_STORAGE' : 'COOKIE_1',
    firstEventId: s[7] || null,
    firstEventTimestamp: s[8] ? new Date(s[8]).toISOString() : null,
  });
  // Invalid state is dropped once, said once, and replaced by the next write.
  const discard = (name: string, value: string, del: (name: string) => void) => {
    if (!warned[name]) console.warn(`isotrack: discarded invalid identity state ${name}=${value}`);
    warned[name] = 1;
    del(name);
  };
  const read = (): IdState | undefined => {
    const value = store.get(idName);
    const state = parseIdCookie(value);
    if (value && !state) discard(idName, value, store.del);
    return state;
  };
  const write = (): boolean => {
    stopTimer();
    if (strategy == 'none' || !active()) return (persisted = false);
    const copy: IdState = [...mem];
    if (anon) copy[0] = copy[6] = '';
    // The session cookie lives `timeout` from the last event, not from this (deferred) write.
    const left = timeout - (Date.now() - lastEvent) / 1000;
    return (persisted = store.set(idName, serializeIdCookie(copy), options.cookieLifetime ?? 63072000) && store.set(sesName, '*', left));
  };
  // isotrack before 0.2 kept `<prefix>id` in localStorage: 7 fields, times in ms.
  const migrate = () => {
    const key = legacy + 'id';
    const value = ls.get(key);
    if (!value) return;
    ls.del(key);
    const [duid, index, sid, last, previous, firstId, firstMs, more] = value.split('.');
    const state = more == null ? parseIdCookie([duid, nowS(), index, Math.round(Number(last) / 1000), '', sid, previous, firstId, firstMs, 1].join('.')) : undefined;
    if (!state?.[0] || !state[5]) return discard(key, value, ls.del);
    mem = state;
    // The session goes on if it was active: the session cookie gets the time it had left.
    lastEvent = Number(last);
    write();
  };

  // A write of ours is pending: memory is the freshest state.
  const readStored = () => (timer || strategy == 'none' ? undefined : read());

  /** Session rules of Snowplow's tracker, at an event (`eid`, `dtm`) or without one. */
  const step = (eid?: string, dtm?: string, forceNew?: boolean): IdState => {
    const now = Date.now();
    const stored = readStored();
    const s = stored ?? mem;
    if (!s[0] && !anon) s[0] = uuidv4();
    const fresh =
      forceNew || !s[5] || (timer ? false : stored ? !store.get(sesName) : now - lastEvent > timeout * 1000);
    advanceSession(s, fresh, uuidv4, eid, dtm);
    mem = s;
    lastEvent = now;
    if (fresh) {
      if (write()) options.onSessionUpdateCallback?.(session(s));
    } else timer ??= setTimeout(write, 10);
    return s;
  };

  // Read-only: a getter neither extends nor starts a session.
  const current = () => readStored() ?? mem;
  const start = () => {
    if (!active()) return;
    if (strategy != 'none' && !read()) migrate();
    step();
  };
  // Deletes the stored state (memory keeps it).
  const forget = () => {
    stopTimer();
    store.del(idName);
    store.del(sesName);
  };
  const clearUserData = (o: ClearUserDataOptions = {}) => {
    forget();
    if (!o.preserveSession) mem[5] = '', (mem[2] = 0);
    if (!o.preserveUser) mem[0] = '';
  };
  const enable: Identity['enableAnonymousTracking'] = (o) => {
    if (o?.stateStorageStrategy) strategy = o.stateStorageStrategy;
    setAnon(o?.options ?? true);
  };
  start();

  return {
    allowed,
    anonymous: () => anon,
    serverAnonymous: () => anonServer,
    enableAnonymousTracking: enable,
    disableAnonymousTracking(o) {
      enable({ ...o, options: false });
      start();
    },
    setAnonymous(on) {
      if (on) {
        setAnon({ withServerAnonymisation: true });
        forget();
      } else this.disableAnonymousTracking();
    },
    clearUserData,
    optOut() {
      optedOut = true;
      ls.set(optKey, '1');
    },
    optIn() {
      optedOut = false;
      ls.del(optKey);
      start();
    },
    newSession() {
      if (active()) step(undefined, undefined, true);
    },
    save: () => void (timer && write()),
    ids() {
      if (!active()) return undefined;
      const s = current();
      return { domainUserId: anon ? '' : s[0], sessionId: s[5], sessionIndex: s[2] };
    },
    info: () => [persisted ? '0' : '1', ...current()],
    cookieName: (base) => (base == 'id' ? idName : sesName),
    beforeTrack({ payload, contexts }) {
      if (!allowed()) return;
      // Unset rather than deleted: the payload keeps its shape (see newPayload).
      if (anon) for (const key of IDENTIFIERS) payload[key] = UNSET;
      if (!tracksSession()) {
        payload.sid = payload.vid = UNSET;
        return;
      }
      const s = step(payload.eid, payload.dtm);
      // The event's own values win.
      if (!anon) payload.duid ||= s[0];
      payload.sid ||= s[5];
      payload.vid ||= `${s[2]}`;
      if (options.clientSession) contexts.push({ schema: CLIENT_SESSION_SCHEMA, data: session(s) as unknown as Record<string, unknown> });
    },
  };
}
