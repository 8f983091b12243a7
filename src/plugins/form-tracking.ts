// Add-on `dist/plugins/form-tracking.umd.min.js`: Snowplow's form tracking command, and the form events.
import { enableFormTracking } from '../browser/form-tracking.js';
import { trackFormChange, trackFormSubmit } from '../core/events/track.js';
import { register } from './register.js';

register({ enableFormTracking, trackFormChange, trackFormSubmit });
