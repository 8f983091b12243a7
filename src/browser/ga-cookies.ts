// Google Analytics cookies as an entity (Snowplow's GA cookies plugin, its Universal
// Analytics form): the `com.google.analytics/cookies` 1-0-0 entity on every event.
import type { TrackerPlugin } from '../core/plugins.js';
import type { SelfDescribingJson } from '../core/types.js';
import { getCookie } from './cookies.js';
import { inBrowser } from './env.js';

const GA_COOKIES = 'iglu:com.google.analytics/cookies/jsonschema/1-0-0';
const NAMES = ['__utma', '__utmb', '__utmc', '__utmv', '__utmz', '_ga'];

/**
 * The GA cookies plugin: attaches `com.google.analytics/cookies` 1-0-0 with the values of
 * the `__utma`, `__utmb`, `__utmc`, `__utmv`, `__utmz` and `_ga` cookies present when each
 * event is tracked (read per event: Google's script may set them at any time). Snowplow's
 * GA4 entity (`com.google.ga4/cookies`) is not sent. Inert outside a browser.
 */
export function gaCookies(): TrackerPlugin {
  return {
    contexts(): SelfDescribingJson[] {
      if (!inBrowser()) return [];
      const data: Record<string, string> = {};
      for (const name of NAMES) {
        const value = getCookie(name);
        if (value) data[name] = value;
      }
      return [{ schema: GA_COOKIES, data }];
    },
  };
}

/** Adds the {@link gaCookies} plugin to the tracker. */
export const enableGaCookies = (tracker: { addPlugin(plugin: TrackerPlugin): unknown }): void => void tracker.addPlugin(gaCookies());
