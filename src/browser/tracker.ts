import { Subject } from '../core/subject.js';
import { Tracker as CoreTracker, type TrackerOptions, type TrackerStats } from '../core/tracker.js';
import type { EmitterStats } from '../emitter/types.js';
import type { EventSink } from '../core/types.js';
import { sendBeaconTransport } from '../transports/beacon.js';
import type { Transport } from '../transports/types.js';
import { enableActivityTracking, type ActivityTrackingOptions } from './activity.js';
import { Emitter, type BrowserEmitterOptions } from './emitter.js';
import { inBrowser, listen } from './env.js';
import { identity, type Identity, type IdentityOptions } from './identity.js';
import { pageContext, type PageContextOptions } from './page-context.js';

/** The Tracker of the browser entries: like the core one, with platform `web` by default. */
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
    PageContextOptions {}

/** A tracker made by {@link newTracker}, with the browser's controls. */
export class BrowserTracker extends Tracker {
  /** The emitter this tracker sends with. */
  readonly emitter: Emitter;
  /** Identity, session, anonymous mode and opt-out; undefined outside a browser. */
  readonly identity: Identity | undefined;
  private readonly who: Subject;
  private readonly page: (() => string) | undefined;

  constructor(namespace: string, endpoint: string, options: BrowserTrackerOptions = {}) {
    const browser = inBrowser();
    const id = browser ? identity(options) : undefined;
    const page = browser ? pageContext(options) : undefined;
    let transport: Transport | undefined = options.transport;
    if (!transport) {
      // Anonymous mode can be switched at any time, so its header is added per request.
      const inner = sendBeaconTransport(options);
      // Object.assign copies `sent` and `room`, which the emitter's unload path uses.
      transport = Object.assign((request: Parameters<Transport>[0]) => {
        if (id?.anonymous()) request.headers['SP-Anonymous'] = '*';
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
      encodeBase64: false,
      ...options,
      namespace,
      subject: who,
      plugins: [...(browser ? [page!, id!] : []), ...(options.plugins ?? [])],
    });
    this.emitter = emitter;
    this.identity = id;
    this.who = who;
    this.page = page?.pageViewId;
    if (id) listen(window, 'pagehide', id.save);
  }

  /** Sets the business user id (`uid`) of later events. */
  setUserId(userId: string): void {
    this.who.setUserId(userId);
  }

  /** Page pings while the user is active; see {@link ActivityTrackingOptions}. Returns a stop function. */
  enableActivityTracking(options?: ActivityTrackingOptions): () => void {
    return enableActivityTracking(this, options);
  }

  /** The id of the current page view (the `web_page` entity's `id`). */
  getPageViewId(): string | undefined {
    return this.page?.();
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
