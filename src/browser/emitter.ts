import { Emitter as CoreEmitter } from '../emitter/emitter.js';
import type { EmitterOptions } from '../emitter/options.js';
import { sendBeaconTransport, type BeaconTransport, type BeaconTransportOptions } from '../transports/beacon.js';
import type { Transport } from '../transports/types.js';
import type { SerializedEvent } from '../core/types.js';
import { inBrowser, listen } from './env.js';
import { persistentStore, type BrowserEventStore } from './persistent-store.js';
import { localStore } from './storage.js';

/** Options of the browser `Emitter`: every {@link EmitterOptions} plus these. */
export interface BrowserEmitterOptions extends EmitterOptions, BeaconTransportOptions {
  /**
   * Keep queued events in localStorage so that they survive reloads and crashes, and
   * let another tab send what a closed tab left. Memory is used when storage is
   * unavailable or full. @defaultValue true
   */
  persist?: boolean | undefined;
}

// Tiny and stable: separates the queues of different collectors in one origin.
const hash = (text: string) => {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return (h >>> 0).toString(36);
};

/**
 * The Emitter of the browser entries. In a browser it sends with
 * {@link sendBeaconTransport}, sends as soon as events are tracked (`bufferSize` 1,
 * batching what one task tracks, in a task of its own after the storage write),
 * keeps its queue in localStorage, and on `visibilitychange: hidden` and `pagehide`
 * hands what is queued to keepalive requests within the 64 KiB budget, leaving the
 * rest stored for the next load. Events tracked in a later listener of the same
 * `visibilitychange`/`pagehide` (an add-on's, an app's) are handed off the same way,
 * within their track call (see docs/browser.md, "Events tracked while the page hides or leaves").
 * Outside a browser (server-side rendering) it is the plain fetch emitter.
 */
export class Emitter extends CoreEmitter {
  /** Set while the page is being hidden or left: hands events tracked meanwhile to the unload path. */
  // (`!`: its type says it may be unset; written so that the declarations carry no optional member.)
  private _unloading!: (() => void) | undefined;

  constructor(endpoint: string, options: BrowserEmitterOptions = {}) {
    // Server-side rendering sends with the same fetch-based transport (keepalive is a no-op there).
    const transport: Transport & Partial<BeaconTransport> = options.transport ?? sendBeaconTransport(options);
    const browser = inBrowser();
    let store: BrowserEventStore | undefined;
    if (browser && !options.store && options.persist !== false) {
      // `this` is read only when a gone tab's events are restored: in a later task, after `super`.
      store = persistentStore(localStore(), `_it_q${hash(endpoint + options.method + options.postPath)}.`, () => void this.flush());
    }
    super(endpoint, { ...options, store: options.store ?? store, transport }, browser ? { defaults: { bufferSize: 1 }, defer: (task) => setTimeout(task) } : {});
    if (!browser) return;
    // The unload flush runs in the core's own listeners, registered before any add-on's or
    // app's: what a later listener of the same event tracks would wait in storage for the
    // next visit. So from the flush until the next task (a hidden page lives on: its later
    // events take the ordinary, retried path; a page being left runs no later task), an
    // event tracked is flushed the same way at once, inside the track call: Firefox may
    // stop the script of a tab being closed at any point, so an event is on the wire by
    // the time its track call returns, not a microtask later (one request per event there).
    // `leaving` stays set from `pagehide` until the page is shown again: Firefox fires
    // `visibilitychange` after `pagehide`, and that flush is one of a page going away too.
    let leaving: boolean | undefined;
    const exit = () => {
      this._unloading = exit;
      setTimeout(() => (this._unloading = undefined));
      const room = transport.room?.() ?? Infinity;
      if (room > 0) this.flushOnUnload({ maxBytes: room });
      // Only a page that goes away lets go of the events on the wire. A hidden page lives
      // on and settles its requests itself: its events stay stored until acknowledged,
      // so that a failed request's retry is not held in memory alone when a mobile
      // browser kills the hidden tab.
      store?.unload((leaving && transport.sent?.()) || new Set(), !!leaving);
    };
    listen(document, 'visibilitychange', () => document.visibilityState == 'hidden' && exit());
    listen(window, 'pagehide', () => ((leaving = true), exit()));
    // Back from the back/forward cache: take the lease again and send what unload kept.
    listen(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) (leaving = false), transport.thaw?.(), store?.tick(), void this.flush();
    });
    if (store) {
      store.tick();
      setInterval(store.tick, 5000);
    }
  }

  override input(event: SerializedEvent): void {
    super.input(event);
    this._unloading?.();
  }
}
