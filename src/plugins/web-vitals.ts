// Add-on `dist/plugins/web-vitals.umd.min.js`: the `web_vitals` event when the page is hidden or left.
// `isotrack('enableWebVitals', { context? })` starts it; a migrating page's Snowplow form
// `isotrack('addPlugin', url, ['snowplowWebVitals', 'WebVitalsPlugin'])` does too.
import { enableWebVitals, webVitals } from '../browser/web-vitals.js';
import { register } from './register.js';

register({ enableWebVitals });
(window as unknown as Record<string, unknown>).snowplowWebVitals = { WebVitalsPlugin: webVitals };
