// Page views that follow a single-page app's client-side navigation (issue 20; beyond
// Snowplow). The rules, decided here and documented in docs/automatic-tracking.md:
// - a navigation is `history.pushState`/`replaceState`, `popstate`, and `hashchange`
//   unless `ignoreHashChanges`; it counts only when the URL really changed;
// - the page view is sent once the route has rendered: in the task after the next
//   animation frame (the new route's first frame), so the title the router or the
//   component set is read; in a hidden tab, where frames do not run, in the next task;
// - navigations before that coalesce (a redirect right after a push gives one page
//   view, of where the app settled); the referrer is the URL before the first of them;
// - at most one page view per URL: an add-on's page view for the URL of the last page
//   view is skipped, and a page view the app tracks for it afterwards is dropped by
//   this tracker's filter (counted in `tracker.stats().filtered`), whoever came first;
// - the referrer of a page view is the URL of the page view before it, the app's too: an
//   app that tracks a route and navigates again before the frame gets that route as
//   the next page view's referrer;
// - the page view id is new per page view and activity tracking restarts with it (both
//   follow every page view already).
import type { BaseTracker as Tracker } from '../core/tracker.js';
import { browserFeature, enable, guarded, type BrowserFeature } from './autotrack-plugin.js';
import { listen } from './env.js';

/** Options of {@link enableSpaPageViews}. */
export interface SpaPageViewsOptions {
  /** Also track a page view for the current URL when it starts (skip it if the page already called trackPageView). @defaultValue false */
  trackInitial?: boolean | undefined;
  /** A change of the URL's fragment (`#…`) alone is not a navigation. @defaultValue false */
  ignoreHashChanges?: boolean | undefined;
}

type HistoryMethod = 'pushState' | 'replaceState';
// Called after every pushState/replaceState of the page: one wrapper per method, shared
// by every tracker, installed when the first one starts.
const onHistory = new Set<(_?: unknown) => void>();
let wrapped = false;

function watchHistory(): void {
  if (wrapped) return;
  wrapped = true;
  for (const name of ['pushState', 'replaceState'] as HistoryMethod[]) {
    const original = history[name];
    // The wrapper stays when tracking stops (another script may have wrapped it since):
    // with no callback left it only calls the original.
    history[name] = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
      original.apply(this, args);
      for (const callback of onHistory) callback();
    };
  }
}

/** The SPA page-view plugin: added to a tracker in a browser, it tracks a page view per navigation. */
export function spaPageViews(options: SpaPageViewsOptions = {}): BrowserFeature {
  return browserFeature((tracker) => {
    const key = (url: string) => (options.ignoreHashChanges ? url.split('#')[0]! : url);
    // The URL of the last page view this tracker sent (by anyone), as a key.
    let last: string | undefined;
    // The URL before the current navigation, and the pending send.
    let previous = location.href;
    let referrer: string | undefined;
    let pending = false;
    let stopped = false;

    const send = guarded((_?: unknown) => {
      if (!pending) return;
      pending = false;
      const url = location.href;
      if (key(url) != last) tracker.trackPageView({ pageUrl: url, referrer: referrer!, pageTitle: document.title });
    });
    const navigated = guarded((_?: unknown) => {
      const url = location.href;
      if (key(url) != key(previous) && !pending) {
        pending = true;
        referrer = previous;
        if (document.hidden) setTimeout(send);
        else requestAnimationFrame(() => setTimeout(send));
      }
      previous = url;
    });

    tracker.addPlugin({
      // A tracker keeps its plugins: once stopped, this one lets every page view through.
      filter: ({ e, payload }) => stopped || e != 'pv' || key(payload.url!) != last,
      // A page view tracked meanwhile (the app's router hook) is the one a pending
      // navigation's page view follows: its URL becomes that page view's referrer.
      afterTrack: ({ e, payload }) => void (e == 'pv' && ((last = key(payload.url!)), (referrer = payload.url))),
    });
    watchHistory();
    onHistory.add(navigated);
    const unlisten = listen(window, options.ignoreHashChanges ? 'popstate' : 'popstate hashchange', navigated);
    // A page left before the frame came still gets its page view.
    const unlistenHide = listen(window, 'pagehide', send);
    if (options.trackInitial && key(previous) != last) tracker.trackPageView();
    return () => {
      stopped = true;
      onHistory.delete(navigated);
      unlisten();
      unlistenHide();
    };
  });
}

/**
 * Tracks a page view at every client-side navigation of a single-page app, with the
 * previous URL as referrer and the title of the rendered route (see
 * docs/automatic-tracking.md for when exactly, and how it works with an app that also
 * calls trackPageView). Returns a function that stops it; inert outside a browser.
 */
export const enableSpaPageViews = (tracker: Tracker, options?: SpaPageViewsOptions): (() => void) => enable(tracker, spaPageViews(options));
