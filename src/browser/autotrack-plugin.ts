// The shape that link-click, form and error tracking share: a tracker plugin that starts
// its listeners when added to a tracker in a browser, and a function that stops them.
import { warn, type TrackerPlugin } from '../core/plugins.js';
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import { inBrowser } from './env.js';

/** A browser feature as a plugin: added to a tracker it starts (in a browser only); `stop()` ends it. */
export type BrowserFeature = TrackerPlugin & { stop(): void };

/** The plugin of a feature that `start` starts for a tracker, returning its stop function. */
export function browserFeature(start: (tracker: Tracker) => () => void): BrowserFeature {
  let stop: (() => void) | undefined;
  return {
    activate(tracker) {
      if (inBrowser()) stop = start(tracker);
    },
    stop: () => stop?.(),
  };
}

/** Adds the feature to the tracker; returns its stop function. */
export function enable(tracker: Tracker, feature: BrowserFeature): () => void {
  tracker.addPlugin(feature);
  return feature.stop;
}

/** A DOM listener that never throws into the page: a failure is warned about, and the page goes on. */
export const guarded =
  <E>(handler: (event: E) => void) =>
  (event: E): void => {
    try {
      handler(event);
    } catch (error) {
      warn(error);
    }
  };
