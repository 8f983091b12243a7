// Add-on `dist/plugins/site-tracking.umd.min.js`: site search (Snowplow's site tracking plugin).
import { trackSiteSearch } from '../core/events/track.js';
import { register } from './register.js';

register({ trackSiteSearch });
