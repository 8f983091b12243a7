import { Subject } from '../core/subject.js';
import { BaseTracker, Tracker as CoreTracker, type TrackerOptions, type TrackerStats } from '../core/tracker.js';
import type { EmitterStats } from '../emitter/types.js';
import type { EventSink } from '../core/types.js';
import { sendBeaconTransport } from '../transports/beacon.js';
import type { Transport } from '../transports/types.js';
import { Emitter, type BrowserEmitterOptions } from './emitter.js';
import { inBrowser, listen } from './env.js';
import { linkCrossDomain, type CrossDomainLinker } from './cross-domain.js';
import { getCookie } from './cookies.js';
import { fail } from '../core/events/field-rules.js';
import {
  browserIdentity,
  type AnonymousTrackingOptions,
  type ClearUserDataOptions,
  type Identity,
  type IdentityOptions,
  type StateStorageStrategy,
} from './identity.js';
import { browserPageContext, type PageContextOptions, type PageContextPlugin } from './page-context.js';

/** The Tracker of the browser entries: like the core one (every event type as a method), with platform `web` by default. */
export class Tracker extends CoreTracker {
  constructor(emitters: EventSink | EventSink[], options: TrackerOptions = {}) {
    super(emitters, { platform: 'web', ...options });
  }
}

/** Options of {@link newTracker}: tracker, emitter, identity and page-context options in one object. */
export interface BrowserTrackerOptions
  extends Omit<TrackerOptions, 'namespace'>,
    BrowserEmitterOptions,
    IdentityOptions,
    PageContextOptions {
  /** Decorate the links it accepts with `_sp=<duid>.<ms>` when followed; see {@link BrowserTracker.crossDomainLinker}. @defaultValue undefined */
  crossDomainLinker?: CrossDomainLinker | undefined;
}

/**
 * A tracker made by {@link newTracker}, with the browser's controls. It is the lean
 * tracker (page views, page pings, structured and self-describing events as methods);
 * the other event types are functions of it (`trackLinkClick(tracker, event)`), so
 * that an app's bundle carries only what it imports.
 */
export class BrowserTracker extends BaseTracker {
  /** The emitter this tracker sends with. */
  readonly emitter: Emitter;
  /** Identity, session, anonymous mode and opt-out; undefined outside a browser. */
  readonly identity: Identity | undefined;
  private readonly who: Subject;
  private readonly page: PageContextPlugin | undefined;

  constructor(namespace: string, endpoint: string, options: BrowserTrackerOptions = {}) {
    const browser = inBrowser();
    const id = browser ? browserIdentity(options) : undefined;
    const page = browser ? browserPageContext(options) : undefined;
    let transport: Transport | undefined = options.transport;
    if (!transport) {
      // Anonymous mode can be switched at any time, so its header is added per request.
      const inner = sendBeaconTransport(options);
      // Object.assign copies `sent` and `room`, which the emitter's unload path uses.
      transport = Object.assign((request: Parameters<Transport>[0]) => {
        if (id?.serverAnonymous()) request.headers['SP-Anonymous'] = '*';
        return inner(request);
      }, inner);
    }
    const emitter = new Emitter(endpoint, { ...options, transport });
    const who = options.subject ?? new Subject();
    // Opted out or Do Not Track: events are built (the caller gets an id) but never queued.
    const sink: EventSink = {
      input: (event) => (!id || id.allowed()) && emitter.input(event),
      flush: (o) => emitter.flush(o),
      close: (o) => emitter.close(o),
    };
    super(sink, {
      platform: 'web',
      encodeBase64: false,
      ...options,
      namespace,
      subject: who,
      plugins: [...(browser ? [page!, id!] : []), ...(options.plugins ?? [])],
    });
    this.emitter = emitter;
    this.identity = id;
    this.who = who;
    this.page = page;
    if (id) listen(window, 'pagehide', id.save);
    if (options.crossDomainLinker) this.crossDomainLinker(options.crossDomainLinker);
  }

  // Identity, session and page: Snowplow's names and behaviour (docs/identity.md).

  /** Sets the business user id (`uid`) of later events (`''` or null: none). */
  setUserId(userId: string | null): void {
    this.who.setUserId(userId ?? '');
  }

  /** Sets the business user id from the first-party cookie `name` (none when absent). */
  setUserIdFromCookie(name: string): void {
    if (this.identity) this.setUserId(getCookie(name));
  }

  /** Sets the business user id from the query parameter `name` of the page's URL (none when absent). */
  setUserIdFromLocation(name: string): void {
    if (this.identity) this.setUserId(new URL(location.href).searchParams.get(name));
  }

  /** The id of the current page view (the `web_page` entity's `id`). */
  getPageViewId(): string | undefined {
    return this.page?.pageViewId();
  }

  /** Keeps the current page view id for the later page views of this page. */
  preservePageViewId(): void {
    this.page?.preservePageViewId();
  }

  /** Sends `url` (resolved against the location) as the page URL of later events. */
  setCustomUrl(url: string): void {
    this.page?.setCustomUrl(url);
  }

  /** Sends `url` as the referrer of later events. */
  setReferrerUrl(url: string): void {
    this.page?.setReferrerUrl(url);
  }

  /** The domain user id (`duid`); undefined outside a browser, in anonymous tracking or when not allowed. */
  getDomainUserId(): string | undefined {
    return this.identity?.ids()?.domainUserId;
  }

  /** The current session id (`sid`), as {@link BrowserTracker.getDomainUserId}. */
  getDomainSessionId(): string | undefined {
    return this.identity?.ids()?.sessionId;
  }

  /** Snowplow's parsed `_sp_id` cookie: [cookies disabled '0'|'1', domain user id, created (s), session index, last event (s), previous session's last event (s), session id, previous session id, first event id, first event time (ms), event index]. */
  getDomainUserInfo(): ReturnType<Identity['info']> | undefined {
    return this.identity?.info();
  }

  /** Ends the current session: the next event belongs to a new one. */
  newSession(): void {
    this.identity?.newSession();
  }

  /** Anonymous tracking from now on (`options`: `true` or {@link AnonymousTrackingOptions}). */
  enableAnonymousTracking(config?: { options?: boolean | AnonymousTrackingOptions | undefined; stateStorageStrategy?: StateStorageStrategy | undefined }): void {
    this.identity?.enableAnonymousTracking(config);
  }

  /** Back to tracking the user (a stored id is reused, else a new one is made). */
  disableAnonymousTracking(config?: { stateStorageStrategy?: StateStorageStrategy | undefined }): void {
    this.identity?.disableAnonymousTracking(config);
  }

  /** Deletes the stored identity (cookies and localStorage) and, unless preserved, the ids and user id in memory. */
  clearUserData(config?: ClearUserDataOptions): void {
    this.identity?.clearUserData(config);
    if (!config?.preserveUser) this.setUserId('');
  }

  /** Decorates followed links that `accept` approves with `_sp=<duid>.<ms>` (links added later too). Returns a stop function. */
  crossDomainLinker(accept: CrossDomainLinker): () => void {
    if (typeof accept != 'function') fail('crossDomainLinker', 'must be a function');
    const id = this.identity;
    return id ? linkCrossDomain(accept, () => id.ids()?.domainUserId) : () => {};
  }

  /** The emitter's counters and the tracker's own (`filtered`: events a plugin's filter dropped). */
  override stats(): EmitterStats & TrackerStats {
    return { ...this.emitter.stats(), ...super.stats() };
  }
}

/**
 * Creates a tracker that sends to `endpoint` (a host or URL) with every browser
 * feature on: automatic page context and page view id, first-party identity and
 * sessions, a persistent queue and unload-safe delivery. Outside a browser it is a
 * plain tracker with platform `web`, so server-side rendering can import and call it.
 */
export function newTracker(namespace: string, endpoint: string, options?: BrowserTrackerOptions): BrowserTracker {
  return new BrowserTracker(namespace, endpoint, options);
}
