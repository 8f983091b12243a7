// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import { inBrowser, listen } from './env.js';
import type { Timer } from '../emitter/timers.js';

/** Options of {@link enableActivityTracking}. */
export interface ActivityTrackingOptions {
  /** Seconds after a page view before the first page ping (sent only if the user was active). @defaultValue 5 */
  minimumVisitLength?: number | undefined;
  /** Seconds between later page pings, each sent only if the user was active since the last. @defaultValue 10 */
  heartbeatDelay?: number | undefined;
}

const ACTIVITY = 'mousedown mousemove keydown touchstart wheel scroll click';

/**
 * Sends page pings (`e=pp`) while the user is active: the first after
 * `minimumVisitLength`, then one per `heartbeatDelay`, each with the smallest and
 * largest scroll offsets seen since the previous ping (`pp_mix`, `pp_max`,
 * `pp_miy`, `pp_may`). Every page view restarts the cycle, so a single-page app
 * gets pings per route. Returns a function that stops it; outside a browser it
 * does nothing.
 */
export function enableActivityTracking(tracker: Tracker, options: ActivityTrackingOptions = {}): () => void {
  if (!inBrowser()) return () => undefined;
  const first = (options.minimumVisitLength ?? 5) * 1000;
  const every = (options.heartbeatDelay ?? 10) * 1000;
  let active = false;
  let stopped = false;
  let timer: Timer | undefined;
  // [minX, maxX, minY, maxY] since the last ping.
  let box: number[] = [];

  const reset = () => {
    const x = Math.round(scrollX);
    const y = Math.round(scrollY);
    box = [x, x, y, y];
  };
  const ping = () => {
    if (active) {
      active = false;
      const [minX, maxX, minY, maxY] = box as [number, number, number, number];
      reset();
      try {
        tracker.trackPagePing({ pageUrl: location.href, pageTitle: document.title, minX, maxX, minY, maxY });
      } catch {
        // A ping is best effort: it never breaks the page.
      }
    }
    schedule(every);
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(ping, delay);
  };
  const restart = () => {
    active = false;
    reset();
    schedule(first);
  };
  const unlisten = listen(window, ACTIVITY, () => {
    active = true;
    const x = Math.round(scrollX);
    const y = Math.round(scrollY);
    box = [Math.min(box[0]!, x), Math.max(box[1]!, x), Math.min(box[2]!, y), Math.max(box[3]!, y)];
  });
  tracker.addPlugin({
    beforeTrack: ({ e }) => {
      if (e == 'pv') restart();
    },
  });
  restart();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unlisten();
  };
}
