import type { IdState } from '../core/id-cookie.js';
import type { TrackerPlugin } from '../core/tracker.js';
import type { StateStorageStrategy } from './state-store.js';

// The options and controls of browser identity (implemented in identity.ts).

/** Anonymous tracking as Snowplow configures it. */
export interface AnonymousTrackingOptions {
  /** Keep the session (`sid`, `vid`, client_session) and store it, without a user id. @defaultValue false */
  withSessionTracking?: boolean | undefined;
  /** Send `SP-Anonymous: *`, so that the collector sets no cookie and keeps no IP address. @defaultValue false */
  withServerAnonymisation?: boolean | undefined;
}

/** The client_session entity's data, as `onSessionUpdateCallback` receives it. */
export interface ClientSession {
  userId: string;
  sessionId: string;
  sessionIndex: number;
  eventIndex: number;
  previousSessionId: string | null;
  storageMechanism: 'COOKIE_1' | 'LOCAL_STORAGE';
  firstEventId: string | null;
  firstEventTimestamp: string | null;
}

/** Options of first-party identity and sessions; names and defaults as in Snowplow's browser tracker. */
export interface IdentityOptions {
  /**
   * Where the `_sp_id` / `_sp_ses` identity state lives: first-party cookies
   * (`'cookieAndLocalStorage'` and `'cookie'`: identity in cookies either way; the event
   * queue's persistence does not depend on this), `'localStorage'` (Snowplow's keys with
   * `.expires` companions), or `'none'` (memory: a new user on every page load).
   * @defaultValue 'cookieAndLocalStorage'
   */
  stateStorageStrategy?: StateStorageStrategy | undefined;
  /** @deprecated The earlier name of {@link IdentityOptions.stateStorageStrategy}. */
  stateStorage?: 'localStorage' | 'none' | undefined;
  /** Domain of the identity cookies. @defaultValue the root domain, found as Snowplow finds it (see `discoverRootDomain`) */
  cookieDomain?: string | undefined;
  /** Find the widest domain cookies can be set on, so that subdomains share the id. @defaultValue true when `cookieDomain` is not set */
  discoverRootDomain?: boolean | undefined;
  /** Path of the identity cookies (part of their names' hash). @defaultValue '/' */
  cookiePath?: string | undefined;
  /** SameSite attribute of the identity cookies. @defaultValue 'Lax' */
  cookieSameSite?: 'Strict' | 'Lax' | 'None' | undefined;
  /**
   * Secure attribute of the identity cookies. Snowplow's default is `true`; on an http
   * page a browser refuses a Secure cookie (Snowplow then stores nothing), so isotrack
   * sets it only where it can be stored. @defaultValue true on https pages, false on http
   */
  cookieSecure?: boolean | undefined;
  /** Seconds the `_sp_id` cookie lives after the last event. @defaultValue 63072000 (2 years) */
  cookieLifetime?: number | undefined;
  /** Prefix of the identity cookie names (`<cookieName>id.<hash>`, `<cookieName>ses.<hash>`). @defaultValue '_sp_' */
  cookieName?: string | undefined;
  /** Seconds without an event after which the next event starts a new session (`_sp_ses` lifetime). @defaultValue 1800 */
  sessionCookieTimeout?: number | undefined;
  /** @deprecated The earlier name of {@link IdentityOptions.sessionCookieTimeout}. */
  sessionTimeout?: number | undefined;
  /** Prefix of isotrack's own keys: the opt-out flag `<prefix>optout`, and `<prefix>id`, migrated once to `_sp_id`. @defaultValue '_it_' */
  storagePrefix?: string | undefined;
  /** Attach the `client_session` 1-0-2 entity to every event. @defaultValue false */
  clientSession?: boolean | undefined;
  /**
   * Anonymous tracking: no user id is stored or sent (`duid`, `uid`, `tnuid`, `nuid`, `ip`
   * are removed) and, without `withSessionTracking`, no session either and nothing stored.
   * @defaultValue false
   */
  anonymousTracking?: boolean | AnonymousTrackingOptions | undefined;
  /** @deprecated `anonymous: true` is `anonymousTracking: { withServerAnonymisation: true }`. */
  anonymous?: boolean | undefined;
  /** Track nothing when the browser sends Do Not Track. @defaultValue false */
  respectDoNotTrack?: boolean | undefined;
  /** Called with the new session when one starts (and is stored). @defaultValue undefined */
  onSessionUpdateCallback?: ((session: ClientSession) => void) | undefined;
}

/** Options of `clearUserData`. */
export interface ClearUserDataOptions {
  /** Keep the session id and index in memory. @defaultValue false */
  preserveSession?: boolean | undefined;
  /** Keep the domain user id and business user id in memory. @defaultValue false */
  preserveUser?: boolean | undefined;
}

/** The identity plugin and its controls. */
export interface Identity extends TrackerPlugin {
  /** False when the user opted out or Do Not Track applies: nothing is sent. */
  allowed(): boolean;
  /** Whether anonymous tracking is on. */
  anonymous(): boolean;
  /** Whether requests should carry `SP-Anonymous: *`. */
  serverAnonymous(): boolean;
  enableAnonymousTracking(options?: { options?: boolean | AnonymousTrackingOptions | undefined; stateStorageStrategy?: StateStorageStrategy | undefined }): void;
  disableAnonymousTracking(options?: { stateStorageStrategy?: StateStorageStrategy | undefined }): void;
  /** Anonymous tracking with server anonymisation on (and the stored state deleted), or off. */
  setAnonymous(on: boolean): void;
  /** Deletes the stored identity; later events get new ids unless preserved. */
  clearUserData(options?: ClearUserDataOptions): void;
  /** Stops all tracking in this browser until {@link Identity.optIn}; remembered. */
  optOut(): void;
  optIn(): void;
  /** Ends the session now and starts the next one. */
  newSession(): void;
  /** Writes pending state now (at `pagehide`). */
  save(): void;
  /** The current ids, or undefined in anonymous tracking without sessions or when tracking is not allowed. */
  ids(): { domainUserId: string; sessionId: string; sessionIndex: number } | undefined;
  /** Snowplow's parsed id cookie: [cookies disabled '0'|'1', ...the ten `_sp_id` fields]. */
  info(): [string, ...IdState];
  /** The full name of an identity cookie (`'id'` → `_sp_id.c169`). */
  cookieName(base: 'id' | 'ses'): string;
}
