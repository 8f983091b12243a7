// Web vitals (Snowplow's web vitals plugin): one `web_vitals` 1-0-0 event per page, with
// what the engine measured, when the page is first hidden or left.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import { selfDescribing } from '../core/events/self-describing.js';
import { browserFeature, enable, guarded, type BrowserFeature } from './autotrack-plugin.js';
import { dynamicContext, type DynamicContext } from './element-filter.js';
import { listen } from './env.js';
import { measureWebVitals, type WebVitalsData } from './web-vitals-metrics.js';

export type { WebVitalsData } from './web-vitals-metrics.js';

/** Options of {@link enableWebVitals} (Snowplow's `WebVitalsPluginOptions`, less the script it loads: isotrack measures by itself). */
export interface WebVitalsOptions {
  /** Entities to attach to the `web_vitals` event, or functions of its data that return one. @defaultValue none */
  context?: DynamicContext<WebVitalsData> | undefined;
}

const WEB_VITALS = 'iglu:com.snowplowanalytics.snowplow/web_vitals/jsonschema/1-0-0';

/**
 * The web vitals plugin: added to a tracker in a browser, measures LCP, INP, CLS, FCP and
 * TTFB (those the engine supports) and sends them once, in a `web_vitals` 1-0-0 event,
 * when the page is first hidden (`visibilitychange`) or left (`pagehide`), whichever
 * comes first. Nothing is sent when nothing was measured. Inert outside a browser.
 */
export function webVitals(options: WebVitalsOptions = {}): BrowserFeature {
  return browserFeature((tracker) => {
    const read = measureWebVitals();
    let sent: boolean | undefined;
    const send = guarded(() => {
      const data = read();
      if (sent || !Object.keys(data).some((key) => key != 'navigationType')) return;
      sent = true;
      // The tracker sends it at once, hidden or leaving as the page is (the core's unload path).
      tracker.track([selfDescribing(WEB_VITALS, data as Record<string, unknown>)], { context: dynamicContext(options.context, data) });
    });
    const stopHidden = listen(document, 'visibilitychange', () => document.visibilityState == 'hidden' && send(null));
    const stopLeave = listen(window, 'pagehide', send);
    return () => (stopHidden(), stopLeave());
  });
}

/** Sends the page's web vitals once, when it is hidden or left (see {@link webVitals}). Returns a function that stops it. */
export const enableWebVitals = (tracker: Tracker, options?: WebVitalsOptions): (() => void) => enable(tracker, webVitals(options));
