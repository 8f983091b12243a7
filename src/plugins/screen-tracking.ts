// Add-on `dist/plugins/screen-tracking.umd.min.js`: screen views (Snowplow's screen tracking plugin).
import { trackScreenView } from '../core/events/track.js';
import { register } from './register.js';

register({ trackScreenView });
