// Add-on `dist/plugins/ga-cookies.umd.min.js`: the GA cookies entity on every event.
// `isotrack('enableGaCookies')` adds it; a migrating page's Snowplow form
// `isotrack('addPlugin', url, ['snowplowGaCookies', 'GaCookiesPlugin'])` does too.
import { enableGaCookies, gaCookies } from '../browser/ga-cookies.js';
import { register } from './register.js';

register({ enableGaCookies });
(window as unknown as Record<string, unknown>).snowplowGaCookies = { GaCookiesPlugin: gaCookies };
