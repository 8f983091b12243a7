// The page's navigation timing as an entity on page views (Snowplow's performance
// navigation timing plugin, which attaches it to every event; here only page views carry
// it: the figures describe the page load, and each event would repeat ~1 KB of them).
import type { TrackerPlugin } from '../core/plugins.js';
import { inBrowser } from './env.js';

const NAVIGATION_TIMING = 'iglu:org.w3/PerformanceNavigationTiming/jsonschema/1-0-0';
// The entry's fields that the schema has (whole numbers for the sizes and the count).
const FIELDS = [
  'entryType', 'duration', 'nextHopProtocol', 'workerStart', 'redirectStart', 'redirectEnd', 'fetchStart', 'domainLookupStart', 'domainLookupEnd',
  'connectStart', 'secureConnectionStart', 'connectEnd', 'requestStart', 'responseStart', 'responseEnd', 'transferSize', 'encodedBodySize',
  'decodedBodySize', 'unloadEventStart', 'unloadEventEnd', 'domInteractive', 'domContentLoadedEventStart', 'domContentLoadedEventEnd',
  'domComplete', 'loadEventStart', 'loadEventEnd', 'type', 'redirectCount', 'activationStart', 'deliveryType',
] as const;

/**
 * The performance navigation timing plugin: every page view carries
 * `org.w3/PerformanceNavigationTiming` 1-0-0 with the page's navigation entry as it is when
 * the page view is tracked (a page view before the `load` event has `loadEventEnd` 0; a
 * single-page app's later page views carry the same, complete, entry). Times in ms since
 * the navigation started, rounded to 0.001 ms. Nothing where the browser has no entry.
 */
export function performanceNavigationTiming(): TrackerPlugin {
  return {
    beforeTrack({ e, contexts }) {
      if (e != 'pv' || !inBrowser()) return;
      const entry = performance.getEntriesByType?.('navigation')[0] as Record<string, unknown> | undefined;
      if (!entry) return;
      const data: Record<string, unknown> = {};
      for (const field of FIELDS) {
        const value = entry[field];
        // Fields this engine does not have stay out (the schema has no required field).
        if (typeof value == 'number') data[field] = Math.round(value * 1000) / 1000;
        else if (typeof value == 'string' && value) data[field] = value;
      }
      contexts.push({ schema: NAVIGATION_TIMING, data });
    },
  };
}

/** Adds the {@link performanceNavigationTiming} plugin to the tracker. */
export const enablePerformanceNavigationTiming = (tracker: { addPlugin(plugin: TrackerPlugin): unknown }): void =>
  void tracker.addPlugin(performanceNavigationTiming());
